package io.kirinuki.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchRequest.DocType;
import io.kirinuki.search.Searcher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input files given to {@code kirinuki index} (issue 7): each is indexed or skipped with its
 * name and reason, nothing else is lost, and the exit code says which (0: all indexed, 1: some
 * skipped).
 *
 * <p>Unreadable file: the tests run as root, for whom {@code chmod 000} changes nothing. So the
 * index run drops to the user {@code nobody} ({@code setpriv}) and the file is made mode 000 for
 * real; a developer who is not root needs no such step.
 */
class IndexBadInputIT {
  private static final String SAMPLE_A = ReliabilityCorpus.SAMPLES.get(0);
  private static final String SAMPLE_B = ReliabilityCorpus.SAMPLES.get(1);

  /** A file of 50 MB, as the issue asks. */
  static final int BIG_FILE_BYTES = 50_000_000;

  /** A single line of 5 MB: no line break anywhere in the file. */
  static final int ENORMOUS_LINE_BYTES = 5_000_000;

  @TempDir Path work;

  private Path pages;
  private Path index;
  private List<String> asUnprivileged;

  @BeforeEach
  void setUp() throws IOException {
    // Everything the unprivileged run touches must be open to it: the folders, a copy of the jar.
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    pages = Files.createDirectories(work.resolve("pages"));
    index = Files.createDirectories(work.resolve("index"));
    Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rwxrwxrwx"));
    boolean root = "root".equals(System.getProperty("user.name"));
    asUnprivileged =
        root ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups") : List.of();
  }

