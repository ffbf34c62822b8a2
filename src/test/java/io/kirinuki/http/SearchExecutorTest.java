package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.search.InvalidQueryException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SearchExecutorTest {

  @Test
  void returnsWhatTheWorkReturns() {
    try (SearchExecutor executor = new SearchExecutor(1, 1, 60_000)) {
      assertEquals("done", executor.call(() -> "done"));
    }
  }

  @Test
  void rethrowsWhatTheWorkThrowsUnwrapped() {
    InvalidQueryException refused = new InvalidQueryException("The query is odd.");
    try (SearchExecutor executor = new SearchExecutor(1, 1, 60_000)) {
      assertSame(
          refused,
          assertThrows(
              InvalidQueryException.class,
              () ->
                  executor.call(
                      () -> {
                        throw refused;
                      })));
    }
  }

  @Test
  void refusesWorkWhenEveryThreadIsBusyAndTheQueueIsFull() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (SearchExecutor executor = new SearchExecutor(1, 1, 60_000)) {
      Future<Boolean> running = executor.submit(() -> release.await(1, TimeUnit.MINUTES));
      Future<String> queued = executor.submit(() -> "queued");
      ServiceUnavailableException refused =
          assertThrows(ServiceUnavailableException.class, () -> executor.call(() -> "refused"));
      assertEquals(
          "The server is busy with other searches; try again in a moment.", refused.getMessage());
      release.countDown();
      assertEquals(true, running.get());
      assertEquals("queued", queued.get());
    }
  }

  @Test
  void givesUpWaitingAfterTheTimeLimitWithoutInterruptingTheWork() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    try (SearchExecutor executor = new SearchExecutor(1, 1, 50)) {
      // Starts the pool's one thread, so the slow work below begins at once, well within 50 ms.
      assertEquals("warm", executor.submit(() -> "warm").get());
      ServiceUnavailableException cut =
          assertThrows(
              ServiceUnavailableException.class,
              () ->
                  executor.call(
                      () -> {
                        try {
                          return release.await(1, TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                          interrupted.set(true);
                          return false;
                        } finally {
                          finished.countDown();
                        }
                      }));
      assertEquals(
          "The search took longer than 50 ms and was given up; try a more specific query.",
          cut.getMessage());
      // An interrupt could close a Lucene file channel under every other search, so none comes.
      release.countDown();
      assertTrue(finished.await(1, TimeUnit.MINUTES));
      assertFalse(interrupted.get());
    }
  }
}
