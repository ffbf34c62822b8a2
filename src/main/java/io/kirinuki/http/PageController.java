package io.kirinuki.http;

import io.javalin.http.Context;
import io.kirinuki.search.SearchRequest;

/**
 * The Japanese browser pages: the search page at {@code /} (results rendered on the server, so a
 * result URL can be shared and works without JavaScript) and {@code /documents/{id}}.
 */
final class PageController {
  private final SearchService service;
  private final SearchExecutor executor;
  private final Templates templates;

  PageController(SearchService service, SearchExecutor executor, Templates templates) {
    this.service = service;
    this.executor = executor;
    this.templates = templates;
  }

  void search(Context ctx) {
    SearchPage.Form form = SearchPage.Form.of(ctx.queryParamMap());
    SearchRequest request = SearchParams.read(ctx.queryString());
    SearchPage page = SearchPage.of(form, request, executor.call(() -> service.search(request)));
    ctx.html(templates.render(Templates.SEARCH, page));
  }

  void document(Context ctx) {
    String id = ctx.pathParam("id");
    DocumentPage page =
        executor.call(() -> DocumentPage.of(service.document(id), service::document));
    ctx.html(templates.render(Templates.DOCUMENT, page));
  }

  /** The search page for a search that could not run: the form as typed, and why (status set). */
  String failedSearch(Context ctx, String japaneseMessage) {
    return templates.render(
        Templates.SEARCH,
        SearchPage.failed(SearchPage.Form.of(ctx.queryParamMap()), japaneseMessage));
  }

  /** The HTML error page. */
  String error(int status, String title, String message) {
    return templates.render(Templates.ERROR, new ErrorPage(status, title, message));
  }
}
