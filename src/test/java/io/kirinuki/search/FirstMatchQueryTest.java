package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FirstMatchQueryTest {
  static Directory directory;
  static DirectoryReader reader;
  static IndexSearcher searcher;

  /** Documents by name: text in field a (the literal) and field b (the reading). */
  static final List<String[]> DOCS =
      List.of(
          new String[] {"only-a", "x y", "z"},
          new String[] {"only-b", "z", "x y"},
          new String[] {"both", "x y", "x y"},
          new String[] {"neither", "y x", "y x"},
          new String[] {"a-words-apart", "x z y", "z"});

  @BeforeAll
  static void index() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      for (String[] doc : DOCS) {
        Document document = new Document();
        document.add(new StringField("name", doc[0], Field.Store.YES));
        document.add(new TextField("a", doc[1], Field.Store.NO));
        document.add(new TextField("b", doc[2], Field.Store.NO));
        writer.addDocument(document);
      }
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  static Query phrase(String field) {
    return new PhraseQuery(field, "x", "y");
  }

  static final Query LITERAL = new BoostQuery(phrase("a"), 2f);
  static final Query READING = new BoostQuery(phrase("b"), 0.5f);
  static final Query FIRST = new FirstMatchQuery(List.of(LITERAL, READING));

  @Test
  void matchesWhatEitherAlternativeMatches() throws IOException {
    assertEquals(List.of("both", "only-a", "only-b"), List.copyOf(scores(FIRST).keySet()));
    assertEquals(3, searcher.count(FIRST));
  }

  @Test
  void scoresADocumentByTheFirstAlternativeThatMatchesIt() throws IOException {
    Map<String, Float> first = scores(FIRST);
    Map<String, Float> literal = scores(LITERAL);
    Map<String, Float> reading = scores(READING);
    assertEquals(literal.get("only-a"), first.get("only-a"));
    assertEquals(literal.get("both"), first.get("both"), "not the sum of both alternatives");
    assertEquals(reading.get("only-b"), first.get("only-b"));
  }

  @Test
  void explainsAndMatchesByTheSameAlternative() throws IOException {
    Query rewritten = searcher.rewrite(FIRST);
    var weight = searcher.createWeight(rewritten, org.apache.lucene.search.ScoreMode.COMPLETE, 1f);
    var leaf = reader.leaves().get(0);
    int both = docOf("both");
    var explanation = weight.explain(leaf, both);
    assertTrue(explanation.isMatch());
    assertEquals(scores(FIRST).get("both"), explanation.getValue().floatValue(), 1e-6);
    assertNotNull(weight.matches(leaf, docOf("only-b")));
    assertNull(weight.matches(leaf, docOf("neither")));
    assertFalse(weight.explain(leaf, docOf("a-words-apart")).isMatch());
  }

  @Test
  void oneAlternativeIsThatQuery() throws IOException {
    Query single = new TermQuery(new Term("a", "z"));
    assertEquals(single, searcher.rewrite(new FirstMatchQuery(List.of(single))));
  }

  private static int docOf(String name) throws IOException {
    return searcher.search(new TermQuery(new Term("name", name)), 1).scoreDocs[0].doc;
  }

  private static Map<String, Float> scores(Query query) throws IOException {
    Map<String, Float> out = new TreeMap<>();
    for (ScoreDoc hit : searcher.search(query, DOCS.size()).scoreDocs) {
      out.put(searcher.storedFields().document(hit.doc).get("name"), hit.score);
    }
    return out;
  }
}
