package io.kirinuki.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one entry point for searching an index, shared by the HTTP server and the CLI.
 *
 * <p>Work in progress: the signatures are fixed, the implementation lands with issue 4.
 */
public final class Searcher implements Closeable {

  private Searcher() {}

  /** Opens the index in {@code indexDir}; fails when there is no index there. */
  public static Searcher open(Path indexDir) throws IOException {
    throw new UnsupportedOperationException("Searcher lands with issue 4");
  }

  /** Runs one search; throws {@link InvalidQueryException} for a request it refuses. */
  public SearchResult search(SearchRequest request) {
    throw new UnsupportedOperationException("Searcher lands with issue 4");
  }

  /** One document in full; throws {@link UnknownDocumentException} for an unknown id. */
  public DocumentView document(String id) {
    throw new UnsupportedOperationException("Searcher lands with issue 4");
  }

  /** Number of documents (posts and articles) in the currently served commit. */
  public long documentCount() {
    throw new UnsupportedOperationException("Searcher lands with issue 4");
  }

  /** Switches to the newest commit on disk, if there is one; true when it switched. */
  public boolean refresh() throws IOException {
    throw new UnsupportedOperationException("Searcher lands with issue 4");
  }

  /** Counts and sizes of the currently served commit. */
  public IndexStats stats() throws IOException {
    throw new UnsupportedOperationException("Searcher lands with issue 4");
  }

  @Override
  public void close() throws IOException {}
}
