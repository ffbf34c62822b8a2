package io.kirinuki.http;

import io.javalin.Javalin;
import io.kirinuki.index.Indexer;
import io.kirinuki.search.Searcher;
import java.io.IOException;
import java.nio.file.Path;

/** A real server on a free port over a real index of the two bundled sample posts. */
final class SampleServer implements AutoCloseable {
  final Searcher searcher;
  final Javalin app;
  final HttpProbe http;

  private SampleServer(Searcher searcher, Javalin app) {
    this.searcher = searcher;
    this.app = app;
    this.http = new HttpProbe(app.port());
  }

  /** Indexes the samples into {@code indexDir} (as {@code serve} does on a fresh clone). */
  static SampleServer start(Path indexDir) throws IOException {
    Indexer.indexSamplesIfEmpty(indexDir);
    Searcher searcher = Searcher.open(indexDir);
    Javalin app =
        WebServer.create(searcher, new WebServer.Settings(WebServer.Settings.DEFAULT_HOST, 0))
            .start(WebServer.Settings.DEFAULT_HOST, 0);
    return new SampleServer(searcher, app);
  }

  @Override
  public void close() throws IOException {
    app.stop();
    searcher.close();
  }
}
