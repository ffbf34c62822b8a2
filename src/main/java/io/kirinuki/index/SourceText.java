package io.kirinuki.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One source page to index: a file on disk, or a sample post bundled in the jar.
 *
 * @param path the key under which the index remembers the source: the file's absolute path, or
 *     {@code classpath:} plus the resource name
 * @param size bytes, for progress and throughput
 */
public record SourceText(String path, long size) {
  static final String CLASSPATH_PREFIX = "classpath:";
  private static final String SAMPLES = "io/kirinuki/samples/";
  private static final String SAMPLES_LIST = "io/kirinuki/samples.list";

  /** A file on disk, under its absolute normalised path. */
  public static SourceText of(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    long size;
    try {
      size = Files.size(absolute);
    } catch (IOException e) {
      size = 0; // read() reports the real problem, as a skipped file
    }
    return new SourceText(absolute.toString(), size);
  }

  /**
   * The sample posts shipped in the jar, listed in {@code samples.list} (beside the folder, so that
   * indexing the folder itself picks up the posts only).
   */
  public static List<SourceText> bundledSamples() {
    List<SourceText> out = new ArrayList<>();
    for (String name : readResource(SAMPLES_LIST).lines().toList()) {
      if (!name.isBlank() && !name.startsWith("#")) {
        String resource = SAMPLES + name.strip();
        out.add(new SourceText(CLASSPATH_PREFIX + resource, readBytes(resource).length));
      }
    }
    return out;
  }

  /** The bytes of the source. */
  byte[] read() throws IOException {
    if (path.startsWith(CLASSPATH_PREFIX)) {
      return readBytes(path.substring(CLASSPATH_PREFIX.length()));
    }
    return Files.readAllBytes(Path.of(path));
  }

  /** Whether a remembered source still exists (for {@code --prune}). */
  static boolean exists(String path) {
    if (path.startsWith(CLASSPATH_PREFIX)) {
      return SourceText.class.getClassLoader().getResource(path.substring(CLASSPATH_PREFIX.length())) != null;
    }
    return Files.exists(Path.of(path));
  }

  /** The id of a source's bookkeeping document: stable for the same path. */
  static String fileId(String path) {
    return "f-" + Indexer.sha256(path.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  private static String readResource(String resource) {
    return new String(readBytes(resource), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(String resource) {
    try (InputStream in = SourceText.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
