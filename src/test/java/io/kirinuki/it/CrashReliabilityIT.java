package io.kirinuki.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirinuki.search.IndexStats;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of {@code kirinuki index} (issue 7): the built jar is killed with SIGKILL at seeded
 * random moments, and after each kill the index opens intact (Lucene's CheckIndex), a {@code serve}
 * started after the first kill and running throughout answers with exactly the last committed
 * files, and a final rerun ends with the very documents of an uninterrupted run. A {@code --full}
 * rebuild killed while it writes leaves the old index served.
 *
 * <p>"Random moments" are seeded random numbers of intermediate commits ({@code --commit-every}) to
 * wait for before the kill; the waits are on the {@code --verbose} line "committed after N files",
 * never on time.
 */
class CrashReliabilityIT {
  private static final Pattern COMMITTED = Pattern.compile("^committed after (\\d+) files$");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Kills per test, as the issue asks. */
  static final int KILLS = 10;

  @TempDir Path work;

  /** About 5 MB (about 200 files): small enough for every build, big enough for 10 kills. */
  @Test
  void tenKillsAtRandomCommitsEachLeaveTheLastCommitServedAndARerunEndsLikeAnUninterruptedRun()
      throws Exception {
    killAtRandomMoments(5_000_000, 5, 3, 20_251_125L);
  }

  /**
   * The 100 MB run of the issue, in the slow profile (4 to 7 minutes here: the corpus shares most
   * articles between files, so it indexes faster than generated text). {@code
   * -Dkirinuki.crashMegabytes=N} sizes it otherwise.
   */
  @Tag("slow")
  @Test
  void tenKillsInA100MegabyteRunEachLeaveTheLastCommitServedAndARerunEndsLikeAnUninterruptedRun()
      throws Exception {
    long megabytes = Long.getLong("kirinuki.crashMegabytes", 100);
    killAtRandomMoments(megabytes * 1_000_000, (int) (4 * megabytes / 3), 2, 7L);
  }

  private void killAtRandomMoments(long bytes, int commitEvery, int maxCommitsPerRun, long seed)
      throws Exception {
    Path corpus = work.resolve("corpus");
    List<Path> files = ReliabilityCorpus.write(corpus, bytes);
    int total = files.size();
    assertTrue(
        total > (KILLS * maxCommitsPerRun + 1) * commitEvery,
        "the corpus leaves room for " + KILLS + " kills mid-way");

    Path reference = work.resolve("reference");
    ReliabilityProcess.Result uninterrupted =
        ReliabilityProcess.run("index", "--index", reference.toString(), corpus.toString());
    assertEquals(0, uninterrupted.exitCode(), uninterrupted.describe());
    IndexStats expected = ReliabilityIndex.stats(reference);
    assertEquals(total, expected.posts(), "one post per file");

    Path index = work.resolve("index");
    Random random = new Random(seed);
    int committed = 0;
    ReliabilityServer server = null;
    try {
      for (int kill = 1; kill <= KILLS; kill++) {
        int commits = 1 + random.nextInt(maxCommitsPerRun);
        int lastPrinted;
        try (ReliabilityProcess indexing =
            ReliabilityProcess.start(
                "--verbose",
                "index",
                "--index",
                index.toString(),
                "--commit-every",
                Integer.toString(commitEvery),
                corpus.toString())) {
          for (int i = 0; i < commits; i++) {
            indexing.awaitErr(COMMITTED);
          }
          indexing.kill();
          assertEquals(List.of(), indexing.out(), "killed before its summary");
          lastPrinted = lastCommitLine(indexing.err());
        }

        ReliabilityIndex.assertIntact(index);
        IndexStats after = ReliabilityIndex.stats(index);
        int posts = (int) after.posts();
        // The kill may land after a commit whose line was not printed yet: then the index holds
        // exactly one batch more. Anything else (half a batch, a lost commit) fails here.
        assertTrue(
            posts == lastPrinted || posts == lastPrinted + commitEvery,
            "kill " + kill + ": " + posts + " posts, last commit line said " + lastPrinted);
        assertTrue(posts > committed, "kill " + kill + " came after new commits");
        assertTrue(posts < total, "kill " + kill + " came before the end of the run");
        committed = posts;
        if (server == null) {
          // Started on the index the first kill left; it then serves every later commit live.
          server = ReliabilityServer.start(index);
        }
        assertServedExactly(server, after, committed);
      }

      ReliabilityProcess.Result rerun =
          ReliabilityProcess.run("index", "--index", index.toString(), corpus.toString());
      assertEquals(0, rerun.exitCode(), rerun.describe());
      assertTrue(
          rerun
              .out()
              .get(0)
              .startsWith(
                  total
                      + " files ("
                      + (total - committed)
                      + " indexed, "
                      + committed
                      + " unchanged, 0 skipped"),
          rerun.describe());
      assertEquals(expected, withSize(ReliabilityIndex.stats(index), expected));
      assertEquals(ReliabilityIndex.documentIds(reference), ReliabilityIndex.documentIds(index));
      assertServedExactly(server, expected, total);
      server.stop();
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /**
   * The committed files are the first {@code files} in path order: once the server has switched to
   * that commit (it logs each switch), it shows exactly them.
   */
  private static void assertServedExactly(ReliabilityServer server, IndexStats stats, int files)
      throws Exception {
    long documents = stats.posts() + stats.articles();
    // Counts only grow during a run, so the count names the commit.
    while (health(server) != documents) {
      server.awaitRefresh();
    }
    assertEquals(1, postsWith(server, ReliabilityCorpus.marker(files - 1)));
    assertEquals(0, postsWith(server, ReliabilityCorpus.marker(files)));
  }

  private static long health(ReliabilityServer server) throws Exception {
    HttpResponse<String> answer = server.get("/api/health");
    assertEquals(200, answer.statusCode(), answer.body());
    return JSON.readTree(answer.body()).get("documents").asLong();
  }

  private static long postsWith(ReliabilityServer server, String marker) throws Exception {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("q", marker);
    query.put("type", "post");
    HttpResponse<String> answer = server.get(ReliabilityServer.withQuery("/api/search", query));
    assertEquals(200, answer.statusCode(), answer.body());
    return JSON.readTree(answer.body()).get("total").asLong();
  }

  private static int lastCommitLine(List<String> stderr) {
    int last = 0;
    for (String line : stderr) {
      Matcher matcher = COMMITTED.matcher(line);
      if (matcher.matches()) {
        last = Integer.parseInt(matcher.group(1));
      }
    }
    return last;
  }

  /** Index sizes on disk differ with segment layout; everything else must be equal. */
  private static IndexStats withSize(IndexStats stats, IndexStats sizeFrom) {
    return new IndexStats(
        stats.posts(),
        stats.articles(),
        stats.outlets(),
        stats.firstDate(),
        stats.lastDate(),
        sizeFrom.sizeBytes());
  }

  /**
   * A {@code --full} rebuild writes its new segments beside the old commit; it is killed while it
   * writes them (seen through the file system: a new stored-fields file and then a seeded number of
   * writes to the index folder). The running server and a fresh reader keep the old index, and a
   * rebuild run to its end is then served within the refresh interval.
   */
  @Test
  void aFullRebuildKilledWhileWritingLeavesTheOldIndexServed() throws Exception {
    Path old = work.resolve("old");
    ReliabilityCorpus.write(old, 1_500_000);
    Path index = work.resolve("index");
    ReliabilityProcess.Result first =
        ReliabilityProcess.run("index", "--index", index.toString(), old.toString());
    assertEquals(0, first.exitCode(), first.describe());
    IndexStats before = ReliabilityIndex.stats(index);
    var idsBefore = ReliabilityIndex.documentIds(index);

    Path bigger = work.resolve("bigger");
    ReliabilityCorpus.write(bigger, 3_000_000);
    Random random = new Random(11);
    try (ReliabilityServer server = ReliabilityServer.start(index)) {
      assertEquals(before.posts() + before.articles(), server.documents());
      for (int kill = 1; kill <= 2; kill++) {
        int writes = random.nextInt(20);
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
          index.register(
              watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
          try (ReliabilityProcess rebuild =
              ReliabilityProcess.start(
                  "index", "--full", "--index", index.toString(), bigger.toString())) {
            awaitWrites(watcher, writes);
            rebuild.kill();
            assertEquals(List.of(), rebuild.out(), "killed before its summary");
          }
        }
        ReliabilityIndex.assertIntact(index);
        assertEquals(before, ReliabilityIndex.stats(index));
        assertEquals(idsBefore, ReliabilityIndex.documentIds(index));
        assertEquals(before.posts() + before.articles(), health(server));
      }

      ReliabilityProcess.Result rebuilt =
          ReliabilityProcess.run("index", "--full", "--index", index.toString(), bigger.toString());
      assertEquals(0, rebuilt.exitCode(), rebuilt.describe());
      IndexStats now = ReliabilityIndex.stats(index);
      assertTrue(now.posts() > before.posts(), now + " after " + before);
      assertEquals(now.posts() + now.articles(), server.awaitRefresh());
      assertEquals(now.posts() + now.articles(), health(server));
      server.stop();
    }
  }

  /**
   * Waits until the rebuild has created a stored-fields file (its first documents are on disk) and
   * then for {@code writes} more write events in the index folder.
   */
  private static void awaitWrites(WatchService watcher, int writes) throws Exception {
    boolean started = false;
    int seen = 0;
    while (!started || seen < writes) {
      WatchKey key = watcher.poll(ReliabilityProcess.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      assertTrue(key != null, "the rebuild wrote nothing to the index folder");
      for (WatchEvent<?> event : key.pollEvents()) {
        if (started) {
          seen++;
        } else if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
            && event.context().toString().endsWith(".fdt")) {
          started = true;
        }
      }
      key.reset();
    }
  }
}
