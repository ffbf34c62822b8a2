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
  private CapturedTokens grams;
  private int next;

  ReadingGramFilter(TokenStream kuromoji) {
    super(kuromoji);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    grams = null;
    next = 0;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (grams == null) {
      morphemes.clear();
      while (input.incrementToken()) {
        morphemes.add(termAtt, offsetAtt, readingAtt);
      }
      grams = new CapturedTokens();
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
