package io.kirinuki.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * A list of tokens (term, offsets, position increment and length) and its final offset, filled once
 * and replayed as a {@link TokenStream}; what {@link Analyzers#analyzeOnce} hands out.
 */
final class CapturedTokens {

  private char[] chars;
  private int charCount;
  private int[] termEnd;
  private int[] startOffset;
  private int[] endOffset;
  private int[] positionIncrement;
  private int[] positionLength;
  private int size;
  private int finalOffset;

  /** Room for about {@code tokens} tokens of {@code chars} characters in all, grown as needed. */
  CapturedTokens(int tokens, int chars) {
    this.chars = new char[Math.max(16, chars)];
    int capacity = Math.max(16, tokens);
    termEnd = new int[capacity];
    startOffset = new int[capacity];
    endOffset = new int[capacity];
    positionIncrement = new int[capacity];
    positionLength = new int[capacity];
  }

  int size() {
    return size;
  }

  /** Forgets the tokens, keeping the room for the next text. */
  void clear() {
    size = 0;
    charCount = 0;
    finalOffset = 0;
  }

  void add(char[] term, int from, int length, int start, int end, int increment, int posLength) {
    if (size == termEnd.length) {
      int capacity = ArrayUtil.oversize(size + 1, Integer.BYTES);
      termEnd = ArrayUtil.growExact(termEnd, capacity);
      startOffset = ArrayUtil.growExact(startOffset, capacity);
      endOffset = ArrayUtil.growExact(endOffset, capacity);
      positionIncrement = ArrayUtil.growExact(positionIncrement, capacity);
      positionLength = ArrayUtil.growExact(positionLength, capacity);
    }
    if (charCount + length > chars.length) {
      chars = ArrayUtil.grow(chars, charCount + length);
    }
    for (int i = 0; i < length; i++) {
      chars[charCount++] = term[from + i];
    }
    termEnd[size] = charCount;
    startOffset[size] = start;
    endOffset[size] = end;
    positionIncrement[size] = increment;
    positionLength[size] = posLength;
    size++;
  }

  /** Captures what {@code stream} emits into {@code tokens}, calling reset, end and close on it. */
  static CapturedTokens consume(TokenStream stream, CapturedTokens tokens) throws IOException {
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
    PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
    PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
    try (stream) {
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(
            term.buffer(),
            0,
            term.length(),
            offset.startOffset(),
            offset.endOffset(),
            increment.getPositionIncrement(),
            length.getPositionLength());
      }
      stream.end();
      tokens.finalOffset = offset.endOffset();
    }
    return tokens;
  }

  void setFinalOffset(int finalOffset) {
    this.finalOffset = finalOffset;
  }

  /** A fresh single-use stream over the captured tokens. */
  TokenStream stream() {
    return new Replay();
  }

  /** Writes token {@code i} into the attributes of a stream. */
  void writeTo(
      int i,
      CharTermAttribute term,
      OffsetAttribute offset,
      PositionIncrementAttribute increment,
      PositionLengthAttribute length) {
    int from = i == 0 ? 0 : termEnd[i - 1];
    term.copyBuffer(chars, from, termEnd[i] - from);
    offset.setOffset(startOffset[i], endOffset[i]);
    increment.setPositionIncrement(positionIncrement[i]);
    length.setPositionLength(positionLength[i]);
  }

  int finalOffset() {
    return finalOffset;
  }

  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
    private int next;

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next >= size) {
        return false;
      }
      clearAttributes();
      writeTo(next++, term, offset, increment, length);
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(finalOffset, finalOffset);
    }
  }
}
