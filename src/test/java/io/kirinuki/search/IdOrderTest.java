package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.index.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The id order gives the hits, their order and their values that Lucene's string order gives. */
class IdOrderTest {
  @TempDir static Path dir;
  static IndexReader reader;

  /**
   * The sample index twice over, so that hits of several segments are compared (by value, not by
   * ordinal) however many segments the indexer wrote; each id is then held by two documents.
   */
  @BeforeAll
  static void index() throws IOException {
    SampleIndex.build(dir);
    reader =
        new MultiReader(
            DirectoryReader.open(FSDirectory.open(dir)),
            DirectoryReader.open(FSDirectory.open(dir)));
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  static final List<Query> QUERIES =
      List.of(
          MatchAllDocsQuery.INSTANCE, // every score equal: the id decides alone
          new TermQuery(new Term(Schema.BODY, "の")),
          new TermQuery(new Term(Schema.BODY, "市")),
          new TermQuery(new Term(Schema.TITLE, "マイ")),
          new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE)));

  @Test
  void sameHitsInTheSameOrderAsLucenesStringOrder() throws IOException {
    assertTrue(reader.leaves().size() > 1, "segments: " + reader.leaves().size());
    IndexSearcher searcher = new IndexSearcher(reader);
    int compared = 0;
    for (Query query : QUERIES) {
      for (int window : new int[] {1, 3, 7, 50}) {
        for (boolean reverse : new boolean[] {false, true}) {
          SortField theirs = new SortField(Schema.ID, SortField.Type.STRING, reverse);
          SortField ours =
              new SortField(Schema.ID, IdOrder.of(Schema.ID).getComparatorSource(), reverse);
          compared +=
              assertSame(
                  searcher,
                  query,
                  window,
                  new Sort(SortField.FIELD_SCORE, theirs),
                  new Sort(SortField.FIELD_SCORE, ours));
          compared += assertSame(searcher, query, window, new Sort(theirs), new Sort(ours));
        }
      }
    }
    assertTrue(compared > 100, "hits compared: " + compared);
  }

  private static int assertSame(
      IndexSearcher searcher, Query query, int window, Sort expected, Sort actual)
      throws IOException {
    TopFieldDocs want =
        searcher.search(query, new TopFieldCollectorManager(expected, window, Integer.MAX_VALUE));
    TopFieldDocs got =
        searcher.search(query, new TopFieldCollectorManager(actual, window, Integer.MAX_VALUE));
    String what = query + " top " + window + " by " + expected;
    assertEquals(want.totalHits, got.totalHits, what);
    assertEquals(want.scoreDocs.length, got.scoreDocs.length, what);
    for (int i = 0; i < want.scoreDocs.length; i++) {
      ScoreDoc w = want.scoreDocs[i];
      ScoreDoc g = got.scoreDocs[i];
      assertEquals(w.doc, g.doc, what + " hit " + i);
      assertArrayEquals(((FieldDoc) w).fields, ((FieldDoc) g).fields, what + " hit " + i);
    }
    return want.scoreDocs.length;
  }
}
