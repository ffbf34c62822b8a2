package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.index.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Norms read from the heap are the index's own, document by document, on the sample index. */
class HeapNormsTest {
  @TempDir static Path dir;

  static final List<String> FIELDS =
      List.of(
          Schema.TITLE,
          Schema.BODY,
          Schema.TITLE_MORPH,
          Schema.BODY_MORPH,
          Schema.TITLE_READING,
          Schema.BODY_READING);

  @BeforeAll
  static void index() throws IOException {
    SampleIndex.build(dir);
  }

  @Test
  void everyNormIsTheIndexsOwn() throws IOException {
    HeapNorms norms = new HeapNorms();
    try (Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory);
        DirectoryReader wrapped = norms.wrap(DirectoryReader.open(directory))) {
      assertEquals(reader.leaves().size(), wrapped.leaves().size());
      int withNorms = 0;
      int without = 0;
      for (int leaf = 0; leaf < reader.leaves().size(); leaf++) {
        LeafReader plain = reader.leaves().get(leaf).reader();
        LeafReader heap = wrapped.leaves().get(leaf).reader();
        for (String field : FIELDS) {
          // Twice: once as the cache is filled, once from it.
          for (int round = 0; round < 2; round++) {
            withNorms += sameByIteration(plain.getNormValues(field), heap.getNormValues(field));
            without += sameByLookup(plain, heap, field);
          }
        }
        assertNull(heap.getNormValues("no_such_field"));
      }
      // The file records have no text, so some documents have no norms: both kinds are checked.
      assertTrue(withNorms > 0);
      assertTrue(without > 0);
      assertTrue(norms.segments() > 0);
    }
  }

  @Test
  void aClosedSegmentLeavesNoNormsBehind() throws IOException {
    HeapNorms norms = new HeapNorms();
    try (Directory directory = FSDirectory.open(dir)) {
      DirectoryReader wrapped = norms.wrap(DirectoryReader.open(directory));
      wrapped.leaves().get(0).reader().getNormValues(Schema.BODY);
      assertEquals(1, norms.segments());
      wrapped.close();
      assertEquals(0, norms.segments());
    }
  }

  private static int sameByIteration(NumericDocValues expected, NumericDocValues actual)
      throws IOException {
    int docs = 0;
    for (int doc = expected.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = expected.nextDoc()) {
      assertEquals(doc, actual.nextDoc());
      assertEquals(expected.longValue(), actual.longValue());
      docs++;
    }
    assertEquals(DocIdSetIterator.NO_MORE_DOCS, actual.nextDoc());
    return docs;
  }

  private static int sameByLookup(LeafReader plain, LeafReader heap, String field)
      throws IOException {
    int missing = 0;
    for (int doc = 0; doc < plain.maxDoc(); doc++) {
      NumericDocValues expected = plain.getNormValues(field);
      NumericDocValues actual = heap.getNormValues(field);
      boolean has = expected.advanceExact(doc);
      assertEquals(has, actual.advanceExact(doc), field + " of document " + doc);
      if (has) {
        assertEquals(expected.longValue(), actual.longValue(), field + " of document " + doc);
      } else {
        missing++;
      }
    }
    return missing;
  }
}
