package io.kirinuki.http;

import io.kirinuki.search.DocumentView;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchResult;
import io.kirinuki.search.Searcher;
import java.io.IOException;

/**
 * What the HTTP layer asks of the search core; {@link #of(Searcher)} is the real one, and tests put
 * a slow one in its place to show that a slow search cannot hang the server.
 */
interface SearchService {
  SearchResult search(SearchRequest request);

  DocumentView document(String id);

  long documentCount();

  /** Switches to the newest commit on disk; true when it switched. */
  boolean refresh() throws IOException;

  static SearchService of(Searcher searcher) {
    return new SearchService() {
      @Override
      public SearchResult search(SearchRequest request) {
        return searcher.search(request);
      }

      @Override
      public DocumentView document(String id) {
        return searcher.document(id);
      }

      @Override
      public long documentCount() {
        return searcher.documentCount();
      }

      @Override
      public boolean refresh() throws IOException {
        return searcher.refresh();
      }
    };
  }
}
