package io.kirinuki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The two real sample posts bundled in the jar, as tests read them. */
public final class Samples {
  /** Post 000: My Number card, bribery, Toride City (1 post, 10 articles). */
  public static final String FIRST = "000_51f9795d2875bb88.txt";

  /** Post 002: municipal security, My Number business (1 post, 8 articles). */
  public static final String SECOND = "002_3696a5037cc44fdd.txt";

  public static final List<String> NAMES = List.of(FIRST, SECOND);

  private Samples() {}

  /** The text of one sample page. */
  public static String text(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/io/kirinuki/samples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled sample named " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
