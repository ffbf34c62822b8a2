package io.kirinuki.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.Samples;
import io.kirinuki.analysis.Analyzers;
import io.kirinuki.analysis.Synonyms;
import io.kirinuki.corpus.Outlets;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.search.IndexStats;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental indexing over real sample posts: skip, replace, prune, duplicates, full rebuild. */
class IndexerTest {
  static final String FIRST = Samples.FIRST;
  static final String SECOND = Samples.SECOND;
  static Analyzers analyzers;
  static Outlets outlets;

  @TempDir Path work;

  @BeforeAll
  static void load() {
    analyzers = Analyzers.load();
    outlets = Outlets.load();
  }

  IndexReport index(Path index, Indexer.Settings settings, Path... files) throws IOException {
    List<SourceText> sources =
        java.util.Arrays.stream(files).filter(Files::exists).map(SourceText::of).toList();
    return new Indexer(index, analyzers, new PostParser(outlets), settings)
        .index(sources, Indexer.Progress.NONE);
  }

  IndexReport index(Path index, Path... files) throws IOException {
    return index(index, new Indexer.Settings(2, false, false), files);
  }

  IndexStats stats(Path index) throws IOException {
    try (Searcher searcher = Searcher.open(index, analyzers, Synonyms.load(), outlets)) {
      return searcher.stats();
    }
  }

  long hits(Path index, String query) throws IOException {
    try (Searcher searcher = Searcher.open(index, analyzers, Synonyms.load(), outlets)) {
      return searcher.search(SearchRequest.of(query)).total();
    }
  }

  @Test
  void unchangedFilesAreSkippedOnTheSecondRun() throws IOException {
    Path a = Files.writeString(work.resolve(FIRST), Samples.text(FIRST));
    Path b = Files.writeString(work.resolve(SECOND), Samples.text(SECOND));
    Path index = work.resolve("index");
    IndexReport first = index(index, a, b);
    assertEquals(2, first.filesIndexed());
    assertEquals(2, first.postsAdded());
    assertEquals(18, first.articlesAdded());
    assertEquals(20, first.documents());

    IndexReport second = index(index, a, b);
    assertEquals(0, second.filesIndexed());
    assertEquals(2, second.filesUnchanged());
    assertEquals(0, second.postsAdded());
    assertEquals(20, second.documents());
    assertEquals(2, stats(index).posts());
  }

  @Test
  void aChangedFileReplacesWhatItProduced() throws IOException {
    Path a = Files.writeString(work.resolve(FIRST), Samples.text(FIRST));
    Path index = work.resolve("index");
    index(index, a);
    // The article and the post, whose list of contents repeats the headline.
    assertEquals(2, hits(index, "顔認証システム受注"));

    // The NEC article's headline changes: 顔認証 (face recognition) → 指紋認証 (fingerprint).
    Files.writeString(a, Samples.text(FIRST).replace("NEC、顔認証システム受注", "NEC、指紋認証システム受注"));
    IndexReport changed = index(index, a);
    assertEquals(1, changed.filesIndexed());
    assertEquals(1, changed.postsRemoved());
    assertEquals(1, changed.articlesRemoved());
    assertEquals(0, hits(index, "顔認証システム受注"));
    assertEquals(2, hits(index, "指紋認証システム受注"));
    IndexStats stats = stats(index);
    assertEquals(1, stats.posts());
    assertEquals(10, stats.articles());
  }

  @Test
  void pruneDropsWhatCameFromVanishedFiles() throws IOException {
    Path a = Files.writeString(work.resolve(FIRST), Samples.text(FIRST));
    Path b = Files.writeString(work.resolve(SECOND), Samples.text(SECOND));
    Path index = work.resolve("index");
    index(index, a, b);
    Files.delete(b);

    IndexReport kept = index(index, a);
    assertEquals(0, kept.filesPruned());
    assertEquals(2, stats(index).posts());

    IndexReport pruned = index(index, new Indexer.Settings(1, false, true), a);
    assertEquals(1, pruned.filesPruned());
    assertEquals(1, pruned.postsRemoved());
    assertEquals(8, pruned.articlesRemoved());
    IndexStats stats = stats(index);
    assertEquals(1, stats.posts());
    assertEquals(10, stats.articles());
  }

