package io.kirinuki.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.Samples;
import io.kirinuki.search.IndexStats;
import io.kirinuki.search.Searcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code kirinuki index} (a separate JVM, the built jar) with SIGKILL right after its first
 * intermediate commit, then shows that the index opens with the committed documents and that a
 * rerun ends with exactly the counts of an uninterrupted run.
 */
class IndexCrashIT {
  static final int VARIANTS = 120;

  @TempDir Path work;

  /** Copies of the two sample posts, each made unique so every file brings new documents. */
  private Path corpus() throws IOException {
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    for (String name : Samples.NAMES) {
      String text = Samples.text(name);
      for (int i = 0; i < VARIANTS; i++) {
        // マイナンバー → マイナンバー<i>: a different post with different articles per copy.
        Files.writeString(
            corpus.resolve(i + "_" + name), text.replace("マイナンバー", "マイナンバー" + i));
      }
    }
    return corpus;
  }


  private static ProcessBuilder kirinuki(String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-jar");
    command.add(System.getProperty("kirinuki.jar", "target/kirinuki.jar"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  private static int run(String... args) throws IOException, InterruptedException {
    Process process = kirinuki(args).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();
    assertEquals(0, code, output);
    return code;
  }

  private static IndexStats stats(Path index) throws IOException {
    try (Searcher searcher = Searcher.open(index)) {
      return searcher.stats();
    }
  }

  @Test
  void killedIndexRunLeavesTheLastCommitAndARerunCompletesIt() throws Exception {
    Path corpus = corpus();
    Path samples = work.resolve("samples");
    Files.createDirectories(samples);
    for (String name : Samples.NAMES) {
      Files.writeString(samples.resolve(name), Samples.text(name));
    }

    // The uninterrupted run, for the expected counts.
    Path reference = work.resolve("reference");
    run("index", "--index", reference.toString(), samples.toString());
    run("index", "--index", reference.toString(), corpus.toString());
    IndexStats expected = stats(reference);

    // The interrupted run: the samples are committed first, then the big run is killed.
    Path index = work.resolve("index");
    run("index", "--index", index.toString(), samples.toString());
    IndexStats before = stats(index);
    assertEquals(2, before.posts());
    assertEquals(18, before.articles());

    Process indexing =
        kirinuki("--verbose", "index", "--index", index.toString(), "--commit-every", "10", "--threads", "1", corpus.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader err =
        new BufferedReader(new InputStreamReader(indexing.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = err.readLine();
      } while (line != null && !line.startsWith("committed after"));
      assertTrue(line != null, "the run ended before its first intermediate commit");
    }
    indexing.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no commit
    indexing.waitFor();

    IndexStats killed = stats(index);
    assertTrue(killed.posts() >= before.posts() + 10, "the first commit is there: " + killed);
    assertTrue(killed.posts() < expected.posts(), "the kill came mid-way: " + killed);

    run("index", "--index", index.toString(), corpus.toString());
    IndexStats rerun = stats(index);
    assertEquals(expected.posts(), rerun.posts());
    assertEquals(expected.articles(), rerun.articles());
    assertEquals(expected.outlets(), rerun.outlets());
  }
}
