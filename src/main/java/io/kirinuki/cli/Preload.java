package io.kirinuki.cli;

import java.io.IOException;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;

/**
 * Loads Kuromoji's dictionaries on a daemon thread for the commands that analyse Japanese (a
 * quarter of a second of {@code serve}'s start). It starts before picocli builds its command model,
 * which keeps one core busy for a fifth of a second (reading the commands' annotations makes proxy
 * classes at run time), so the other core does this meanwhile. Lucene's codecs are left to the
 * command: loading them prints Lucene's warning about the vector module, which must not come before
 * a usage error's one sentence. Whatever fails here fails again where the command needs it, and is
 * reported there.
 */
final class Preload {
  /** The subcommands that analyse text, and so gain from the preload. */
  static boolean helps(String subcommand) {
    return switch (subcommand) {
      case "serve", "search", "index" -> true;
      default -> false;
    };
  }

  static void start() {
    Thread.ofPlatform().daemon().name("kirinuki-preload").start(Preload::run);
  }

  private Preload() {}

  private static void run() {
    try {
      new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH).close();
    } catch (IOException | RuntimeException | LinkageError e) {
      // Met again, and reported, by the command itself.
    }
  }
}
