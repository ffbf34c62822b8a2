package io.kirinuki.http;

import io.kirinuki.search.InvalidQueryException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs searches on a small bounded pool and stops waiting for one after a time limit, so that a
 * slow search holds a Jetty thread for at most that long and a flood of slow searches is answered
 * 503 instead of piling up until the server falls over (issue 5).
 */
final class SearchExecutor implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final long timeoutMs;

  SearchExecutor(int threads, int queueCapacity, long timeoutMs) {
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            work -> {
              Thread thread = new Thread(work, "kirinuki-search-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.timeoutMs = timeoutMs;
  }

  /**
   * Runs {@code work} and returns its result, rethrowing what it throws.
   *
   * @throws ServiceUnavailableException when the work is not done within the time limit, or when
   *     the pool and its queue are full
   */
  <T> T call(Callable<T> work) {
    Future<T> future = submit(work);
    try {
      return future.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Not interrupted: an interrupt during Lucene file I/O can close a channel that every other
      // search shares. The searcher's own time limit ends the work; a queued task is dropped.
      future.cancel(false);
      throw new ServiceUnavailableException(
          "The search took longer than "
              + timeoutMs
              + " ms and was given up; try a more specific query.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(false);
      throw new ServiceUnavailableException("The server is shutting down.");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof StackOverflowError) {
        // Only a query's structure nests that deep (thousands of brackets or operators).
        throw new InvalidQueryException("The query is nested too deeply to search; simplify it.");
      }
      // Wrapped so that it is logged and answered like any other failure, with a 500 body.
      throw new IllegalStateException("The search failed: " + cause, cause);
    }
  }

  /**
   * Queues {@code work} without waiting for it.
   *
   * @throws ServiceUnavailableException when every thread is busy and the queue is full
   */
  <T> Future<T> submit(Callable<T> work) {
    try {
      return pool.submit(work);
    } catch (RejectedExecutionException e) {
      throw new ServiceUnavailableException(
          "The server is busy with other searches; try again in a moment.");
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
