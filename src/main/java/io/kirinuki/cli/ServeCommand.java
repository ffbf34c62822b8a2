package io.kirinuki.cli;

import io.kirinuki.http.WebServer;
import io.kirinuki.index.Indexer;
import io.kirinuki.search.Searcher;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
    if (Indexer.indexSamplesIfEmpty(index.dir)) {
      out.println("kirinuki serve: " + index.dir + " was empty; indexed the bundled sample posts");
      out.flush();
    }
    try (Searcher searcher = Searcher.open(index.dir);
        WebServer server = WebServer.start(searcher, settings)) {
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
    return 0;
  }
}
