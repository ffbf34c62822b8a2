package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.search.DocumentView;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchResult;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IndexRefresherTest {

  /** Counts refreshes; the first one fails the way a half-deleted index folder would. */
  private static final class CountingService implements SearchService {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch twice = new CountDownLatch(2);

    @Override
    public boolean refresh() throws IOException {
      twice.countDown();
      if (calls.incrementAndGet() == 1) {
        throw new IOException("segments_3 is gone");
      }
      return true;
    }

    @Override
    public SearchResult search(SearchRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public DocumentView document(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long documentCount() {
      return 20;
    }
  }

  @Test
  void keepsRefreshingOnItsScheduleAfterAFailedRefresh() throws InterruptedException {
    CountingService service = new CountingService();
    try (IndexRefresher refresher = new IndexRefresher(service, 10)) {
      // A thrown exception would have cancelled the schedule; the second call shows it did not.
      assertTrue(service.twice.await(1, TimeUnit.MINUTES));
    }
  }

  @Test
  void aRefreshThatFailsIsLoggedNotThrown() {
    CountingService service = new CountingService();
    try (IndexRefresher refresher = new IndexRefresher(service, TimeUnit.HOURS.toMillis(1))) {
      refresher.refreshOnce();
      refresher.refreshOnce();
    }
    assertEquals(2, service.calls.get());
  }
}
