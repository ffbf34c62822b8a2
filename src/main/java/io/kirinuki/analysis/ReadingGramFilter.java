package io.kirinuki.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Reads all of Kuromoji's tokens, then emits the reading bigrams {@link Morphemes} makes of them.
 */
final class ReadingGramFilter extends TokenFilter {

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
  private final ReadingAttribute readingAtt = addAttribute(ReadingAttribute.class);

  private final Morphemes morphemes = new Morphemes();
  private final CapturedTokens grams = new CapturedTokens(1024, 2048);
  private boolean read;
  private int next;

  ReadingGramFilter(TokenStream kuromoji) {
    super(kuromoji);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    read = false;
    next = 0;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!read) {
      read = true;
      morphemes.clear();
      while (input.incrementToken()) {
        morphemes.add(termAtt, offsetAtt, readingAtt);
      }
      grams.clear();
      morphemes.readingGrams(grams);
    }
    if (next >= grams.size()) {
      return false;
    }
    clearAttributes();
    grams.writeTo(next++, termAtt, offsetAtt, posIncAtt, posLenAtt);
    return true;
  }
}
