package io.kirinuki.analysis;

import static io.kirinuki.analysis.TokenAssert.assertTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GramAnalyzerTest {

  private static Analyzers analyzers;

  @BeforeAll
  static void load() {
    analyzers = Analyzers.load();
  }

  @Test
  void emitsAUnigramAndABigramPerCharacterInLatin() {
    assertTokens(
        analyzers.gram(), "ＮＥＣ", "n[0,1]+1", "ne[0,2]+0", "e[1,2]+1", "ec[1,3]+0", "c[2,3]+1");
  }

  @Test
  void foldsHalfWidthKanaAndSpansTheOriginalCharacters() {
    // "My Number" in half-width katakana: ﾊﾞ is one character, the final ｰ belongs to it
    assertTokens(
        analyzers.gram(),
        "ﾏｲﾅﾝﾊﾞｰ",
        "マ[0,1]+1",
        "マイ[0,2]+0",
        "イ[1,2]+1",
        "イナ[1,3]+0",
        "ナ[2,3]+1",
        "ナン[2,4]+0",
        "ン[3,4]+1",
        "ンバ[3,7]+0",
        "バ[4,7]+1");
  }

  @Test
  void foldsHiraganaAndDropsTheFinalLongVowel() {
    // "security" in hiragana with a long vowel: the same grams as セキュリティ
    assertTokens(
        analyzers.gram(),
        "せきゅりてぃー",
        "セ[0,1]+1",
        "セキ[0,2]+0",
        "キ[1,2]+1",
        "キュ[1,3]+0",
        "ュ[2,3]+1",
        "ュリ[2,4]+0",
        "リ[3,4]+1",
        "リテ[3,5]+0",
        "テ[4,5]+1",
        "ティ[4,7]+0",
        "ィ[5,7]+1");
  }

  @Test
  void keepsSurrogatePairsWhole() {
    // "Yoshinoya" with the "tsuchi-yoshi" variant outside the BMP, then an emoji
    assertTokens(
        analyzers.gram(),
        "𠮷野家😀",
        "𠮷[0,2]+1",
        "𠮷野[0,3]+0",
        "野[2,3]+1",
        "野家[2,4]+0",
        "家[3,4]+1",
        "家😀[3,6]+0",
        "😀[4,6]+1");
  }

  @Test
  void treatsALoneSurrogateAsOneCharacter() {
    // broken UTF-16 (a high surrogate without its pair) does not pair with the next character
    assertTokens(
        analyzers.gram(),
        "a\uD800b",
        "a[0,1]+1",
        "a\uD800[0,2]+0",
        "\uD800[1,2]+1",
        "\uD800b[1,3]+0",
        "b[2,3]+1");
  }

  @Test
  void givesAZeroWidthSpaceToTheCharacterBeforeIt() {
    // "My Nu" with U+200B inside: the grams run straight across it
    assertTokens(
        analyzers.gram(),
        "マイ\u200Bナ",
        "マ[0,1]+1",
        "マイ[0,3]+0",
        "イ[1,3]+1",
        "イナ[1,4]+0",
        "ナ[3,4]+1");
  }

  @Test
  void turnsCrLfIntoOneSpaceThatOnlyBigramsContain() {
    // "Toride / city" across a CRLF line break
    assertTokens(
        analyzers.gram(),
        "取手\r\n市",
        "取[0,1]+1",
        "取手[0,2]+0",
        "手[1,2]+1",
        "手 [1,4]+0",
        " 市[2,5]+1",
        "市[4,5]+1");
  }

  @Test
  void letsAPhraseMatchAcrossASpace() {
    assertTokens(
        analyzers.gram(),
        "IT　Pro",
        "i[0,1]+1",
        "it[0,2]+0",
        "t[1,2]+1",
        "t [1,3]+0",
        " p[2,4]+1",
        "p[3,4]+1",
        "pr[3,5]+0",
        "r[4,5]+1",
        "ro[4,6]+0",
        "o[5,6]+1");
    assertEquals(
        List.of("it", "t ", " p", "pr", "ro"),
        GramAnalyzer.queryGrams(Normalizer.normalize("IT Pro")));
  }

  @Test
  void givesEveryPieceOfAnExpansionTheWholeOriginalCharacter() {
    // the Heisei era sign becomes 平成; both halves point at the one original character
    assertTokens(analyzers.gram(), "㍻", "平[0,1]+1", "平成[0,1]+0", "成[0,1]+1");
  }

  @Test
  void makesBracketAndPunctuationGramsToo() {
    // "【My" as in 【マイナンバー汚職】
    assertTokens(
        analyzers.gram(), "【マイ", "【[0,1]+1", "【マ[0,2]+0", "マ[1,2]+1", "マイ[1,3]+0", "イ[2,3]+1");
  }

  @Test
  void producesWellFormedStreamsWhoseUnigramsSpellTheNormalisedSeeds() {
    for (String name : new String[] {TokenAssert.SEED_MY_NUMBER, TokenAssert.SEED_SECURITY}) {
      String text = TokenAssert.seed(name);
      TokenAssert.Analysis analysis = TokenAssert.analyze(analyzers.gram(), text);
      TokenAssert.assertWellFormed(analysis, text);
      StringBuilder unigrams = new StringBuilder();
      analysis.tokens().stream()
          .filter(t -> t.term().codePointCount(0, t.term().length()) == 1)
          .forEach(t -> unigrams.append(t.term()));
      assertEquals(Normalizer.normalize(text).replace(" ", ""), unigrams.toString());
    }
  }

  @Test
  void givesNoTokensForEmptyOrBlankText() {
    assertTokens(analyzers.gram(), "");
    assertTokens(analyzers.gram(), " \u3000\r\n");
    assertTokens(analyzers.gram(), "\u200B");
    // a lone long vowel mark ends its word and is dropped
    assertTokens(analyzers.gram(), "ー");
  }

  @Test
  void queryGramsAreTheCharacterOrTheBigramsInOrder() {
    assertEquals(List.of(), GramAnalyzer.queryGrams(""));
    // "dirty" (from 汚職, corruption), one character
    assertEquals(List.of("汚"), GramAnalyzer.queryGrams("汚"));
    assertEquals(List.of("マイ", "イナ", "ナン", "ンバ"), GramAnalyzer.queryGrams("マイナンバ"));
    assertEquals(List.of("𠮷野", "野家"), GramAnalyzer.queryGrams("𠮷野家"));
    assertEquals(List.of("😀"), GramAnalyzer.queryGrams("😀"));
  }

  @Test
  void normalizesLikeTheCharFilterForAnalyzerNormalize() {
    // Analyzer.normalize (used for wildcard and prefix terms) applies the same folding
    assertEquals("マイナンバ", analyzers.gram().normalize("field", "ﾏｲﾅﾝﾊﾞｰ").utf8ToString());
  }
}
