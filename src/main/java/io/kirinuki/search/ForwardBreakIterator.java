package io.kirinuki.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.Arrays;

/**
 * The boundaries of another break iterator, found by walking it forward once per text and kept:
 * {@link #following} and {@link #preceding} are answered from them (issue 6).
 *
 * <p>The highlighter asks the JDK's sentence iterator for the sentence around each match, and the
 * JDK answers {@code preceding} by walking back to a safe point and forward again: 8 % of a query's
 * CPU on the 10 MB index in a JFR profile. The matches come in text order, so one forward walk, as
 * far as the last match asked about, serves them all (the 10 MB mix took 0.97× the time).
 *
 * <p>The boundaries are those of the forward walk. The JDK's backward rules can find others: asked
 * for the boundary before a point of "(たとえば *.alert、mail.* などのように使います)。", it cuts after
 * "mail", which its forward walk does not; a snippet then ended there. That changed one snippet of
 * the 193 queries of the benchmark on the 10 MB index; it now ends with its sentence.
 */
final class ForwardBreakIterator extends BreakIterator {
  private BreakIterator base;
  private int[] boundaries = new int[16];
  private int found;
  private boolean complete;
  private int at;

  ForwardBreakIterator(BreakIterator base) {
    this.base = base;
    reset();
  }

  @Override
  public void setText(CharacterIterator text) {
    base.setText(text);
    reset();
  }

  @Override
  public void setText(String text) {
    base.setText(text);
    reset();
  }

  @Override
  public CharacterIterator getText() {
    return base.getText();
  }

  private void reset() {
    boundaries[0] = base.first();
    found = 1;
    complete = false;
    at = 0;
  }

  /** Walks on until a boundary after {@code offset} is known, or the text ends. */
  private void findPast(int offset) {
    while (!complete && boundaries[found - 1] <= offset) {
      int next = base.next();
      if (next == DONE) {
        complete = true;
      } else {
        if (found == boundaries.length) {
          boundaries = Arrays.copyOf(boundaries, 2 * found);
        }
        boundaries[found++] = next;
      }
    }
  }

  @Override
  public int first() {
    at = 0;
    return boundaries[0];
  }

  @Override
  public int last() {
    findPast(Integer.MAX_VALUE);
    at = found - 1;
    return boundaries[at];
  }

  @Override
  public int next(int n) {
    int result = current();
    for (int i = 0; i < n && result != DONE; i++) {
      result = next();
    }
    for (int i = 0; i > n && result != DONE; i--) {
      result = previous();
    }
    return result;
  }

  @Override
  public int next() {
    findPast(boundaries[at]);
    if (at + 1 >= found) {
      return DONE;
    }
    return boundaries[++at];
  }

  @Override
  public int previous() {
    if (at == 0) {
      return DONE;
    }
    return boundaries[--at];
  }

  @Override
  public int following(int offset) {
    checkOffset(offset);
    int index = firstAbove(offset);
    if (index >= found) {
      at = found - 1;
      return DONE;
    }
    at = index;
    return boundaries[at];
  }

  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    // The last boundary below the offset comes just before the first at or above it.
    int index = firstAbove(offset - 1) - 1;
    if (index < 0) {
      at = 0;
      return DONE;
    }
    at = index;
    return boundaries[at];
  }

  @Override
  public boolean isBoundary(int offset) {
    checkOffset(offset);
    int index = firstAbove(offset) - 1;
    if (index >= 0 && boundaries[index] == offset) {
      at = index;
      return true;
    }
    following(offset);
    return false;
  }

  /**
   * The index of the first boundary above {@code offset}, walking on as far as that; {@link #found}
   * when the text ends first.
   */
  private int firstAbove(int offset) {
    findPast(offset);
    int index = Arrays.binarySearch(boundaries, 0, found, offset + 1);
    return index >= 0 ? index : -index - 1;
  }

  @Override
  public int current() {
    return boundaries[at];
  }

  private void checkOffset(int offset) {
    CharacterIterator text = base.getText();
    if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
      throw new IllegalArgumentException("offset out of bounds: " + offset);
    }
  }

  @Override
  public ForwardBreakIterator clone() {
    ForwardBreakIterator copy = (ForwardBreakIterator) super.clone();
    copy.base = (BreakIterator) base.clone();
    copy.boundaries = boundaries.clone();
    return copy;
  }
}
