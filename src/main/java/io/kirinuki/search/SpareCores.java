package io.kirinuki.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * The cores a search may borrow while they are idle (issue 6). A search of a large index is split
 * into one slice of whole segments per core. Lucene runs the first slice on the searching thread,
 * offers the others here, and runs any slice that nobody took on the searching thread after its
 * own. A helper takes a slice only when it is idle and the searches have come one at a time for a
 * while ({@link #QUIET_MILLIS}); otherwise the offer is dropped, without a queue or a wait. So a
 * lone user's search uses every core, and searches under load run on their own threads as they
 * would without helpers: there a split only adds work (each slice ranks its own best hits, and a
 * third thread competes for two cores). Handing out slices regardless cost 5 % of the QPS at 4
 * clients on 1 GB; handing them out whenever no other search was running at that moment, 5-6 % at
 * 2 and 4 clients once warm, as a request often arrives while another one's split is running.
 * Thread-safe.
 */
final class SpareCores implements AutoCloseable {

  /**
   * Fewest documents for a split. On the 100 MB benchmark index (54,363 documents, 3 segments) a
   * split gained nothing at one client (the 60 words' median 1.8 ms either way) and a 4-client run
   * lost up to 10 % of its QPS in a round; on 1 GB (510,820 documents) the words took 0.8 times as
   * long at one client, and 4 clients gave the same QPS within 1 %.
   */
  static final int MIN_SPLIT_DOCS = 100_000;

  /** How long after two searches last ran at once the searches stay whole. */
  static final long QUIET_MILLIS = 1_000;

  private final int helpers;
  private final int minSplitDocs;
  private final Semaphore idle;
  private final ThreadPoolExecutor pool;
  private final Executor offers = this::offer;
  private final long quietNanos;
  private final AtomicInteger searching = new AtomicInteger();
  private volatile long lastOverlap;
  private final Turn turn = searching::decrementAndGet;
  private final AtomicInteger handedOver = new AtomicInteger();

  /** {@code helpers} threads beside the searching one (0 never splits a search). */
  SpareCores(int helpers) {
    this(helpers, MIN_SPLIT_DOCS, TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS));
  }

  /**
   * As above, for indexes of {@code minSplitDocs} documents or more, {@code quietNanos} after two
   * searches last ran at once.
   */
  SpareCores(int helpers, int minSplitDocs, long quietNanos) {
    this.helpers = Math.max(0, helpers);
    this.minSplitDocs = minSplitDocs;
    this.quietNanos = quietNanos;
    this.lastOverlap = System.nanoTime() - quietNanos;
    this.idle = new Semaphore(this.helpers);
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            Math.max(1, this.helpers),
            Math.max(1, this.helpers),
            0,
            TimeUnit.MILLISECONDS,
            new SynchronousQueue<>(),
            work -> {
              Thread thread = new Thread(work, "kirinuki-slice-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Marks a search as running until the returned turn is closed; a slice is handed to a helper only
   * while one search runs, and no two have run at once for a while.
   */
  Turn enter() {
    if (searching.incrementAndGet() > 1) {
      lastOverlap = System.nanoTime();
    }
    return turn;
  }

  /** A running search's turn, closed when it ends. */
  interface Turn extends AutoCloseable {
    @Override
    void close();
  }

  /** A searcher of {@code reader} whose searches split into slices, if the index is large enough. */
  IndexSearcher searcher(IndexReader reader) {
    if (helpers == 0 || reader.maxDoc() < minSplitDocs || reader.leaves().size() < 2) {
      return new IndexSearcher(reader);
    }
    return new IndexSearcher(reader, offers) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        return balance(leaves, helpers + 1);
      }
    };
  }

  /**
   * At most {@code count} slices of whole segments with about as many documents each: the largest
   * segment first, each into the slice that holds the fewest documents so far.
   */
  static IndexSearcher.LeafSlice[] balance(List<LeafReaderContext> leaves, int count) {
    List<LeafReaderContext> largestFirst = new ArrayList<>(leaves);
    largestFirst.sort(
        Comparator.comparingInt((LeafReaderContext leaf) -> leaf.reader().maxDoc()).reversed());
    int slices = Math.min(count, largestFirst.size());
    List<List<LeafReaderContext>> groups = new ArrayList<>(slices);
    long[] docs = new long[slices];
    for (int i = 0; i < slices; i++) {
      groups.add(new ArrayList<>());
    }
    for (LeafReaderContext leaf : largestFirst) {
      int smallest = 0;
      for (int i = 1; i < slices; i++) {
        if (docs[i] < docs[smallest]) {
          smallest = i;
        }
      }
      groups.get(smallest).add(leaf);
      docs[smallest] += leaf.reader().maxDoc();
    }
    return groups.stream()
        .map(
            group ->
                new IndexSearcher.LeafSlice(
                    group.stream()
                        .map(IndexSearcher.LeafReaderContextPartition::createForEntireSegment)
                        .toList()))
        .toArray(IndexSearcher.LeafSlice[]::new);
  }

  /**
   * Hands {@code slice} to an idle helper, or drops it: Lucene's searching thread runs every slice
   * that no helper has started.
   */
  private void offer(Runnable slice) {
    if (searching.get() > 1
        || System.nanoTime() - lastOverlap < quietNanos
        || !idle.tryAcquire()) {
      return;
    }
    try {
      handedOver.incrementAndGet();
      pool.execute(
          () -> {
            try {
              slice.run();
            } finally {
              idle.release();
            }
          });
    } catch (RejectedExecutionException e) {
      // The helper has released its permit but is not waiting for work yet, or the pool is shut.
      handedOver.decrementAndGet();
      idle.release();
    }
  }

  /** Waits until every helper is idle (for tests: the next offer then finds one free). */
  void awaitIdle() throws InterruptedException {
    idle.acquire(helpers);
    idle.release(helpers);
  }

  /** How many slices were handed to a helper (for tests). */
  int handedOver() {
    return handedOver.get();
  }

  @Override
  public void close() {
    pool.shutdown();
  }
}
