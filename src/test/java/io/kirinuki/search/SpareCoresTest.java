package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.analysis.Synonyms;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.index.Indexer;
import io.kirinuki.index.SourceText;
import io.kirinuki.search.SearchRequest.DocType;
import io.kirinuki.search.SearchRequest.Sort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search split over idle cores answers exactly as one thread does, uses a helper only while it is
 * the only search, and splits an index into slices of about as many documents (issue 6).
 */
class SpareCoresTest {
  @TempDir static Path dir;

  /** The two sample posts indexed one after the other: two segments, whatever the indexer does. */
  @BeforeAll
  static void index() throws IOException {
    Indexer indexer =
        new Indexer(
            dir,
            SampleIndex.ANALYZERS,
            new PostParser(SampleIndex.OUTLETS),
            new Indexer.Settings(1, false, false));
    for (SourceText sample : SourceText.bundledSamples()) {
      indexer.index(List.of(sample), Indexer.Progress.NONE);
    }
  }

  private static Searcher open(SpareCores cores, long twoPassMinMatches) throws IOException {
    return Searcher.open(
        dir, SampleIndex.ANALYZERS, Synonyms.load(), SampleIndex.OUTLETS, twoPassMinMatches, cores);
  }

  @Test
  void theIndexHasSeveralSegmentsAndTheSearcherSplitsThem() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir));
        SpareCores one = new SpareCores(1, 0, 0);
        SpareCores none = new SpareCores(0, 0, 0);
        SpareCores tooFewDocuments = new SpareCores(1, reader.maxDoc() + 1, 0)) {
      assertTrue(reader.leaves().size() >= 2, "segments: " + reader.leaves().size());
      assertEquals(2, one.searcher(reader).getSlices().length);
      assertEquals(1, none.searcher(reader).getSlices().length);
      assertEquals(1, tooFewDocuments.searcher(reader).getSlices().length);
    }
  }

  @Test
  void splitSearchesGiveTheSameAnswers() throws IOException {
    List<String> queries = new ArrayList<>(TwoPassTest.QUERIES);
    queries.add(""); // every document, newest first
    for (long twoPassMinMatches : new long[] {0, Long.MAX_VALUE}) {
      SpareCores cores = new SpareCores(1, 0, 0);
      try (Searcher alone = open(new SpareCores(0, 0, 0), twoPassMinMatches);
          Searcher split = open(cores, twoPassMinMatches)) {
        for (String query : queries) {
          for (DocType type : new DocType[] {null, DocType.ARTICLE}) {
            for (Sort sort : Sort.values()) {
              for (int page = 1; page <= 2; page++) {
                SearchRequest request =
                    new SearchRequest(query, type, null, null, null, sort, page, 3);
                TwoPassTest.assertSameAnswer(request, alone.search(request), split.search(request));
              }
            }
          }
        }
        // The first offer of a new helper is always taken.
        assertTrue(cores.handedOver() > 0, "no slice was handed to a helper");
      }
    }
  }

  @Test
  void searchesStayWholeForAWhileAfterTwoRanAtOnce() throws Exception {
    try (SpareCores cores = new SpareCores(1, 0, TimeUnit.HOURS.toNanos(1));
        ByteBuffersDirectory directory = segments(5, 5);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      TermQuery query = new TermQuery(new Term("kind", "a"));
      try (SpareCores.Turn mine = cores.enter()) {
        cores.searcher(reader).search(query, new TopScoreDocCollectorManager(3, 3));
        assertEquals(1, cores.handedOver());
      }
      cores.awaitIdle();
      try (SpareCores.Turn mine = cores.enter();
          SpareCores.Turn another = cores.enter()) {
        // two at once
      }
      try (SpareCores.Turn mine = cores.enter()) {
        cores.searcher(reader).search(query, new TopScoreDocCollectorManager(3, 3));
        assertEquals(1, cores.handedOver());
      }
    }
  }

  @Test
  void aHelperTakesASliceOnlyWhileOneSearchRuns() throws Exception {
    try (SpareCores cores = new SpareCores(1, 0, 0);
        ByteBuffersDirectory directory = segments(5, 5);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      TermQuery query = new TermQuery(new Term("kind", "a"));
      try (SpareCores.Turn mine = cores.enter();
          SpareCores.Turn another = cores.enter()) {
        cores.searcher(reader).search(query, new TopScoreDocCollectorManager(3, 3));
        assertEquals(0, cores.handedOver());
      }
      cores.awaitIdle();
      try (SpareCores.Turn mine = cores.enter()) {
        cores.searcher(reader).search(query, new TopScoreDocCollectorManager(3, 3));
        assertEquals(1, cores.handedOver());
      }
    }
  }

  @Test
  void slicesHoldEverySegmentOnceAndAboutAsManyDocuments() throws IOException {
    int[] sizes = {50, 40, 30, 20, 10, 5};
    try (ByteBuffersDirectory directory = segments(sizes);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(sizes.length, reader.leaves().size());
      for (int count = 1; count <= 8; count++) {
        IndexSearcher.LeafSlice[] slices = SpareCores.balance(reader.leaves(), count);
        assertEquals(Math.min(count, sizes.length), slices.length);
        List<LeafReaderContext> seen = new ArrayList<>();
        long[] docs = new long[slices.length];
        for (int i = 0; i < slices.length; i++) {
          for (IndexSearcher.LeafReaderContextPartition part : slices[i].partitions) {
            seen.add(part.ctx);
            docs[i] += part.ctx.reader().maxDoc();
          }
        }
        assertEquals(sizes.length, seen.size());
        assertEquals(sizes.length, seen.stream().distinct().count());
        long spread = Arrays.stream(docs).max().orElseThrow() - Arrays.stream(docs).min().orElseThrow();
        assertTrue(spread <= 50, "slice sizes " + Arrays.toString(docs) + " for " + count);
      }
      // The greedy split of 155 documents in two: 50+20+10 and 40+30+5.
      long[] two =
          Arrays.stream(SpareCores.balance(reader.leaves(), 2))
              .mapToLong(
                  slice ->
                      Arrays.stream(slice.partitions).mapToLong(p -> p.ctx.reader().maxDoc()).sum())
              .sorted()
              .toArray();
      assertEquals(List.of(75L, 80L), Arrays.stream(two).boxed().toList());
    }
  }

  /** An index with one segment of each size, every document of kind "a". */
  private static ByteBuffersDirectory segments(int... sizes) throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(
            directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int size : sizes) {
        for (int i = 0; i < size; i++) {
          Document doc = new Document();
          doc.add(new StringField("kind", "a", Field.Store.NO));
          writer.addDocument(doc);
        }
        writer.flush();
      }
    }
    return directory;
  }
}
