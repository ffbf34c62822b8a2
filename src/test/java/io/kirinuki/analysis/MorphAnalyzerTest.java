package io.kirinuki.analysis;

import static io.kirinuki.analysis.TokenAssert.assertTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MorphAnalyzerTest {

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
  void indexesDictionaryFormsWithoutParticlesAndWithOriginalOffsets() {
    // "News that a health ministry bureaucrat was 'arrested for My Number corruption'."
    assertTokens(
        analyzers.morph(),
        "厚労省の官僚が「マイナンバー汚職で逮捕」された、との報道。",
        "厚労省[0,3]+1",
        "官僚[4,6]+2",
        "マイナンバ[8,14]+2",
        "汚職[14,16]+1",
        "逮捕[17,19]+2",
        "報道[26,28]+6");
  }

  @Test
  void segmentsFullAndHalfWidthTextLikeNormalText() {
    // "NEC" full-width; "My Number notification card" in half-width katakana
    assertTokens(analyzers.morph(), "ＮＥＣ、受注", "nec[0,3]+1", "受注[4,6]+1");
    assertTokens(analyzers.morph(), "ﾏｲﾅﾝﾊﾞｰの通知ｶｰﾄﾞ", "マイナンバ[0,7]+1", "通知[8,10]+2", "カード[10,14]+1");
  }

  @Test
  void foldsHiraganaAfterSegmentation() {
    // "identity theft is feared": the hiragana verb is indexed in katakana
    assertTokens(analyzers.morph(), "なりすましが懸念される", "ナリスマス[0,5]+1", "懸念[6,8]+2");
  }

  @Test
  void stemsTheFinalLongVowelOfKatakanaWords() {
    // "security" with and without the long vowel, and with a full-width minus for it
    assertTokens(analyzers.morph(), "セキュリティー", "セキュリティ[0,7]+1");
    assertTokens(analyzers.morph(), "セキュリティ", "セキュリティ[0,6]+1");
    assertTokens(analyzers.morph(), "セキュリティ－対策", "セキュリティ[0,7]+1", "対策[7,9]+1");
  }

  @Test
  void keepsUserDictionaryWordsWhole() {
    // "My Number" (Kuromoji alone says マイ + ナンバー); "health ministry" (厚 + 労 + 省)
    assertTokens(analyzers.morph(), "マイナンバー", "マイナンバ[0,6]+1");
    assertTokens(analyzers.morph(), "厚労省", "厚労省[0,3]+1");
    // "residents' audit request": the user dictionary's own segmentation
    assertTokens(analyzers.morph(), "住民監査請求", "住民[0,2]+1", "監査請求[2,6]+1");
  }

  @Test
  void skipsAnUnknownSurrogatePairWithoutSplittingIt() {
    // "Yoshinoya" with 𠮷 outside the BMP: Kuromoji drops the character, offsets stay whole
    assertTokens(analyzers.morph(), "𠮷野家", "野家[2,4]+2");
  }

  @Test
  void producesWellFormedStreamsOnTheSeeds() {
    for (String name : new String[] {TokenAssert.SEED_MY_NUMBER, TokenAssert.SEED_SECURITY}) {
      String text = TokenAssert.seed(name);
      TokenAssert.assertWellFormed(TokenAssert.analyze(analyzers.morph(), text), text);
    }
  }

  @Test
  void normalizesQueryTermsLikeTheChain() {
    // Analyzer.normalize (wildcard and prefix terms): width, case and kana folded
    assertEquals("マイナンバー", analyzers.morph().normalize("field", "まいなんばー").utf8ToString());
    assertEquals("nec", analyzers.morph().normalize("field", "ＮＥＣ").utf8ToString());
  }
}
