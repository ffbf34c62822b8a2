package io.kirinuki.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * A list of tokens (term, offsets, position increment and length) and its final offset, filled
 * once and replayed as a {@link TokenStream}; what {@link Analyzers#analyzeOnce} hands out.
 */
final class CapturedTokens {

  private char[] chars = new char[256];
  private int charCount;
  private int[] termEnd = new int[32];
  private int[] startOffset = new int[32];
  private int[] endOffset = new int[32];
  private int[] positionIncrement = new int[32];
  private int[] positionLength = new int[32];
  private int size;
  private int finalOffset;

  int size() {
    return size;
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
    chars = ArrayUtil.grow(chars, charCount + length);
    System.arraycopy(term, from, chars, charCount, length);
    charCount += length;
    termEnd[size] = charCount;
    startOffset[size] = start;
    endOffset[size] = end;
    positionIncrement[size] = increment;
    positionLength[size] = posLength;
    size++;
  }

  /** Captures what {@code stream} emits, calling reset, end and close on it. */
  static CapturedTokens consume(TokenStream stream) throws IOException {
    CapturedTokens tokens = new CapturedTokens();
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
