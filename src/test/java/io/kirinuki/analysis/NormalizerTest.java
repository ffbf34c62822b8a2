package io.kirinuki.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalizerTest {

  /** Mixed text for the random tests: every rule's input, surrogate pairs, expansions. */
  private static final String ALPHABET =
      "あいかがきゃーをんアイカガキャーヲンヴｱｲｶｷｬｰｦﾝ漢字日本人東京都民々ゝゞヽヾ"
          + "ＮＥＣnecNEC０１01-－‐―—−～〜~ 　\t\r\n\u200B\uFEFF、。・「」【】()（）"
          + "𠮷😀㍻㈱①";

  /** Half-width voiced sound marks: NFKC composes them with the kana before (ｶﾞ → ガ). */
  private static final String VOICED_MARKS = "ﾞﾟ";

  private static String readAll(Reader reader, int bufferSize) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[bufferSize];
    int n;
    while ((n = reader.read(buffer)) != -1) {
      out.append(buffer, 0, n);
    }
    return out.toString();
  }

  private static String randomText(Random random, String alphabet, int length) {
    int[] codePoints = alphabet.codePoints().toArray();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }
    return text.toString();
  }

  /** A substring of 1 to 8 code points at a random code point boundary. */
  private static String randomSubstring(Random random, String text) {
    int count = text.codePointCount(0, text.length());
    int from = random.nextInt(count);
    int length = 1 + random.nextInt(Math.min(8, count - from));
    int start = text.offsetByCodePoints(0, from);
    return text.substring(start, text.offsetByCodePoints(start, length));
  }

  @Test
  void foldsWidthAndCase() {
    assertEquals("nec", Normalizer.normalize("ＮＥＣ"));
    assertEquals("nec", Normalizer.normalize("NEC"));
    // "1 trillion yen", full-width digit
    assertEquals("1兆円", Normalizer.normalize("１兆円"));
    // "My Number" in half-width katakana; its final long vowel goes too
    assertEquals("マイナンバ", Normalizer.normalize("ﾏｲﾅﾝﾊﾞｰ"));
  }

  @Test
  void foldsHiraganaToKatakana() {
    // "My Number" typed in hiragana
    assertEquals(Normalizer.normalize("マイナンバー"), Normalizer.normalize("まいなんばー"));
    // "it is not" (hiragana text becomes katakana)
    assertEquals("シテイナイ", Normalizer.normalize("していない"));
  }

  @Test
  void dropsALongVowelThatEndsAWord() {
    // "security", with and without the long vowel, alone and before the particle の
    assertEquals("セキュリティ", Normalizer.normalize("セキュリティー"));
    assertEquals("セキュリティ", Normalizer.normalize("セキュリティ"));
    assertEquals("セキュリティノ", Normalizer.normalize("セキュリティーの"));
    assertEquals("セキュリティノ", Normalizer.normalize("セキュリティの"));
    // "security measures": before a kanji
    assertEquals("セキュリティ対策", Normalizer.normalize("セキュリティー対策"));
  }

  @Test
  void keepsALongVowelInsideAWord() {
    // "My Number card", in katakana and in hiragana
    assertEquals("マイナンバーカード", Normalizer.normalize("マイナンバーカード"));
    assertEquals("マイナンバーカード", Normalizer.normalize("まいなんばーかーど"));
    // "amazing", colloquial hiragana with a long vowel
    assertEquals("スゴーイ", Normalizer.normalize("すごーい"));
  }

  @Test
  void turnsDashVariantsAfterAKanaIntoALongVowel() {
    // "card" written with each dash a long vowel is mistyped as
    for (String card : new String[] {"カード", "カｰド", "カ-ド", "カ－ド", "カ‐ド", "カ―ド", "カ—ド", "カ−ド"}) {
      assertEquals("カード", Normalizer.normalize(card), card);
    }
    // "security" with a full-width minus at the end
    assertEquals("セキュリティ", Normalizer.normalize("セキュリティ－"));
  }

  @Test
  void keepsADashBetweenDigitsAsOneHyphen() {
    // the call centre number of the seed post, with its dash variants
    assertEquals("0570-783", Normalizer.normalize("0570-783"));
    assertEquals("0570-783", Normalizer.normalize("０５７０－７８３"));
    assertEquals("0570-783", Normalizer.normalize("0570―783"));
    assertEquals("e-mail", Normalizer.normalize("e‐mail"));
  }

  @Test
  void dropsADashThatStartsTheText() {
    // "-the course of the leak", a heading of the seed post
    assertEquals("流出ノ経緯", Normalizer.normalize("―流出の経緯"));
    assertEquals("ド", Normalizer.normalize("－ド"));
    assertEquals("", Normalizer.normalize("ー"));
  }

  @Test
  void unifiesWaveDashAndFullWidthTilde() {
    // "8:30 to 22:00": WAVE DASH vs FULLWIDTH TILDE, the Shift_JIS round-trip difference
    assertEquals("8時30分~22時", Normalizer.normalize("8時30分～22時"));
    assertEquals("8時30分~22時", Normalizer.normalize("8時30分〜22時"));
  }

  @Test
  void turnsEveryWhitespaceRunIntoOneSpace() {
    assertEquals("it pro ニュース", Normalizer.normalize("IT Pro　ニュース"));
    assertEquals("a b", Normalizer.normalize("a\r\n\t b"));
    assertEquals(" a ", Normalizer.normalize("\u3000\u3000a\n\n"));
  }

  @Test
  void removesZeroWidthCharacters() {
    // "My Number" with a zero-width space inside, as the corpus's messy files have
    assertEquals("マイナンバ", Normalizer.normalize("マイ\u200Bナンバー"));
    assertEquals("abc", Normalizer.normalize("\uFEFFabc"));
  }

  @Test
  void keepsIterationMarksAndSurrogatePairs() {
    // "Sasaki", "people", "heart" (old spelling): iteration marks stay as they are
    assertEquals("佐々木", Normalizer.normalize("佐々木"));
    assertEquals("人々", Normalizer.normalize("人々"));
    assertEquals("コヽロ", Normalizer.normalize("こゝろ"));
    // "Yoshinoya" with the "tsuchi-yoshi" variant outside the BMP, and an emoji
    assertEquals("𠮷野家😀", Normalizer.normalize("𠮷野家😀"));
  }

  @Test
  void expandsCompatibilityCharacters() {
    // Heisei era sign, "(stock company)" sign, circled one
    assertEquals("平成(株)1", Normalizer.normalize("㍻㈱①"));
  }

  @Test
  void charFilterProducesExactlyNormalizeOnTheSeeds() throws IOException {
    for (String name : new String[] {TokenAssert.SEED_MY_NUMBER, TokenAssert.SEED_SECURITY}) {
      String text = TokenAssert.seed(name);
      assertEquals(Normalizer.normalize(text), readAll(Normalizer.wrap(new StringReader(text)), 7));
      assertEquals(
          Normalizer.normalizeForMorphology(text),
          readAll(Normalizer.wrapForMorphology(new StringReader(text)), 4096));
    }
  }

  @Test
  void charFilterProducesExactlyNormalizeOnRandomText() throws IOException {
    Random random = new Random(20151013L);
    for (int i = 0; i < 2000; i++) {
      String text = randomText(random, ALPHABET + VOICED_MARKS, 1 + random.nextInt(60));
      assertEquals(
          Normalizer.normalize(text), readAll(Normalizer.wrap(new StringReader(text)), 5), text);
      assertEquals(
          Normalizer.normalizeForMorphology(text),
          readAll(Normalizer.wrapForMorphology(new StringReader(text)), 3),
          text);
    }
  }

  @Test
  void normalizeKeepsEverySubstringOfTheSeedsASubstring() {
    String text = TokenAssert.seeds();
    String normalized = Normalizer.normalize(text);
    Random random = new Random(42L);
    for (int i = 0; i < 20000; i++) {
      String query = randomSubstring(random, text);
      String normalizedQuery = Normalizer.normalize(query);
      assertTrue(
          normalized.contains(normalizedQuery),
          () -> "'" + query + "' became '" + normalizedQuery + "', not in the normalised text");
    }
  }

  @Test
  void normalizeKeepsEverySubstringOfRandomTextASubstring() {
    Random random = new Random(7L);
    for (int i = 0; i < 3000; i++) {
      String text = randomText(random, ALPHABET, 2 + random.nextInt(40));
      String normalized = Normalizer.normalize(text);
      for (int j = 0; j < 10; j++) {
        String query = randomSubstring(random, text);
        String normalizedQuery = Normalizer.normalize(query);
        assertTrue(
            normalized.contains(normalizedQuery),
            () -> "'" + query + "' of '" + text + "' became '" + normalizedQuery + "'");
      }
    }
  }

  @Test
  void aSubstringThatSplitsAHalfWidthVoicedKanaIsTheKnownException() {
    // ｶﾞ (half-width "ga") is one character after NFKC; its first half "ka" is not in "ga"
    assertEquals("ガ", Normalizer.normalize("ｶﾞ"));
    assertEquals("カ", Normalizer.normalize("ｶ"));
  }
}
