package io.kirinuki.cli;

import io.kirinuki.http.WebServer;
import io.kirinuki.index.Indexer;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.Searcher;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kirinuki serve}: the JSON API and the Japanese search page over an index. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the JSON API (/api/...) and the search page (/) over the index.",
      "Indexes the bundled sample posts first when the index is missing or empty. A commit made"
          + " meanwhile by `kirinuki index` is served within 2 seconds, with no restart."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin IndexDirOption index;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = WebServer.Settings.DEFAULT_HOST,
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "" + WebServer.Settings.DEFAULT_PORT,
      description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    WebServer.Settings settings;
    try {
      settings = new WebServer.Settings(host, port);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    // Lucene and Kuromoji load on one core while Jetty starts on the other; a request that comes
    // before the index is open waits for it.
    CompletableFuture<Searcher> opening = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name("kirinuki-open").start(() -> open(opening, out));
    try (WebServer server = WebServer.start(opening, settings)) {
      Searcher searcher;
      try {
        searcher = opening.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
      try (searcher) {
        // SIGTERM and Ctrl-C: stop taking requests, finish the ones in flight, log one line.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kirinuki-shutdown"));
        out.println(
            "kirinuki serve: "
                + searcher.documentCount()
                + " documents from "
                + index.dir
                + " on "
                + server.url());
        out.flush();
        server.awaitStop();
      }
    }
    return 0;
  }

  /** Indexes the samples into an empty index and opens it. */
  private void open(CompletableFuture<Searcher> opening, PrintWriter out) {
    Searcher searcher;
    try {
      if (Indexer.indexSamplesIfEmpty(index.dir)) {
        out.println(
            "kirinuki serve: " + index.dir + " was empty; indexed the bundled sample posts");
        out.flush();
      }
      searcher = Searcher.open(index.dir);
      // One search loads Kuromoji's dictionary and Lucene's search classes, which the first
      // request needs anyway, while Jetty still starts.
      searcher.search(SearchRequest.of("切り抜き"));
    } catch (Exception | Error e) {
      opening.completeExceptionally(e);
      return;
    }
    // No more warm-up searches after this one: on two cores they took the CPU from the first
    // requests (measured: the first answer came 4 % later with them).
    opening.complete(searcher);
  }
}
