package io.kirinuki.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Self-contained corpora for the reliability tests, made from the two sample posts bundled in the
 * jar with deterministic variations, so that CI needs no generator and no downloaded text.
 *
 * <p>Each file carries a marker ({@code Q00042Z}) glued to every マイナンバー (My Number) of its post:
 * the post and every article that mentions the word become documents of their own, and a search for
 * the marker finds exactly that file's post. The other articles are the same in every copy, so the
 * corpus also exercises articles shared by many posts. Markers have a fixed width between two
 * letters, so no marker is a substring of another.
 */
final class ReliabilityCorpus {
  private ReliabilityCorpus() {}

  /** The bundled sample posts, in the order of {@code samples.list}. */
  static final List<String> SAMPLES =
      List.of("000_51f9795d2875bb88.txt", "002_3696a5037cc44fdd.txt");

  /** The word of both samples that the markers are glued to: マイナンバー (My Number). */
  static final String MARKED_WORD = "マイナンバー";

  /** The text of a bundled sample post. */
  static String sample(String name) {
    try (InputStream in =
        ReliabilityCorpus.class
            .getClassLoader()
            .getResourceAsStream("io/kirinuki/samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("sample missing from the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The marker of file number {@code n}. */
  static String marker(int n) {
    return String.format(Locale.ROOT, "Q%05dZ", n);
  }

  /** A sample post made unique by a marker. */
  static String variant(String sample, String marker) {
    return sample.replace(MARKED_WORD, MARKED_WORD + marker);
  }

  /**
   * Writes files {@code 00000-a.txt, 00000-b.txt, 00001-a.txt, …} (the two samples alternating)
   * into {@code dir} until at least {@code bytes} are written. File number {@code n} in path order
   * carries {@link #marker(int) marker(n)}.
   *
   * @return the files in path order, which is the order {@code kirinuki index} reads them in
   */
  static List<Path> write(Path dir, long bytes) throws IOException {
    return write(dir, bytes, false);
  }

  /**
   * As {@link #write(Path, long)}; with {@code everySentence}, the marker also follows every 。 so
   * that no article is shared between files and the index holds all of the text.
   */
  static List<Path> write(Path dir, long bytes, boolean everySentence) throws IOException {
    Files.createDirectories(dir);
    List<String> texts = SAMPLES.stream().map(ReliabilityCorpus::sample).toList();
    List<Path> files = new ArrayList<>();
    long written = 0;
    for (int n = 0; written < bytes; n++) {
      Path file = dir.resolve(fileName(n));
      String page = variant(texts.get(n % 2), marker(n));
      if (everySentence) {
        page = page.replace("。", "。" + marker(n));
      }
      byte[] text = page.getBytes(StandardCharsets.UTF_8);
      Files.write(file, text);
      files.add(file);
      written += text.length;
    }
    return files;
  }

  /** The name of file number {@code n} of {@link #write}. */
  static String fileName(int n) {
    return String.format(Locale.ROOT, "%05d-%s.txt", n / 2, n % 2 == 0 ? "a" : "b");
  }
}
