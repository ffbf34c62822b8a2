package io.kirinuki.analysis;

import static io.kirinuki.analysis.TokenAssert.assertTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
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
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadingAnalyzerTest {

  private static Analyzers analyzers;

  @BeforeAll
  static void load() {
    analyzers = Analyzers.load();
  }

  @AfterAll
  static void close() {
    analyzers.close();
  }

  @Test
  void cutsTheReadingsOfAdjacentWordsIntoBigramsWithTheWordsOffsets() {
    // "the hydrangea blooms": アジサイ + ガ + サク read as one string
    assertTokens(
        analyzers.reading(),
        "紫陽花が咲く",
        "アジ[0,3]+1",
        "ジサ[0,3]+1",
        "サイ[0,3]+1",
        "イガ[0,4]+1",
        "ガサ[3,6]+1",
        "サク[4,6]+1");
  }

  @Test
  void breaksTheReadingAtPunctuationWithAPositionGap() {
    // "hydrangea, cherry": no bigram crosses the comma, and no phrase either
    assertTokens(
        analyzers.reading(),
        "紫陽花、桜",
        "アジ[0,3]+1",
        "ジサ[0,3]+1",
        "サイ[0,3]+1",
        "サク[4,5]+3",
        "クラ[4,5]+1");
  }

  @Test
  void readsACompoundAsNormalModeDoes() {
    // "stock company": カブシキガイシャ with the voiced ガ, not 株式 + 会社 = カブシキカイシャ
    assertTokens(
        analyzers.reading(),
        "株式会社",
        "カブ[0,4]+1",
        "ブシ[0,4]+1",
        "シキ[0,4]+1",
        "キガ[0,4]+1",
        "ガイ[0,4]+1",
        "イシ[0,4]+1",
        "シャ[0,4]+1");
  }

  @Test
  void dropsTheLongVowelThatEndsTheReadingLikeTheQuerySide() {
    // "computer"
    assertTokens(
        analyzers.reading(),
        "コンピューター",
        "コン[0,7]+1",
        "ンピ[0,7]+1",
        "ピュ[0,7]+1",
        "ュー[0,7]+1",
        "ータ[0,7]+1");
  }

  @Test
  void readsUnknownKanaWordsAsWrittenAndStopsAtLatin() {
    // "Irorio's NEC": the unknown site name reads as itself; NEC has no reading
    assertTokens(
        analyzers.reading(), "イロリオのNEC", "イロ[0,4]+1", "ロリ[0,4]+1", "リオ[0,4]+1", "オノ[0,5]+1");
  }

  @Test
  void usesTheUserDictionaryReadings() {
    // the health ministry's short name reads コウロウショウ (Kuromoji alone: アツ ロウ ショウ)
    assertTokens(
        analyzers.reading(),
        "厚労省",
        "コウ[0,3]+1",
        "ウロ[0,3]+1",
        "ロウ[0,3]+1",
        "ウシ[0,3]+1",
        "ショ[0,3]+1",
        "ョウ[0,3]+1");
  }

  @Test
  void readsTheSeedsExactlyAsANormalModePassWould() throws IOException {
    UserDictionary dictionary;
    try (var in =
        getClass().getClassLoader().getResourceAsStream(Analyzers.USER_DICTIONARY_RESOURCE)) {
      dictionary = UserDictionary.open(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    // The design's reading field: Kuromoji in normal mode, the same readings to bigrams.
    try (Analyzer normalMode =
        new Analyzer() {
          @Override
          protected Reader initReader(String fieldName, Reader reader) {
            return Normalizer.wrapForMorphology(reader);
          }

          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source =
                new JapaneseTokenizer(dictionary, true, true, JapaneseTokenizer.Mode.NORMAL);
            return new TokenStreamComponents(source, new ReadingGramFilter(source));
          }
        }) {
      int grams = 0;
      for (String line : TokenAssert.seeds().split("\n")) {
        TokenAssert.Analysis expected = TokenAssert.analyze(normalMode, line);
        assertEquals(expected, TokenAssert.analyze(analyzers.reading(), line), line);
        grams += expected.tokens().size();
      }
      assertEquals(19072, grams);
    }
  }

  @Test
  void producesWellFormedStreamsOnTheSeeds() {
    for (String name : new String[] {TokenAssert.SEED_MY_NUMBER, TokenAssert.SEED_SECURITY}) {
      String text = TokenAssert.seed(name);
      TokenAssert.assertWellFormed(TokenAssert.analyze(analyzers.reading(), text), text);
    }
  }

  @Test
  void aKanaQueryFindsKanjiTextThatReadsTheSame() throws IOException {
    List<String> docs =
        List.of(
            // "the hydrangea bloomed" in kanji
            "紫陽花が咲いた",
            // "hydrangea festival" in hiragana
            "あじさい祭り",
            // "the health ministry's official" with the short name
            "厚労省の職員",
            // "a stock company in Tokyo"
            "東京の株式会社");
    try (var directory = new ByteBuffersDirectory()) {
      var config =
          new IndexWriterConfig(
              analyzers.perField(Map.of("reading", analyzers.reading()), analyzers.gram()));
      try (var writer = new IndexWriter(directory, config)) {
        for (int i = 0; i < docs.size(); i++) {
          Document doc = new Document();
          doc.add(new StoredField("id", i));
          doc.add(new TextField("reading", docs.get(i), Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      try (var reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        // "hydrangea" in hiragana and in katakana
        assertEquals(new TreeSet<>(List.of(0, 1)), search(searcher, "あじさい"));
        assertEquals(new TreeSet<>(List.of(0, 1)), search(searcher, "アジサイ"));
        // "health ministry" read aloud
        assertEquals(new TreeSet<>(List.of(2)), search(searcher, "こうろうしょう"));
        // "stock company" read with its voiced ga
        assertEquals(new TreeSet<>(List.of(3)), search(searcher, "かぶしきがいしゃ"));
        // "Tokyo's" across two words, "hydrangea blossom" that no text reads
        assertEquals(new TreeSet<>(List.of(3)), search(searcher, "とうきょうの"));
        assertEquals(new TreeSet<>(), search(searcher, "あじさいばな"));
      }
    }
  }

  private static TreeSet<Integer> search(IndexSearcher searcher, String kana) throws IOException {
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    List<String> grams = GramAnalyzer.queryGrams(Normalizer.normalize(kana));
    for (int i = 0; i < grams.size(); i++) {
      phrase.add(new Term("reading", grams.get(i)), i);
    }
    TreeSet<Integer> hits = new TreeSet<>();
    for (ScoreDoc hit : searcher.search(phrase.build(), 10).scoreDocs) {
      hits.add(searcher.storedFields().document(hit.doc).getField("id").numericValue().intValue());
    }
    return hits;
  }
}
