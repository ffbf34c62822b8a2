package io.kirinuki.http;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.kirinuki.search.SearchRequest;

/**
 * The JSON API: {@code /api/search}, {@code /api/documents/{id}}, {@code /api/health} and {@code
 * /api/openapi.json}. Request and response work only; errors go to the one mapping in {@link
 * WebServer}.
 */
final class ApiController {
  private final SearchService service;
  private final SearchExecutor executor;
  private final byte[] openApi;

  ApiController(SearchService service, SearchExecutor executor, byte[] openApi) {
    this.service = service;
    this.executor = executor;
    this.openApi = openApi;
  }

  void search(Context ctx) {
    SearchRequest request = SearchParams.read(ctx.queryString());
    ctx.json(executor.call(() -> service.search(request)));
  }

  void document(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(executor.call(() -> service.document(id)));
  }

  void health(Context ctx) {
    ctx.json(new Json.Health("ok", service.documentCount()));
  }

  void openApi(Context ctx) {
    ctx.contentType(ContentType.APPLICATION_JSON).result(openApi);
  }
}
