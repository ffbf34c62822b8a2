package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.kirinuki.search.DocumentView;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchResult;
import io.kirinuki.search.UnknownDocumentException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's behaviour around the search core, with a search core that never finishes: a slow
 * search is cut off with a 503 and the server keeps answering.
 */
class WebServerTest {
  /** Released at the end of each test, so no search thread outlives it. */
  private final CountDownLatch release = new CountDownLatch(1);

  private final SearchService stuck =
      new SearchService() {
        @Override
        public SearchResult search(SearchRequest request) {
          waitForRelease();
          return new SearchResult(request.query(), 0, 1, 10, 0, List.of(), Map.of());
        }

        @Override
        public DocumentView document(String id) {
          waitForRelease();
          throw new UnknownDocumentException(id);
        }

        @Override
        public long documentCount() {
          return 42;
        }

        @Override
        public boolean refresh() throws IOException {
          return false;
        }
      };

  private void waitForRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Javalin app;
  private HttpProbe http;

  @BeforeEach
  void start() {
    app = WebServer.create(stuck, new WebServer.Settings("127.0.0.1", 0, 1000, 300)).start(0);
    http = new HttpProbe(app.port());
  }

  @AfterEach
  void stop() {
    release.countDown();
    app.stop();
  }

  @Test
  void aSearchThatRunsTooLongIsAnswered503AndTheServerKeepsAnswering() {
    HttpResponse<String> slow = http.get("/api/search?q=x");
    assertEquals(503, slow.statusCode());
    assertEquals(
        "{\"status\":503,\"error\":\"The search took longer than 300 ms and was given up;"
            + " try a more specific query.\"}",
        slow.body());
    assertEquals("5", http.header(slow, "Retry-After"));

    HttpResponse<String> health = http.get("/api/health");
    assertEquals(200, health.statusCode());
    assertEquals("{\"status\":\"ok\",\"documents\":42}", health.body());
  }

  @Test
  void aDocumentThatTakesTooLongIsAnswered503Too() {
    HttpResponse<String> slow = http.get("/api/documents/abc");
    assertEquals(503, slow.statusCode());
    assertTrue(slow.body().startsWith("{\"status\":503,\"error\":\"The search took longer"));
  }

  @Test
  void theSearchPageSaysInJapaneseThatTheSearchWasCutOff() {
    HttpResponse<String> slow = http.get("/?q=x");
    assertEquals(503, slow.statusCode());
    assertTrue(slow.body().contains("検索に時間がかかりすぎたため中断しました。"), slow.body());
    assertEquals("text/html;charset=utf-8", http.header(slow, "Content-Type").toLowerCase());
  }

  @Test
  void stoppingLetsASearchInFlightFinish() throws Exception {
    CountDownLatch searching = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    SearchService slow =
        new SearchService() {
          @Override
          public SearchResult search(SearchRequest request) {
            searching.countDown();
            try {
              finish.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return new SearchResult(request.query(), 0, 1, 10, 0, List.of(), Map.of());
          }

          @Override
          public DocumentView document(String id) {
            throw new UnknownDocumentException(id);
          }

          @Override
          public long documentCount() {
            return 0;
          }

          @Override
          public boolean refresh() {
            return false;
          }
        };
    Javalin stopping =
        WebServer.create(slow, new WebServer.Settings("127.0.0.1", 0, 1000, 60_000))
            .start("127.0.0.1", 0);
    HttpProbe probe = new HttpProbe(stopping.port());
    CompletableFuture<HttpResponse<String>> answer =
        CompletableFuture.supplyAsync(() -> probe.get("/api/search?q=inflight"));
    searching.await();
    Thread stopper = Thread.ofPlatform().start(stopping::stop);
    // Let the search end only once the stop is under way (bounded wait on the server's state).
    for (int i = 0; i < 1_000_000 && !stopping.jettyServer().server().isStopping(); i++) {
      Thread.onSpinWait();
    }
    assertTrue(stopping.jettyServer().server().isStopping());
    finish.countDown();
    stopper.join();
    HttpResponse<String> response = answer.get();
    assertEquals(200, response.statusCode());
    assertEquals(
        "{\"query\":\"inflight\",\"total\":0,\"page\":1,\"size\":10,\"tookMs\":0,"
            + "\"hits\":[],\"facets\":{}}",
        response.body());
  }

  @Test
  void aMissingClasspathResourceStopsTheServerAtStartup() {
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class,
            () -> WebServer.resourceText("/io/kirinuki/http/missing.json"));
    assertEquals(
        "The resource /io/kirinuki/http/missing.json is missing from the jar.",
        missing.getMessage());
  }

  @Test
  void badSettingsFailAtStartup() {
    IllegalArgumentException port =
        assertThrows(
            IllegalArgumentException.class, () -> new WebServer.Settings("127.0.0.1", 70_000));
    assertEquals("The port must be between 0 and 65535, not 70000.", port.getMessage());
  }
}
