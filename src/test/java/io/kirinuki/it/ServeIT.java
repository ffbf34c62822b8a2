package io.kirinuki.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kirinuki serve} run from the jar, as on a fresh clone: it indexes the bundled samples,
 * serves a commit made meanwhile by {@code kirinuki index} in another process with no restart, and
 * stops on SIGTERM with one line.
 */
class ServeIT {
  private static final Pattern DOCUMENTS = Pattern.compile("\"documents\":(\\d+)");

  /** A post in the blog's layout that the samples do not contain. */
  private static final String NEW_POST =
      """
      てらまち・ねっと



       図書館の話題を記録。

      ●岐阜市立図書館が新館を開館/岐阜 2016年3月1日

      ●岐阜市立図書館が新館を開館
            岐阜 2016年3月1日
       岐阜市立図書館の新館が開館し、初日から多くの市民が訪れた。

      コメント ( 0 ) | Trackback ( )\
      """;

  @TempDir Path tmp;

  private final HttpClient http = HttpClient.newHttpClient();

  private String get(String url) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private long documents(ServeProcess server) throws IOException, InterruptedException {
    Matcher matcher = DOCUMENTS.matcher(get(server.url() + "api/health"));
    assertTrue(matcher.find());
    return Long.parseLong(matcher.group(1));
  }

  @Test
  void indexesTheSamplesServesANewCommitWithoutRestartAndStopsOnSigterm() throws Exception {
    Path index = tmp.resolve("index");
    try (ServeProcess server = ServeProcess.start(index)) {
      long samples = server.documents();
      assertEquals(samples, documents(server));

      Path post = tmp.resolve("library.txt");
      Files.writeString(post, NEW_POST);
      ServeProcess.Result indexed =
          ServeProcess.run("index", "--index", index.toString(), post.toString());
      assertEquals(0, indexed.exitCode(), indexed.output());

      // The server looks for a new commit every second; poll its health for up to 30 s (the
      // contract says 2 s, but a loaded test machine must not make this test flaky).
      long served = samples;
      for (int probe = 0; probe < 300 && served == samples; probe++) {
        CompletableFuture.runAsync(
                () -> {}, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS))
            .join();
        served = documents(server);
      }
      assertEquals(samples + 2, served); // the post and its one article
      assertTrue(
          get(server.url() + "api/search?q=%E5%9B%B3%E6%9B%B8%E9%A4%A8") // 図書館 (library)
              .contains("\"total\":2,"));

      int exit = server.terminate();
      assertEquals(143, exit); // 128 + SIGTERM: the JVM ran its shutdown hooks and ended
      assertTrue(
          server.output().stream()
              .anyMatch(line -> line.endsWith("Stopped serving on " + server.url())),
          String.join("\n", server.output()));
    }
  }

  @Test
  void refusesAPortOutOfRangeAsAUsageError() throws Exception {
    ServeProcess.Result result = ServeProcess.run("serve", "--port", "70000");
    assertEquals(2, result.exitCode());
    assertTrue(
        result.output().startsWith("The port must be between 0 and 65535, not 70000."),
        result.output());
  }
}
