package io.kirinuki.http;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link SearchService#refresh()} on a schedule, so that a commit made by {@code kirinuki
 * index} in another process is served within two intervals, with no restart.
 */
final class IndexRefresher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexRefresher.class);

  private final SearchService service;
  private final ScheduledExecutorService scheduler;

  IndexRefresher(SearchService service, long intervalMs) {
    this.service = service;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread thread = new Thread(work, "kirinuki-refresh");
              thread.setDaemon(true);
              return thread;
            });
    // Fixed delay, not rate: a slow refresh must not make the next ones queue up behind it.
    scheduler.scheduleWithFixedDelay(
        this::refreshOnce, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
  }

  /** One refresh; a failure is logged and the next tick tries again (a thrown one would end it). */
  void refreshOnce() {
    try {
      if (service.refresh()) {
        LOG.info("Serving a newer index commit: {} documents", service.documentCount());
      }
    } catch (Exception e) {
      LOG.warn("Could not refresh the index: {}", e.toString());
    }
  }

  /** Stops the schedule, letting a refresh under way finish (it is not interrupted). */
  @Override
  public void close() {
    // shutdownNow() would interrupt a refresh mid-read, and an interrupt during Lucene file I/O
    // closes the file channel (ClosedByInterruptException).
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
