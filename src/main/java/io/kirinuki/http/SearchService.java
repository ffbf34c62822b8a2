package io.kirinuki.http;

import io.kirinuki.search.DocumentView;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchResult;
import io.kirinuki.search.Searcher;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

  /**
   * A service over a searcher still being opened: the server can listen while the index and the
   * dictionaries load; a request that comes first waits for them.
   */
  static SearchService deferred(CompletableFuture<Searcher> opening) {
    return new SearchService() {
      private Searcher searcher() {
        try {
          return opening.join();
        } catch (CompletionException e) {
          if (e.getCause() instanceof RuntimeException cause) {
            throw cause;
          }
          throw e;
        }
      }

      @Override
      public SearchResult search(SearchRequest request) {
        return searcher().search(request);
      }

      @Override
      public DocumentView document(String id) {
        return searcher().document(id);
      }

      @Override
      public long documentCount() {
        return searcher().documentCount();
      }

      @Override
      public boolean refresh() throws IOException {
        return opening.isDone() && searcher().refresh();
      }
    };
  }

  static SearchService of(Searcher searcher) {
    return deferred(CompletableFuture.completedFuture(searcher));
  }
}
