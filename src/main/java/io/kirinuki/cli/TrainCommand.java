package io.kirinuki.cli;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.corpus.Outlets;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.http.WebServer;
import io.kirinuki.index.Indexer;
import io.kirinuki.index.SourceText;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.Searcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code kirinuki train-startup} (hidden): the workload of the ahead-of-time cache that {@code mvn
 * package} writes to {@code target/kirinuki.aot} (JDK 25, JEP 483/514/515). It indexes the bundled
 * samples into a temporary folder, serves them on a free port, asks the server each kind of request
 * the API and the page answer, and stops. The JVM records the classes it loaded and linked and the
 * methods it profiled; {@code java -XX:AOTCache=target/kirinuki.aot -jar ...} then starts with
 * them, which takes about a second off every start of {@code serve}, {@code index} and {@code
 * search} (measured in issue 6).
 */
@Command(
    name = "train-startup",
    hidden = true,
    description = "The training run of the AOT cache that `mvn package` writes (not for users).")
final class TrainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private static final List<String> PATHS =
      List.of(
          "/api/health",
          "/api/search?q=" + encode("マイナンバー"),
          "/api/search?q=" + encode("まいなんばー 収賄"),
          "/api/search?q=" + encode("\"日本年金機構\" -NHK") + "&type=article&sort=newest",
          "/api/search?q=" + encode("顔") + "&outlet=" + encode("読売") + "&from=2015-01-01",
          "/api/search?q=&outlet=" + encode("産経"),
          "/api/search?size=500",
          "/api/openapi.json",
          "/?q=" + encode("マイナンバー"),
          "/?q=" + encode("取手市 住民票") + "&type=article&page=2",
          "/static/kirinuki.css",
          "/static/kirinuki.js",
          "/nowhere");

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("kirinuki-train");
    try {
      Path index = work.resolve("index");
      Indexer indexer =
          new Indexer(
              index,
              Analyzers.load(),
              new PostParser(Outlets.load()),
              new Indexer.Settings(1, true, false));
      indexer.index(SourceText.bundledSamples(), Indexer.Progress.NONE);
      int answered = 0;
      try (Searcher searcher = Searcher.open(index);
          WebServer server =
              WebServer.start(
                  searcher, new WebServer.Settings(WebServer.Settings.DEFAULT_HOST, 0))) {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        String someId = searcher.search(SearchRequest.of("マイナンバー")).hits().get(0).id();
        Stream<String> paths =
            Stream.concat(
                PATHS.stream(), Stream.of("/api/documents/" + someId, "/documents/" + someId));
        for (String path : paths.toList()) {
          for (int round = 0; round < 3; round++) {
            client.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.discarding());
            answered++;
          }
        }
      }
      out.println("kirinuki train-startup: " + answered + " requests answered");
      out.flush();
      return 0;
    } finally {
      deleteTree(work);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
