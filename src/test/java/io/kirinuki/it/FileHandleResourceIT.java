package io.kirinuki.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.analysis.Synonyms;
import io.kirinuki.corpus.Outlets;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.index.IndexReport;
import io.kirinuki.index.Indexer;
import io.kirinuki.index.SourceText;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchRequest.DocType;
import io.kirinuki.search.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File handles and mapped index files do not leak across reindex cycles (issue 7): 100 commits,
 * each followed by a refresh, leave a reader's process with the open files and mappings it had
 * after the first few. Counted in {@code /proc/PID/fd} and {@code /proc/PID/maps} (Linux).
 */
class FileHandleResourceIT {
  /** Reindex cycles, as the issue asks. */
  static final int CYCLES = 100;

  /** Cycles before the baseline is taken: class loading and the JIT open files of their own. */
  static final int WARM_UP = 10;

  /**
   * Open files the process may gain after the warm-up without leaking (a jar opened late by the
   * class loader, a socket). A leak of one file per cycle would add 90.
   */
  static final int SLACK = 8;

  private static final Analyzers ANALYZERS = Analyzers.load();
  private static final Outlets OUTLETS = Outlets.load();

  @TempDir Path work;

  private static long openFiles(long pid) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return fds.count();
    }
  }

  /** Mappings of files of the index folder that were deleted: readers nobody closed. */
  private static long deletedIndexMappings(long pid, Path index) throws IOException {
    return Files.readAllLines(Path.of("/proc/" + pid + "/maps")).stream()
        .filter(line -> line.contains(index.toString()) && line.endsWith("(deleted)"))
        .count();
  }

  /** Rewrites the page with a new marker and commits it in this JVM, as {@code index} would. */
  private static IndexReport reindex(Path index, Path page, int cycle) throws IOException {
    Files.writeString(
        page,
        ReliabilityCorpus.variant(
            ReliabilityCorpus.sample(ReliabilityCorpus.SAMPLES.get(1)),
            ReliabilityCorpus.marker(cycle)));
    IndexReport report =
        new Indexer(index, ANALYZERS, new PostParser(OUTLETS), new Indexer.Settings(2, false, true))
            .index(List.of(SourceText.of(page)), Indexer.Progress.NONE);
    assertEquals(1, report.filesIndexed());
    return report;
  }

  private static long postsWith(Searcher searcher, int cycle) {
    return searcher
        .search(
            new SearchRequest(
                ReliabilityCorpus.marker(cycle),
                DocType.POST,
                null,
                null,
                null,
                SearchRequest.Sort.RELEVANCE,
                1,
                10))
        .total();
  }

  @Test
  void aHundredCommitsAndRefreshesInOneProcessLeakNoFileHandles() throws Exception {
    Path index = work.resolve("index");
    Path page = work.resolve("page.txt");
    long pid = ProcessHandle.current().pid();
    reindex(index, page, 0);
    try (Searcher searcher = Searcher.open(index, ANALYZERS, Synonyms.load(), OUTLETS)) {
      long baseline = 0;
      for (int cycle = 1; cycle <= CYCLES; cycle++) {
        reindex(index, page, cycle);
        assertTrue(searcher.refresh(), "cycle " + cycle + " committed something new");
        assertEquals(1, postsWith(searcher, cycle));
        assertEquals(0, postsWith(searcher, cycle - 1), "the changed file replaced its post");
        if (cycle == WARM_UP) {
          baseline = openFiles(pid);
        }
      }
      long after = openFiles(pid);
      System.out.printf(
          "FileHandleResourceIT in-process: %d open files after %d cycles, %d after %d%n",
          baseline, WARM_UP, after, CYCLES);
      assertTrue(after <= baseline + SLACK, baseline + " open files became " + after);
      assertEquals(0, deletedIndexMappings(pid, index));
    }
  }

  /**
   * The same through a real {@code serve}: 100 commits by this JVM, the server refreshing on its
   * schedule. Slow: the refresh interval is a second.
   */
  @Tag("slow")
  @Test
  void aHundredCommitsServedByARunningServerLeakNoFileHandlesInIt() throws Exception {
    Path index = work.resolve("index");
    Path page = work.resolve("page.txt");
    reindex(index, page, 0);
    try (ReliabilityServer server = ReliabilityServer.start(index)) {
      long pid = server.process().pid();
      long baseline = 0;
      int refreshes = 0;
      for (int cycle = 1; cycle <= CYCLES; cycle++) {
        reindex(index, page, cycle);
        // Each commit has the same number of documents; the server logs every switch it makes.
        server.awaitRefresh();
        refreshes++;
        if (cycle == WARM_UP) {
          baseline = openFiles(pid);
        }
      }
      long after = openFiles(pid);
      long deleted = deletedIndexMappings(pid, index);
      System.out.printf(
          "FileHandleResourceIT serve: %d open files after %d cycles, %d after %d (%d refreshes),"
              + " %d deleted index files still mapped%n",
          baseline, WARM_UP, after, CYCLES, refreshes, deleted);
      assertTrue(after <= baseline + SLACK, baseline + " open files became " + after);
      assertEquals(0, deleted);
      server.stop();
    }
  }
}
