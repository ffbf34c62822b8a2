package io.kirinuki.analysis;

import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * The words of one Kuromoji pass along its coarsest path, each with its reading in katakana, and
 * the reading grams made of them.
 *
 * <p>The pass runs in search mode with compound tokens kept: where search mode splits a compound
 * (株式 会社), the compound (株式会社, read カブシキガイシャ) is the word normal mode would have chosen, so taking
 * it and skipping its parts gives normal mode's readings from the search-mode pass the morph field
 * needs anyway. Measured: the reading grams equal those of a normal-mode pass on all 14,531
 * paragraphs (1.0 million grams) of the seeds and four corpus source files; the finest path would
 * have differed in 7 % of the paragraphs (株式会社 → カブシキカイシャ).
 *
 * <p>Consecutive words with readings form a run, read as one katakana string and normalised like
 * {@link Normalizer#normalize}; a run ends at a word without a reading (symbols, Latin, numbers in
 * digits) or a gap (punctuation, spaces). A run yields the bigrams of its string at one position
 * per character, with the offsets of the words that hold the two characters, so a kana query finds
 * kanji text that reads the same and the highlight marks the kanji.
 */
final class Morphemes {

  private int[] start = new int[64];
  private int[] end = new int[64];
  private String[] reading = new String[64];
  private int size;

  // Work arrays of readingGrams, kept between texts: a run's reading, and which word holds each
  // of its characters, before and after normalisation.
  private char[] run = new char[256];
  private int[] owner = new int[256];
  private char[] folded = new char[256];
  private int[] foldedOwner = new int[256];

  void clear() {
    size = 0;
  }

  /** Records the current Kuromoji token if it lies on the coarsest path. */
  void add(CharTermAttribute term, OffsetAttribute offset, ReadingAttribute readingAtt) {
    int s = offset.startOffset();
    int e = offset.endOffset();
    int last = size - 1;
    if (last >= 0) {
      if (s == start[last] && e > end[last]) {
        // The compound that follows its first part in search mode: it replaces that part.
        set(last, s, e, readingOf(term, readingAtt));
        return;
      }
      if (s < end[last]) {
        // A part of the compound just taken.
        return;
      }
    }
    if (size == start.length) {
      int capacity = ArrayUtil.oversize(size + 1, Integer.BYTES);
      start = ArrayUtil.growExact(start, capacity);
      end = ArrayUtil.growExact(end, capacity);
      reading = ArrayUtil.growExact(reading, capacity);
    }
    set(size++, s, e, readingOf(term, readingAtt));
  }

  private void set(int i, int s, int e, String r) {
    start[i] = s;
    end[i] = e;
    reading[i] = r;
  }

  /**
   * The word's reading in katakana, or null when it has none: the dictionary's reading; for an
   * unknown word written in kana (イロリオ), the word itself.
   */
  private static String readingOf(CharTermAttribute term, ReadingAttribute readingAtt) {
    String r = readingAtt.getReading();
    CharSequence source = r != null ? r : term;
    if (source.isEmpty()) {
      return null;
    }
    boolean katakana = true;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (!Normalizer.isKana(c)) {
        return null;
      }
      katakana &= !Normalizer.isHiragana(c);
    }
    if (katakana) {
      // The dictionary's readings are katakana already: no copy.
      return source.toString();
    }
    StringBuilder folded = new StringBuilder(source.length());
    for (int i = 0; i < source.length(); i++) {
      folded.append(Normalizer.toKatakana(source.charAt(i)));
    }
    return folded.toString();
  }

  /** Appends the reading bigrams of the recorded words to {@code out}. */
  void readingGrams(CapturedTokens out) {
    int position = 0;
    int lastEmitted = -1;
    int i = 0;
    while (i < size) {
      if (reading[i] == null) {
        i++;
        continue;
      }
      int length = 0;
      int j = i;
      do {
        String r = reading[j];
        run = ArrayUtil.grow(run, length + r.length());
        owner = ArrayUtil.grow(owner, length + r.length());
        for (int k = 0; k < r.length(); k++) {
          run[length] = r.charAt(k);
          owner[length++] = j;
        }
        j++;
      } while (j < size && reading[j] != null && start[j] == end[j - 1]);
      folded = ArrayUtil.grow(folded, length);
      foldedOwner = ArrayUtil.grow(foldedOwner, length);
      // The run's edges are the string's edges for the normalisation, as for a query word.
      int kept = 0;
      for (int k = 0; k < length; k++) {
        int previous = k > 0 ? run[k - 1] : Normalizer.NONE;
        int next = k + 1 < length ? run[k + 1] : Normalizer.NONE;
        int c = Normalizer.fold(previous, run[k], next, Normalizer.Mode.MATCHING);
        if (c != Normalizer.DROP) {
          folded[kept] = (char) c;
          foldedOwner[kept++] = owner[k];
        }
      }
      for (int k = 0; k + 1 < kept; k++) {
        int at = position + k;
        out.add(folded, k, 2, start[foldedOwner[k]], end[foldedOwner[k + 1]], at - lastEmitted, 1);
        lastEmitted = at;
      }
      // One position per character plus one for the break, so no phrase spans two runs.
      position += kept + 1;
      i = j;
    }
  }
}
