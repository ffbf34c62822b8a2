package io.kirinuki.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Emits, for every character of already normalised text, its unigram and (at the same position) the
 * bigram it starts, in every script; positions advance by one per character. A space gets no
 * unigram but starts a bigram, so a phrase such as {@code it pro} matches across it.
 *
 * <p>A character is a code point: a surrogate pair is never split. Offsets are those of the
 * original text. A character that the char filters made out of several ({@code ﾊﾞ}) spans them all;
 * characters that came out of one ({@code ㍻} → {@code 平成}) all span that one; characters the
 * filters dropped ({@code ー} at the end of a word, U+200B) belong to the span of the character
 * before them, so a highlight of {@code セキュリティ} covers {@code セキュリティー}.
 */
final class GramTokenizer extends Tokenizer {

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);

  private char[] text = new char[1024];
  private int textLength;

  /** Start of code point k in {@code text}; entry {@code count} is {@code textLength}. */
  private int[] charStart = new int[256];

  /** Corrected start offset of code point k; entry {@code count} is the final offset. */
  private int[] startOffset = new int[256];

  /** Corrected end offset of code point k. */
  private int[] endOffset = new int[256];

  private int count;
  private boolean loaded;
  private int current;
  private boolean bigramPending;
  private int positionIncrement;

  GramTokenizer() {}

  @Override
  public void reset() throws IOException {
    super.reset();
    loaded = false;
    current = 0;
    bigramPending = false;
    positionIncrement = 1;
    count = 0;
    textLength = 0;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!loaded) {
      load();
    }
    clearAttributes();
    if (bigramPending) {
      bigramPending = false;
      emit(current, 2, 0);
      current++;
      return true;
    }
    while (current < count) {
      int k = current;
      boolean hasNext = k + 1 < count;
      if (!isSpace(k)) {
        emit(k, 1, positionIncrement);
        positionIncrement = 1;
        if (hasNext) {
          bigramPending = true;
        } else {
          current++;
        }
        return true;
      }
      if (hasNext && !isSpace(k + 1)) {
        emit(k, 2, positionIncrement);
        positionIncrement = 1;
        current++;
        return true;
      }
      // A space with nothing after it still takes a position: a phrase must not bridge it.
      positionIncrement++;
      current++;
    }
    return false;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int finalOffset = correctOffset(textLength);
    offsetAtt.setOffset(finalOffset, finalOffset);
  }

  private boolean isSpace(int k) {
    return text[charStart[k]] == ' ';
  }

  private void emit(int k, int chars, int increment) {
    int from = charStart[k];
    termAtt.copyBuffer(text, from, charStart[k + chars] - from);
    offsetAtt.setOffset(startOffset[k], endOffset[k + chars - 1]);
    posIncAtt.setPositionIncrement(increment);
  }

  private void load() throws IOException {
    loaded = true;
    int n;
    while ((n = input.read(text, textLength, text.length - textLength)) != -1) {
      textLength += n;
      if (textLength == text.length) {
        text = ArrayUtil.grow(text, textLength + 1);
      }
    }
    if (charStart.length < textLength + 1) {
      int size = ArrayUtil.oversize(textLength + 1, Integer.BYTES);
      charStart = new int[size];
      startOffset = new int[size];
      endOffset = new int[size];
    }
    int k = 0;
    for (int i = 0; i < textLength; k++) {
      charStart[k] = i;
      i += i + 1 < textLength && Character.isSurrogatePair(text[i], text[i + 1]) ? 2 : 1;
    }
    count = k;
    charStart[count] = textLength;
    int previous = 0;
    for (k = 0; k <= count; k++) {
      // Offsets must never go backwards, whatever the char filters report.
      previous = Math.max(previous, correctOffset(charStart[k]));
      startOffset[k] = previous;
    }
    // A character ends where the next character with a later original start begins, so the
    // pieces of an expansion (㍻ → 平成) all span the original character instead of nothing.
    int end = startOffset[count];
    for (k = count - 1; k >= 0; k--) {
      if (startOffset[k + 1] > startOffset[k]) {
        end = startOffset[k + 1];
      }
      endOffset[k] = end;
    }
  }
}
