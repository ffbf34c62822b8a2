package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import io.kirinuki.search.DocumentView;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchResult;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real answers of every endpoint, for every status the OpenAPI document declares, checked against
 * the document's schemas; and every declared answer is produced here, so the hand-written document
 * and the server cannot drift apart unnoticed.
 */
class OpenApiConformanceTest {
  private final OpenApiDocument openApi = new OpenApiDocument();
  private final Set<String> exercised = new TreeSet<>();
  private final List<String> problems = new ArrayList<>();

  @TempDir Path indexDir;

  private void check(HttpProbe http, String pathTemplate, String pathAndQuery, int status) {
    HttpResponse<String> response = http.get(pathAndQuery);
    assertEquals(status, response.statusCode(), pathAndQuery + ": " + response.body());
    assertEquals("application/json", http.header(response, "Content-Type"), pathAndQuery);
    for (String problem : openApi.problems(pathTemplate, status, response.body())) {
      problems.add(pathAndQuery + " " + status + ": " + problem);
    }
    exercised.add("GET " + pathTemplate + " " + status);
  }

  @Test
  void everyDeclaredAnswerIsProducedAndMatchesItsSchema() throws IOException {
    try (SampleServer server = SampleServer.start(indexDir)) {
      HttpProbe http = server.http;
      String q = "?q=" + ApiTest.encode("マイナンバー"); // "My Number"
      check(http, "/api/search", "/api/search" + q, 200);
      check(http, "/api/search", "/api/search" + q + "&size=100&sort=oldest", 200);
      check(http, "/api/search", "/api/search?type=post", 200);
      check(http, "/api/search", "/api/search?q=" + ApiTest.encode("総務省") + "&sort=newest", 200);
      check(http, "/api/search", "/api/search?q=zzzzzz", 200);
      check(http, "/api/search", "/api/search?size=0", 400);
      check(http, "/api/search", "/api/search?from=2015-02-30", 400);
      check(http, "/api/documents/{id}", "/api/documents/" + ApiTest.YOMIURI_SEPARATION, 200);
      check(http, "/api/documents/{id}", "/api/documents/" + ApiTest.POST_OCTOBER, 200);
      check(http, "/api/documents/{id}", "/api/documents/nothing", 404);
      check(http, "/api/health", "/api/health", 200);
      check(http, "/api/openapi.json", "/api/openapi.json", 200);
    }

    CountDownLatch release = new CountDownLatch(1);
    Javalin stuck =
        WebServer.create(
                new StuckService(release), new WebServer.Settings("127.0.0.1", 0, 1000, 200))
            .start("127.0.0.1", 0);
    try {
      HttpProbe http = new HttpProbe(stuck.port());
      check(http, "/api/search", "/api/search?q=x", 503);
      check(http, "/api/documents/{id}", "/api/documents/x", 503);
    } finally {
      release.countDown();
      stuck.stop();
    }

    assertEquals(List.of(), problems);
    assertEquals(openApi.declaredResponses(), exercised);
  }

  /** A search core whose every search waits until the test ends. */
  private record StuckService(CountDownLatch release) implements SearchService {
    @Override
    public SearchResult search(SearchRequest request) {
      await();
      throw new IllegalStateException("released");
    }

    @Override
    public DocumentView document(String id) {
      await();
      throw new IllegalStateException("released");
    }

    @Override
    public long documentCount() {
      return 0;
    }

    @Override
    public boolean refresh() {
      return false;
    }

    private void await() {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
