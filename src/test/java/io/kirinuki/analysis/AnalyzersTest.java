package io.kirinuki.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

  private static Analyzers analyzers;

  @BeforeAll
  static void load() {
    analyzers = Analyzers.load();
  }

  @AfterAll
  static void close() {
    analyzers.close();
  }

  private static void assertOnePassMatchesBothAnalyzers(String text) {
    MorphTokens once = analyzers.analyzeOnce(text);
    assertEquals(
        TokenAssert.analyze(analyzers.morph(), text),
        TokenAssert.collect(once.morph()),
        () -> "morph of " + text);
    assertEquals(
        TokenAssert.analyze(analyzers.reading(), text),
        TokenAssert.collect(once.reading()),
        () -> "reading of " + text);
  }

  @Test
  void analyzeOnceGivesExactlyTheMorphAndReadingTokensOfBothSeeds() {
    for (String name : new String[] {TokenAssert.SEED_MY_NUMBER, TokenAssert.SEED_SECURITY}) {
      String text = TokenAssert.seed(name);
      assertOnePassMatchesBothAnalyzers(text);
      TokenAssert.Analysis morph = TokenAssert.collect(analyzers.analyzeOnce(text).morph());
      TokenAssert.assertWellFormed(morph, text);
    }
  }

  @Test
  void analyzeOnceMatchesLineByLineAndOnOddInput() {
    for (String line : TokenAssert.seeds().split("\n")) {
      assertOnePassMatchesBothAnalyzers(line);
    }
    // compounds (Kansai International Airport, stock company), width, surrogate pairs, CRLF,
    // U+200B, lone surrogates
    for (String text :
        List.of(
            "",
            "関西国際空港の株式会社",
            "ＮＥＣとﾏｲﾅﾝﾊﾞｰ",
            "𠮷野家😀の紫陽花",
            "取手市\r\n住民票",
            "マイ\u200Bナンバー",
            "a\uD800b\uDC00")) {
      assertOnePassMatchesBothAnalyzers(text);
    }
  }

  @Test
  void analyzeOnceGivesTheSameTokensFromManyThreads() throws Exception {
    List<String> lines = List.of(TokenAssert.seeds().split("\n"));
    List<TokenAssert.Analysis> expected = new ArrayList<>();
    for (String line : lines) {
      expected.add(TokenAssert.collect(analyzers.analyzeOnce(line).morph()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TokenAssert.Analysis>> results = new ArrayList<>();
      for (String line : lines) {
        results.add(pool.submit(() -> TokenAssert.collect(analyzers.analyzeOnce(line).morph())));
      }
      for (int i = 0; i < lines.size(); i++) {
        assertEquals(expected.get(i), results.get(i).get(), lines.get(i));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void perFieldPicksTheAnalyzerOfTheField() {
    Analyzer perField =
        analyzers.perField(Map.of("title_gram", analyzers.gram()), analyzers.morph());
    // "health ministry": unigrams and bigrams in the gram field, one word elsewhere
    assertEquals(
        List.of("厚", "厚労", "労", "労省", "省"),
        TokenAssert.collect(perField.tokenStream("title_gram", "厚労省")).terms());
    assertEquals(List.of("厚労省"), TokenAssert.collect(perField.tokenStream("body", "厚労省")).terms());
  }

  @Test
  void sharesOneInstanceOfEachAnalyzer() {
    assertSame(analyzers.gram(), analyzers.gram());
    assertSame(analyzers.morph(), analyzers.morph());
    assertSame(analyzers.reading(), analyzers.reading());
  }

  @Test
  void refusesADictionaryLineWithoutFourFields() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Analyzers.load(new StringReader("# comment\nマイナンバー,マイナンバー,マイナンバー\n"), "test.txt"));
    assertEquals(
        "The user dictionary test.txt is malformed at line 2: expected 'surface,segmentation,"
            + "readings,part of speech' but found 'マイナンバー,マイナンバー,マイナンバー'.",
        e.getMessage());
  }

  @Test
  void refusesADictionaryEntryThatCouldNeverMatch() {
    // "NHK" in full-width capitals: Kuromoji only ever sees "nhk"
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Analyzers.load(new StringReader("ＮＨＫ,ＮＨＫ,エヌエイチケー,カスタム名詞\n"), "test.txt"));
    assertEquals(
        "The user dictionary test.txt has an entry at line 1 that can never match: 'ＮＨＫ' is"
            + " read by Kuromoji as 'nhk'; write it that way.",
        e.getMessage());
  }

  @Test
  void refusesADictionaryEntryWhoseReadingsDoNotMatchItsSegments() {
    // "Individual Number Card" split in two segments with one reading
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Analyzers.load(new StringReader("個人番号カード,個人番号 カード,コジンバンゴウ,カスタム名詞\n"), "test.txt"));
    assertEquals(
        "The user dictionary test.txt is malformed: Illegal user dictionary entry 個人番号カード -"
            + " the number of segmentations (2) does not the match number of readings (1)",
        e.getMessage());
  }
}
