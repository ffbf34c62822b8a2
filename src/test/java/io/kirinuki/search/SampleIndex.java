package io.kirinuki.search;

import io.kirinuki.analysis.Analyzers;
import io.kirinuki.analysis.Synonyms;
import io.kirinuki.corpus.Outlets;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.index.IndexReport;
import io.kirinuki.index.Indexer;
import io.kirinuki.index.SourceText;
import java.io.IOException;
import java.nio.file.Path;

/** A real index of the two bundled sample posts, built into a test's temporary folder. */
final class SampleIndex {
  static final Analyzers ANALYZERS = Analyzers.load();
  static final Outlets OUTLETS = Outlets.load();

  private SampleIndex() {}

  static IndexReport build(Path dir) throws IOException {
    return new Indexer(dir, ANALYZERS, new PostParser(OUTLETS), new Indexer.Settings(2, false, false))
        .index(SourceText.bundledSamples(), Indexer.Progress.NONE);
  }

  static Searcher open(Path dir) throws IOException {
    return Searcher.open(dir, ANALYZERS, Synonyms.load(), OUTLETS);
  }
}
