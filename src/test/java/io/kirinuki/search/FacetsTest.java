package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.index.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
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
      Map<String, List<FacetValue>> expected = inApiOrder(fromStoredFields(reader, allDocs(reader)));
      IndexSearcher searcher = new IndexSearcher(reader);
      Map<String, List<FacetValue>> counted =
          searcher.search(MatchAllDocsQuery.INSTANCE, new Facets.Manager(tables));
      assertEquals(expected, counted);
      assertEquals(Facets.FIELDS, List.copyOf(counted.keySet()));
      // The second search reads the tables the first one made.
      assertEquals(expected, searcher.search(MatchAllDocsQuery.INSTANCE, new Facets.Manager(tables)));
      assertEquals(reader.leaves().size(), tables.segments());
    }
  }

  @Test
  void theMatchesOfAQueryAreCountedAndOrderedAsTheApiSays() throws IOException {
    Facets.Tables tables = new Facets.Tables();
    try (Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query postsOrYomiuri =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Schema.TYPE, Schema.TYPE_POST)), Occur.SHOULD)
              .add(new TermQuery(new Term(Schema.OUTLET, "読売新聞")), Occur.SHOULD)
              .build();
      for (Query query :
          List.of(
              new TermQuery(new Term(Schema.TYPE, Schema.TYPE_ARTICLE)),
              new TermQuery(new Term(Schema.TYPE, Schema.TYPE_POST)),
              postsOrYomiuri)) {
        List<Integer> matches =
            Arrays.stream(searcher.search(query, reader.maxDoc()).scoreDocs)
                .map(hit -> hit.doc)
                .toList();
        assertTrue(matches.size() > 1 && matches.size() < reader.maxDoc(), query::toString);
        assertEquals(
            inApiOrder(fromStoredFields(reader, matches)),
            searcher.search(query, new Facets.Manager(tables)),
            query::toString);
      }
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

  private static List<Integer> allDocs(DirectoryReader reader) {
    return IntStream.range(0, reader.maxDoc()).boxed().toList();
  }

  /** The counts the facets must give, from the stored fields of the documents (file records too). */
  private static Map<String, Map<String, Long>> fromStoredFields(
      DirectoryReader reader, List<Integer> docs) throws IOException {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    for (String facet : Facets.FIELDS) {
      counts.put(facet, new HashMap<>());
    }
    StoredFields stored = reader.storedFields();
    for (int doc : docs) {
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

  /** The API's order: type and outlet by count, highest first, then by value; year, month by value. */
  private static Map<String, List<FacetValue>> inApiOrder(Map<String, Map<String, Long>> counts) {
    Map<String, List<FacetValue>> out = new HashMap<>();
    for (String field : Facets.FIELDS) {
      List<FacetValue> values = new ArrayList<>();
      counts.get(field).forEach((v, c) -> values.add(new FacetValue(v, c)));
      Comparator<FacetValue> order =
          field.equals(Schema.YEAR) || field.equals(Schema.MONTH)
              ? Comparator.comparing(FacetValue::value)
              : Comparator.comparingLong(FacetValue::count)
                  .reversed()
                  .thenComparing(FacetValue::value);
      values.sort(order);
      out.put(field, values);
    }
    return out;
  }
}
