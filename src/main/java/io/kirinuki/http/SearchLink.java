package io.kirinuki.http;

import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchRequest.Sort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A search-page URL: the parameters of a request with some changed, defaults left out, so that
 * every facet, filter and page link is a plain shareable URL that works without JavaScript.
 */
final class SearchLink {
  private final Map<String, String> params;

  private SearchLink(Map<String, String> params) {
    this.params = params;
  }

  /** The URL that asks for exactly {@code request}. */
  static SearchLink of(SearchRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : SearchParams.NAMES) {
      params.put(name, null);
    }
    params.put(SearchParams.Q, request.query().isEmpty() ? null : request.query());
    params.put(SearchParams.TYPE, request.type() == null ? null : request.type().value());
    params.put(SearchParams.OUTLET, request.outlet());
    params.put(SearchParams.FROM, request.from() == null ? null : request.from().toString());
    params.put(SearchParams.TO, request.to() == null ? null : request.to().toString());
    params.put(SearchParams.SORT, request.sort() == Sort.RELEVANCE ? null : request.sort().value());
    params.put(SearchParams.PAGE, request.page() == 1 ? null : Integer.toString(request.page()));
    params.put(
        SearchParams.SIZE,
        request.size() == SearchRequest.DEFAULT_SIZE ? null : Integer.toString(request.size()));
    return new SearchLink(params);
  }

  /**
   * The same search with one parameter set (null removes it); back to page 1, because the hits of
   * the old page number mean nothing under a new filter.
   */
  SearchLink with(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(params);
    changed.put(name, value);
    changed.put(SearchParams.PAGE, null);
    return new SearchLink(changed);
  }

  /** The same search on another page. */
  SearchLink page(int page) {
    Map<String, String> changed = new LinkedHashMap<>(params);
    changed.put(SearchParams.PAGE, page == 1 ? null : Integer.toString(page));
    return new SearchLink(changed);
  }

  /** The URL, {@code /} when nothing is set. */
  String href() {
    StringJoiner query = new StringJoiner("&", "/?", "").setEmptyValue("/");
    params.forEach(
        (name, value) -> {
          if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }

  @Override
  public String toString() {
    return href();
  }
}