  private ReliabilityProcess.Result index() throws IOException, InterruptedException {
    Path jar = work.resolve("kirinuki.jar");
    if (!Files.exists(jar)) {
      Files.copy(ReliabilityProcess.jar(), jar, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> command = new ArrayList<>(asUnprivileged);
    command.add(ReliabilityProcess.java());
    command.add("-XX:-UsePerfData");
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of("index", "--index", index.toString(), pages.toString()));
    // stderr to a file, so that neither pipe can fill up while the other is read.
    Path errors = work.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();
    return new ReliabilityProcess.Result(
        code, out.lines().toList(), Files.readAllLines(errors, StandardCharsets.UTF_8));
  }

  private static String variant(String sample, int marker) {
    return ReliabilityCorpus.variant(
        ReliabilityCorpus.sample(sample), ReliabilityCorpus.marker(marker));
  }

  private static byte[] encode(String text, String charset) throws IOException {
    CharsetEncoder encoder =
        Charset.forName(charset)
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
    byte[] out = new byte[bytes.remaining()];
    bytes.get(out);
    return out;
  }

  /** Posts whose text holds the marker of file {@code n}. */
  private static long postsWith(Searcher searcher, int n) {
    return searcher
        .search(
            new SearchRequest(
                ReliabilityCorpus.marker(n),
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
  void everyBadFileIsIndexedOrSkippedWithItsNameAndReasonAndNothingElseIsLost() throws Exception {
    // Markers 0..6 tell the files apart in the index.
    Files.write(pages.resolve("empty.txt"), new byte[0]);
    byte[] binary = new byte[4096];
    new Random(42).nextBytes(binary);
    Files.write(pages.resolve("binary.txt"), binary);

    byte[] utf8 = variant(SAMPLE_A, 0).getBytes(StandardCharsets.UTF_8);
    int cut = 10_000;
    while ((utf8[cut] & 0xC0) == 0x80) {
      cut--; // back to the first byte of a character...
    }
    cut++; // ...and one byte into it: the file ends in the middle of a character
    Files.write(pages.resolve("truncated-utf8.txt"), java.util.Arrays.copyOf(utf8, cut));

    Files.write(pages.resolve("shift-jis.txt"), encode(variant(SAMPLE_B, 1), "Windows-31J"));
    Files.write(pages.resolve("euc-jp.txt"), encode(variant(SAMPLE_B, 2), "EUC-JP"));

    // 50 MB: one archive page holding the same post over and over (stored once, as a duplicate).
    String post = variant(SAMPLE_A, 3) + "\n\n\n\n";
    int copies = BIG_FILE_BYTES / post.getBytes(StandardCharsets.UTF_8).length + 1;
    Files.writeString(pages.resolve("big.txt"), post.repeat(copies));
    assertTrue(Files.size(pages.resolve("big.txt")) >= BIG_FILE_BYTES);

    // One enormous line: a post's text (below the page header) with every line break removed.
    String text = variant(SAMPLE_A, 4);
    String body = text.substring(text.indexOf("\n\n\n\n") + 4).replace('\n', ' ');
    String once = body + " ";
    int times = ENORMOUS_LINE_BYTES / once.getBytes(StandardCharsets.UTF_8).length + 1;
    Files.writeString(pages.resolve("one-line.txt"), once.repeat(times));

    Path locked = pages.resolve("locked.txt");
    Files.writeString(locked, variant(SAMPLE_B, 5));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

    Files.writeString(pages.resolve("good.txt"), variant(SAMPLE_B, 6));

    Path loop = Files.createDirectories(pages.resolve("loop"));
    Files.createSymbolicLink(loop.resolve("again"), Path.of(".."));
    Files.createSymbolicLink(pages.resolve("dangling.txt"), pages.resolve("gone.txt"));

    ReliabilityProcess.Result run = index();

    assertEquals(1, run.exitCode(), run.describe());
    Set<String> skipped = new TreeSet<>();
    for (String line : run.err()) {
      if (line.startsWith("skipped ")) {
        skipped.add(line);
      }
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "skipped " + pages.resolve("binary.txt") + ": binary content",
                "skipped " + pages.resolve("dangling.txt") + ": broken symbolic link",
                "skipped " + pages.resolve("empty.txt") + ": empty file",
                "skipped " + locked + ": permission denied",
                "skipped " + loop.resolve("again") + ": symbolic link loop")),
        skipped,
        run.describe());
    assertTrue(
        run.out()
            .get(0)
            .startsWith("11 files (6 indexed, 0 unchanged, 5 skipped, 0 pruned): +6 posts"),
        run.describe());

    try (Searcher searcher = Searcher.open(index)) {
      assertEquals(6, searcher.stats().posts());
      for (int n : new int[] {0, 1, 2, 3, 4, 6}) {
        assertEquals(1, postsWith(searcher, n), "the post of file " + n);
      }
      assertEquals(0, postsWith(searcher, 5), "the locked file was not read");
    }

    // Once the bad files are gone, the same folder indexes with exit code 0 and nothing new.
    for (String name : List.of("binary.txt", "dangling.txt", "empty.txt", "locked.txt")) {
      Files.delete(pages.resolve(name));
    }
    Files.delete(loop.resolve("again"));
    ReliabilityProcess.Result clean = index();
    assertEquals(0, clean.exitCode(), clean.describe());
    assertTrue(
        clean.out().get(0).startsWith("6 files (0 indexed, 6 unchanged, 0 skipped, 0 pruned)"),
        clean.describe());
  }

  /**
   * A whole page joined into one line (header, post and footer): whatever the parser makes of it,
   * the file is either indexed with its post or named as skipped with a reason, never dropped in
   * silence with exit code 0 (it was: "1 indexed", no post, exit 0).
   */
  @Test
  void aPageJoinedIntoOneLineIsIndexedOrNamedAsSkipped() throws Exception {
    Files.writeString(pages.resolve("joined.txt"), variant(SAMPLE_A, 7).replace('\n', ' '));
    Files.writeString(pages.resolve("good.txt"), variant(SAMPLE_B, 8));

    ReliabilityProcess.Result run = index();

    try (Searcher searcher = Searcher.open(index)) {
      assertEquals(1, postsWith(searcher, 8), run.describe());
      boolean indexed = postsWith(searcher, 7) == 1;
      boolean named =
          run.err().stream()
              .anyMatch(l -> l.startsWith("skipped " + pages.resolve("joined.txt") + ": "));
      assertTrue(indexed != named, "indexed or named as skipped, exactly one:\n" + run.describe());
      assertEquals(indexed ? 0 : 1, run.exitCode(), run.describe());
    }
  }
}
