package io.kirinuki.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;

/**
 * The character normalisation shared by every analysis chain (as char filters with offset
 * correction) and by the query side (as the pure function {@link #normalize}).
 *
 * <p>Two strengths exist. <b>Matching</b> ({@link #wrap}, {@link #normalize}) is what the substring
 * fields index and what a query word is turned into: NFKC with case folding (width: {@code ＮＥＣ} =
 * {@code nec}, {@code １} = {@code 1}, {@code ﾏｲﾅﾝﾊﾞｰ} = {@code マイナンバー}; zero-width characters
 * removed), then hiragana folded to katakana, dash variants after a kana turned into {@code ー}, a
 * {@code ー} that ends a word dropped ({@code セキュリティー} = {@code セキュリティ}), whitespace runs turned
 * into one space. <b>Morphology</b> ({@link #wrapForMorphology}) is the lighter form Kuromoji
 * reads: the same NFKC and dash rule, but kana, long vowels and whitespace left alone, because
 * folding before Kuromoji ruins its segmentation.
 *
 * <p>Every matching rule is substring-preserving: when {@code q} is a substring of {@code t},
 * {@code normalize(q)} is a substring of {@code normalize(t)}. That is what makes grep-like recall
 * over the normalised text possible. So a rule looks at the next character only to decide to drop
 * the current one (at the end of a query the next character is unknown, and dropping keeps the
 * result a substring), and at the previous character only where an unknown one (the start of a
 * query) means dropping too; whitespace is the one exception, harmless because a run yields one
 * space wherever it starts. Iteration marks ({@code 々 ゝ ヽ}) are not expanded for the same reason: a
 * query {@code 々} alone would no longer be found.
 */
public final class Normalizer {

  /** ICU's NFKC_Casefold: width, compatibility forms, case and default-ignorable removal. */
  static final Normalizer2 NFKC_CF =
      Normalizer2.getInstance(null, "nfkc_cf", Normalizer2.Mode.COMPOSE);

  /** Marks a character that the folding step removes. */
  static final int DROP = -1;

  /** Stands for "no character" before the start or after the end of the text. */
  static final int NONE = -1;

  /** KATAKANA-HIRAGANA PROLONGED SOUND MARK, the one long vowel mark left after folding. */
  static final char LONG_VOWEL = '\u30FC';

  private Normalizer() {}

  /** The two strengths of folding that follow NFKC. */
  enum Mode {
    /** For the substring fields and the query side: kana, long vowels, dashes, whitespace. */
    MATCHING,
    /** For Kuromoji's input: only the dash variants after a kana become {@code ー}. */
    MORPHOLOGY
  }

  /** Wraps a reader with the matching normalisation; offsets are corrected to the original. */
  public static Reader wrap(Reader in) {
    return new FoldingCharFilter(new ICUNormalizer2CharFilter(in, NFKC_CF), Mode.MATCHING);
  }

  /** Wraps a reader with the lighter normalisation Kuromoji reads (width and case, dashes). */
  public static Reader wrapForMorphology(Reader in) {
    return new FoldingCharFilter(new ICUNormalizer2CharFilter(in, NFKC_CF), Mode.MORPHOLOGY);
  }

  /**
   * The matching normalisation of a string: exactly what {@link #wrap} makes of the same text. The
   * result may be empty ({@code ー} alone, a zero-width space) or start with a space.
   */
  public static String normalize(String text) {
    return fold(NFKC_CF.normalize(text), Mode.MATCHING);
  }

  /** The morphology normalisation of a string: exactly what {@link #wrapForMorphology} reads. */
  static String normalizeForMorphology(String text) {
    return fold(NFKC_CF.normalize(text), Mode.MORPHOLOGY);
  }

  private static String fold(String nfkc, Mode mode) {
    char[] in = nfkc.toCharArray();
    char[] out = new char[in.length];
    int length = FoldingCharFilter.foldAll(in, in.length, out, mode, null);
    return new String(out, 0, length);
  }

  /**
   * Folds one character of NFKC output given its neighbours (or {@link #NONE}); returns the output
   * character or {@link #DROP}. Every character is in the BMP range this method looks at, so UTF-16
   * units can be folded one at a time: a surrogate is never a kana, dash or space.
   */
  static int fold(int previous, char c, int next, Mode mode) {
    if (mode == Mode.MORPHOLOGY) {
      return isDash(c) && previous != NONE && isKana(previous) ? LONG_VOWEL : c;
    }
    if (isSpace(c)) {
      // A whitespace run (tabs, CR LF, U+3000 after NFKC) is one space in the gram stream.
      return previous != NONE && isSpace((char) previous) ? DROP : ' ';
    }
    char folded = toKatakana(c);
    if (isDash(folded)) {
      if (previous == NONE) {
        // Whether this dash is a long vowel depends on a character the text shows and a query
        // may not: dropping it keeps normalize(query) a substring either way.
        return DROP;
      }
      if (!isKana(previous)) {
        // A dash between digits or Latin (0570-783, e-mail) stays a dash, one code for all.
        return '-';
      }
      // セキュリティ－, ﾏｲﾅﾝﾊﾞ- and the like: a dash after a kana is a long vowel mark.
      folded = LONG_VOWEL;
    } else if (folded == '\u301C') {
      // WAVE DASH vs FULLWIDTH TILDE (NFKC: ~) is the classic Shift_JIS round-trip difference.
      return '~';
    }
    if (folded == LONG_VOWEL && endsWord(previous, next)) {
      // セキュリティー = セキュリティ: a long vowel that ends a word is dropped.
      return DROP;
    }
    return folded;
  }

  /**
   * Whether a long vowel between these characters ends a word: nothing or no kana follows, or
   * hiragana follows something that is not hiragana (セキュリティーの, unlike すごーい and まいなんばーかーど). The
   * previous character may only turn "keep" into "drop", and does so when it is unknown, which
   * keeps the rule substring-preserving: at the start of a query the long vowel is simply dropped.
   */
  private static boolean endsWord(int previous, int next) {
    if (next == NONE || !(isKana(next) || isDash((char) next))) {
      return true;
    }
    return isHiragana(next) && !(previous != NONE && isHiragana(previous));
  }

  static boolean isHiragana(int c) {
    return (c >= 'ぁ' && c <= 'ゖ') || c == 'ゝ' || c == 'ゞ';
  }

  /** Hiragana (and the hiragana iteration marks) to the katakana at the same table position. */
  static char toKatakana(char c) {
    if (isHiragana(c)) {
      return (char) (c + ('ァ' - 'ぁ'));
    }
    return c;
  }

  /** A kana letter, a long vowel mark, a kana iteration mark or a combining sound mark. */
  static boolean isKana(int c) {
    return (c >= 'ぁ' && c <= 'ゖ')
        || (c >= '\u3099' && c <= '\u309A')
        || c == 'ゝ'
        || c == 'ゞ'
        || (c >= 'ァ' && c <= 'ヺ')
        || (c >= '\u30FC' && c <= 'ヾ')
        || (c >= '\u31F0' && c <= '\u31FF');
  }

  /**
   * A dash that may stand for a long vowel, as NFKC leaves it: hyphen-minus (also from {@code －}
   * and {@code ﹣}), hyphen, figure dash, en dash, em dash, horizontal bar, minus sign.
   */
  static boolean isDash(char c) {
    return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
