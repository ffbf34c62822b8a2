package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.index.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facet counting through per-segment tables, against the stored fields of the sample index. */
class FacetsTest {
  @TempDir static Path dir;

  @BeforeAll
  static void index() throws IOException {
    SampleIndex.build(dir);
  }

  @Test
  void countsEqualTheStoredTypeOutletAndDateOfEveryDocument() throws IOException {
    Facets.Tables tables = new Facets.Tables();
    try (Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      Map<String, Map<String, Long>> expected = fromStoredFields(reader);
      IndexSearcher searcher = new IndexSearcher(reader);
      assertEquals(expected, searcher.search(MatchAllDocsQuery.INSTANCE, new Facets.Manager(tables)));
      // The second search reads the tables the first one made.
      assertEquals(expected, searcher.search(MatchAllDocsQuery.INSTANCE, new Facets.Manager(tables)));
      assertEquals(reader.leaves().size(), tables.segments());
    }
  }

  @Test
  void aClosedSegmentLeavesNoTableBehind() throws IOException {
    Facets.Tables tables = new Facets.Tables();
    try (Directory directory = FSDirectory.open(dir)) {
      DirectoryReader reader = DirectoryReader.open(directory);
      new IndexSearcher(reader).search(MatchAllDocsQuery.INSTANCE, new Facets.Manager(tables));
      assertTrue(tables.segments() > 0);
      reader.close();
      assertEquals(0, tables.segments());
    }
  }

  /** The counts the facets must give, from each document's stored fields (file records too). */
  private static Map<String, Map<String, Long>> fromStoredFields(DirectoryReader reader)
      throws IOException {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    for (String facet : Facets.FIELDS) {
      counts.put(facet, new HashMap<>());
    }
    StoredFields stored = reader.storedFields();
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      Document document = stored.document(doc);
      counts.get(Schema.TYPE).merge(document.get(Schema.TYPE), 1L, Long::sum);
      if (document.get(Schema.OUTLET) != null) {
        counts.get(Schema.OUTLET).merge(document.get(Schema.OUTLET), 1L, Long::sum);
      }
      String date = document.get(Schema.DATE);
      if (date != null) {
        counts.get(Schema.YEAR).merge(date.substring(0, 4), 1L, Long::sum);
        counts.get(Schema.MONTH).merge(date.substring(0, 7), 1L, Long::sum);
      }
    }
    return counts;
  }
}
