package io.kirinuki.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
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

/**
 * The recall contract over a real index: every line of the two sample posts is a document, and a
 * word finds exactly the lines whose normalised text contains it.
 */
class GramRecallTest {

  private static final String GRAM = "gram";

  private static Analyzers analyzers;
  private static Directory directory;
  private static DirectoryReader reader;
  private static IndexSearcher searcher;
  private static final List<String> lines = new ArrayList<>();

  @BeforeAll
  static void index() throws IOException {
    analyzers = Analyzers.load();
    for (String line : TokenAssert.seeds().split("\n")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    directory = new ByteBuffersDirectory();
    var config =
        new IndexWriterConfig(
            analyzers.perField(Map.of(GRAM, analyzers.gram()), analyzers.morph()));
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < lines.size(); i++) {
        Document doc = new Document();
        doc.add(new StoredField("line", i));
        doc.add(new TextField(GRAM, lines.get(i), Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
    analyzers.close();
  }

  /** What the query builder makes of one word: a term for one character, else a phrase. */
  private static Query gramQuery(String normalizedWord) {
    List<String> grams = GramAnalyzer.queryGrams(normalizedWord);
    if (grams.size() == 1 && normalizedWord.codePointCount(0, normalizedWord.length()) == 1) {
      return new TermQuery(new Term(GRAM, grams.get(0)));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (int i = 0; i < grams.size(); i++) {
      phrase.add(new Term(GRAM, grams.get(i)), i);
    }
    return phrase.build();
  }

  private static TreeSet<Integer> search(String word) throws IOException {
    Query query = gramQuery(Normalizer.normalize(word).strip());
    TreeSet<Integer> hits = new TreeSet<>();
    var storedFields = searcher.storedFields();
    for (ScoreDoc hit : searcher.search(query, lines.size()).scoreDocs) {
      hits.add(storedFields.document(hit.doc).getField("line").numericValue().intValue());
    }
    return hits;
  }

  /** The lines that contain {@code text} as written, the way grep would find them. */
  private static TreeSet<Integer> grep(String text) {
    TreeSet<Integer> found = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        found.add(i);
      }
    }
    return found;
  }

  private static TreeSet<Integer> grepNormalized(String normalizedWord) {
    TreeSet<Integer> found = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (Normalizer.normalize(lines.get(i)).contains(normalizedWord)) {
        found.add(i);
      }
    }
    return found;
  }

  @Test
  void findsExactlyTheLinesContainingRandomSubstrings() throws IOException {
    Random random = new Random(20151011L);
    int searched = 0;
    for (int i = 0; i < 3000; i++) {
      String line = lines.get(random.nextInt(lines.size()));
      int count = line.codePointCount(0, line.length());
      int from = random.nextInt(count);
      int length = 1 + random.nextInt(Math.min(8, count - from));
      int start = line.offsetByCodePoints(0, from);
      String word = line.substring(start, line.offsetByCodePoints(start, length));
      String normalized = Normalizer.normalize(word).strip();
      if (normalized.isEmpty()) {
        continue;
      }
      searched++;
      TreeSet<Integer> hits = search(word);
      assertTrue(hits.contains(lines.indexOf(line)), () -> "'" + word + "' misses its line");
      assertEquals(grepNormalized(normalized), hits, () -> "hits of '" + word + "'");
    }
    assertTrue(searched > 2900, "searched " + searched);
  }

  @Test
  void findsMyNumberTypedInHiragana() throws IOException {
    // "My Number" typed in hiragana finds every line that writes it in katakana
    TreeSet<Integer> hits = search("まいなんばー");
    assertEquals(grep("マイナンバ"), hits);
    assertEquals(103, hits.size());
  }

  @Test
  void findsFullWidthQueriesInHalfWidthText() throws IOException {
    assertEquals(grep("NEC"), search("ＮＥＣ"));
    assertEquals(6, search("ＮＥＣ").size());
    // "1 trillion yen" with a full-width digit
    assertEquals(grep("1兆円"), search("１兆円"));
    assertEquals(9, search("１兆円").size());
  }

  @Test
  void findsASingleCharacterInsideAWord() throws IOException {
    // "dirty", the first character of 汚職 (corruption) in the headline 【マイナンバー汚職】
    TreeSet<Integer> hits = search("汚");
    assertEquals(grep("汚"), hits);
    assertTrue(hits.contains(lineStartingWith("●【マイナンバー汚職】")));
  }

  @Test
  void matchesSecurityWithAndWithoutTheLongVowel() throws IOException {
    // "security" with and without the final long vowel: both find both spellings
    TreeSet<Integer> both = grep("セキュリティ");
    assertEquals(both, search("セキュリティー"));
    assertEquals(both, search("セキュリティ"));
    assertTrue(both.contains(lineStartingWith(" とはいえ動き出す制度")), "writes セキュリティ");
    assertTrue(both.contains(lineStartingWith(" 大田区の六十代女性宅")), "writes セキュリティー");
  }

  @Test
  void findsSubstringsThatWordSegmentationLoses() throws IOException {
    // "Yomiuri" inside 読売新聞, "Kyoto" across 東京都内 (Tokyo metropolis, inside)
    assertEquals(grep("読売"), search("読売"));
    assertTrue(search("読売").contains(lineStartingWith(" 読売新聞は今月上旬")));
    assertEquals(grep("京都"), search("京都"));
    assertTrue(search("京都").contains(lineStartingWith(" 今月に入り、制度に便乗して")));
  }

  private static int lineStartingWith(String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + prefix);
  }
}