  @Test
  void thePostOnAnArchivePageAndItsOwnPageIsStoredOnce() throws IOException {
    Path own = Files.writeString(work.resolve(FIRST), Samples.text(FIRST));
    // An archive page holding both posts, newest first, with Windows line ends.
    String archive =
        (Samples.text(FIRST)
                + "\n\n\n\n\n"
                + Samples.text(SECOND).lines().skip(2).reduce("", (x, y) -> x + y + "\n"))
            .replace("\n", "\r\n");
    Path month = Files.writeString(work.resolve("m_201510.txt"), archive);
    Path index = work.resolve("index");
    IndexReport report = index(index, own, month);
    assertEquals(2, report.postsAdded());
    assertEquals(1, report.duplicatePosts());
    assertEquals(18, report.articlesAdded());
    assertEquals(2, stats(index).posts());

    // Dropping the single page keeps the post: the archive page still holds it.
    Files.delete(own);
    index(index, new Indexer.Settings(1, false, true), month);
    assertEquals(2, stats(index).posts());
  }

  @Test
  void anIndexOfAnotherSchemaIsRefusedUntilRebuiltInFull() throws IOException {
    Path a = Files.writeString(work.resolve(FIRST), Samples.text(FIRST));
    Path index = work.resolve("index");
    index(index, a);
    // The same documents under a schema version that this kirinuki does not write.
    try (Directory dir = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      writer.setLiveCommitData(Map.of(Schema.VERSION_KEY, "0").entrySet());
      writer.commit();
    }
    IOException refused = assertThrows(IOException.class, () -> index(index, a));
    assertTrue(
        refused.getMessage().contains("schema 0, this one reads and writes " + Schema.VERSION));
    assertTrue(refused.getMessage().contains("--full"));
    // Nor is it searched: its documents lack what this version reads (the facets' doc values).
    IOException unsearchable = assertThrows(IOException.class, () -> Searcher.open(index));
    assertEquals(refused.getMessage(), unsearchable.getMessage());
    try (Directory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(12, reader.numDocs(), "nothing was lost: 1 post, 10 articles, 1 file record");
    }
    IndexReport full = index(index, new Indexer.Settings(1, true, false), a);
    assertEquals(11, full.documents());
    IndexReport again = index(index, a);
    assertEquals(1, again.filesUnchanged());
  }

  @Test
  void theSamplesAreIndexedOnlyIntoAnIndexWithoutLiveDocuments() throws IOException {
    Path index = work.resolve("index");
    assertTrue(Indexer.indexSamplesIfEmpty(index), "a missing index gets the samples");
    assertEquals(20, hits(index, ""));
    assertFalse(Indexer.indexSamplesIfEmpty(index), "an index with documents is left alone");

    Path other = work.resolve("other");
    Path a = Files.writeString(work.resolve(FIRST), Samples.text(FIRST));
    index(other, a);
    Files.delete(a);
    index(other, new Indexer.Settings(2, false, true)); // prune: every document deleted
    assertEquals(0, hits(other, ""));
    assertTrue(Indexer.indexSamplesIfEmpty(other), "an index of deleted documents gets them");
    assertEquals(20, hits(other, ""));
  }

  @Test
  void fullRebuildStartsFromScratch() throws IOException {
    Path a = Files.writeString(work.resolve(FIRST), Samples.text(FIRST));
    Path b = Files.writeString(work.resolve(SECOND), Samples.text(SECOND));
    Path index = work.resolve("index");
    index(index, a, b);
    IndexReport full = index(index, new Indexer.Settings(2, true, false), a);
    assertEquals(1, full.filesIndexed());
    assertEquals(11, full.documents());
    IndexStats stats = stats(index);
    assertEquals(1, stats.posts());
    assertEquals(10, stats.articles());
  }

  @Test
  void badFilesAreSkippedAndNamedAndTheRestIsIndexed() throws IOException {
    Path a = Files.writeString(work.resolve(FIRST), Samples.text(FIRST));
    Path empty = Files.writeString(work.resolve("empty.txt"), "");
    Path binary =
        Files.write(
            work.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 0});
    Path index = work.resolve("index");
    IndexReport report = index(index, a, empty, binary);
    assertEquals(1, report.filesIndexed());
    assertEquals(2, report.skipped().size());
    assertTrue(
        report.skipped().stream().anyMatch(s -> s.path().endsWith("empty.txt")),
        report.skipped().toString());
    assertTrue(
        report.skipped().stream().anyMatch(s -> s.path().endsWith("image.txt")),
        report.skipped().toString());
    assertEquals(11, report.documents());
  }
}
