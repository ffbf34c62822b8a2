package io.kirinuki.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.apache.lucene.util.ArrayUtil;

/**
 * Applies {@link Normalizer#fold} to NFKC output, recording an offset correction for every
 * character it drops (it never adds one). The whole input is read on the first call, because a
 * field value is small and a rule looks one character ahead; the same loop serves {@link
 * Normalizer#normalize}, so the char filter and the pure function cannot disagree.
 */
final class FoldingCharFilter extends BaseCharFilter {

  private final Normalizer.Mode mode;
  private char[] folded;
  private int length;
  private int position;

  FoldingCharFilter(Reader in, Normalizer.Mode mode) {
    super(in);
    this.mode = mode;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (folded == null) {
      foldInput();
    }
    if (position >= length) {
      return -1;
    }
    int n = Math.min(len, length - position);
    System.arraycopy(folded, position, cbuf, off, n);
    position += n;
    return n;
  }

  @Override
  public int read() throws IOException {
    if (folded == null) {
      foldInput();
    }
    return position < length ? folded[position++] : -1;
  }

  private void foldInput() throws IOException {
    char[] raw = new char[1024];
    int rawLength = 0;
    int n;
    while ((n = input.read(raw, rawLength, raw.length - rawLength)) != -1) {
      rawLength += n;
      if (rawLength == raw.length) {
        raw = ArrayUtil.grow(raw, rawLength + 1);
      }
    }
    folded = new char[rawLength];
    length = foldAll(raw, rawLength, folded, mode, this);
  }

  /**
   * Folds {@code in[0, length)} into {@code out} and returns the output length; when {@code
   * corrections} is given, records there where output offsets must shift back to the input.
   */
  static int foldAll(
      char[] in, int length, char[] out, Normalizer.Mode mode, FoldingCharFilter corrections) {
    int written = 0;
    int dropped = 0;
    for (int i = 0; i < length; i++) {
      int previous = i > 0 ? in[i - 1] : Normalizer.NONE;
      int next = i + 1 < length ? in[i + 1] : Normalizer.NONE;
      int c = Normalizer.fold(previous, in[i], next, mode);
      if (c == Normalizer.DROP) {
        dropped++;
        if (corrections != null) {
          // From output offset `written` on, the input is `dropped` characters further on.
          corrections.addOffCorrectMap(written, dropped);
        }
      } else {
        out[written++] = (char) c;
      }
    }
    return written;
  }
}
