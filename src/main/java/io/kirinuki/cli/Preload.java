package io.kirinuki.cli;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.codecs.Codec;

/**
 * Loads, on a daemon thread, what the commands that read an index and analyse Japanese need first:
 * Lucene's codecs and memory mapping, then Kuromoji's dictionaries (a quarter of a second of {@code
 * serve}'s start). It starts before picocli builds its command model, which keeps one core busy for
 * about as long (picocli's classes are too old for the AOT cache), so the other core does this
 * meanwhile. Whatever fails here fails again where the command needs it, and is reported there.
 */
final class Preload {
  /** The subcommands that open an index and analyse text, and so gain from the preload. */
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
      Codec.getDefault();
      Class.forName("org.apache.lucene.store.MMapDirectory", true, Preload.class.getClassLoader());
      new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH).close();
    } catch (Exception | LinkageError e) {
      // Met again, and reported, by the command itself.
    }
  }
}
