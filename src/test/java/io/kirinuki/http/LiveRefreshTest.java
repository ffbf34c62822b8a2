package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.kirinuki.analysis.Analyzers;
import io.kirinuki.corpus.Outlets;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.index.Indexer;
import io.kirinuki.index.SourceText;
import io.kirinuki.search.Searcher;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit made by another index run while the server runs is served after {@link
 * Searcher#refresh()} (what the server's timer calls every second), with no restart, and searches
 * running during the switch all succeed.
 */
class LiveRefreshTest {
  private static final String OCTOBER = "000_51f9795d2875bb88.txt";
  private static final String AUGUST = "002_3696a5037cc44fdd.txt";
  private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+),");

  @TempDir Path tmp;
  private Path indexDir;
  private Path posts;
  private Searcher searcher;
  private Javalin app;
  private HttpProbe http;

  @BeforeEach
  void startOnTheOctoberPostAlone() throws IOException {
    indexDir = tmp.resolve("index");
    posts = Files.createDirectories(tmp.resolve("posts"));
    addSample(OCTOBER);
    index(false);
    searcher = Searcher.open(indexDir);
    app = WebServer.create(searcher, new WebServer.Settings("127.0.0.1", 0)).start("127.0.0.1", 0);
    http = new HttpProbe(app.port());
  }

  @AfterEach
  void stop() throws IOException {
    app.stop();
    searcher.close();
  }

  private void addSample(String name) throws IOException {
    try (InputStream in =
        LiveRefreshTest.class.getResourceAsStream("/io/kirinuki/samples/" + name)) {
      Files.write(posts.resolve(name), in.readAllBytes());
    }
  }

  /** One index run over the posts folder, as {@code kirinuki index [--prune]} would do. */
  private void index(boolean prune) throws IOException {
    List<SourceText> sources = new ArrayList<>();
    try (var files = Files.list(posts)) {
      files.sorted().forEach(file -> sources.add(SourceText.of(file)));
    }
    new Indexer(
            indexDir,
            Analyzers.load(),
            new PostParser(Outlets.load()),
            new Indexer.Settings(1, false, prune))
        .index(sources, Indexer.Progress.NONE);
  }

  private long total(String pathAndQuery) {
    HttpResponse<String> response = http.get(pathAndQuery);
    assertEquals(200, response.statusCode(), response.body());
    Matcher matcher = TOTAL.matcher(response.body());
    assertTrue(matcher.find(), response.body());
    return Long.parseLong(matcher.group(1));
  }

  @Test
  void servesANewCommitAfterRefreshWithoutARestart() throws IOException {
    // Fujitsu Research Institute: quoted only in the August post
    String fujitsu = "/api/search?q=" + ApiTest.encode("富士通総研");
    assertEquals("{\"status\":\"ok\",\"documents\":11}", http.get("/api/health").body());
    assertEquals(0, total(fujitsu));

    addSample(AUGUST);
    index(false);
    // Until the refresh the server keeps serving the commit it has.
    assertEquals("{\"status\":\"ok\",\"documents\":11}", http.get("/api/health").body());

    assertTrue(searcher.refresh());
    assertEquals("{\"status\":\"ok\",\"documents\":20}", http.get("/api/health").body());
    assertEquals(1, total(fujitsu));
    assertFalse(searcher.refresh()); // nothing newer: a cheap no-op
  }

  @Test
  void searchesInFlightWhileTheCommitSwitchesAllSucceed() throws Exception {
    String query = "/api/search?q=" + ApiTest.encode("マイナンバー") + "&size=100";
    long octoberOnly = total(query);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int client = 0; client < 4; client++) {
      results.add(
          clients.submit(
              () -> {
                go.await();
                List<Long> totals = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                  totals.add(total(query));
                }
                return totals;
              }));
    }
    go.countDown();
    // Switch back and forth between two commits while the clients search.
    for (int round = 0; round < 3; round++) {
      addSample(AUGUST);
      index(false);
      searcher.refresh();
      Files.delete(posts.resolve(AUGUST));
      index(true);
      searcher.refresh();
    }
    addSample(AUGUST);
    index(false);
    searcher.refresh();
    long both = total(query);
    clients.shutdown();
    for (Future<List<Long>> result : results) {
      for (long total : result.get()) {
        assertTrue(total == octoberOnly || total == both, "total " + total);
      }
    }
    assertEquals(11, octoberOnly);
    assertEquals(20, both);
  }
}
