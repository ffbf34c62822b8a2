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
 * Sits right after a Kuromoji pass that keeps compound tokens: records every token into {@link
 * Morphemes} for the reading field and passes the rest on without the compounds, which is exactly
 * what Kuromoji emits when it discards them, for the morph field.
 */
final class MorphemeRecorder extends TokenFilter {

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
  private final ReadingAttribute readingAtt = addAttribute(ReadingAttribute.class);

  private final Morphemes morphemes;

  MorphemeRecorder(TokenStream kuromoji, Morphemes morphemes) {
    super(kuromoji);
    this.morphemes = morphemes;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    morphemes.clear();
  }

  @Override
  public boolean incrementToken() throws IOException {
    int skippedIncrement = 0;
    while (input.incrementToken()) {
      morphemes.add(termAtt, offsetAtt, readingAtt);
      if (posLenAtt.getPositionLength() == 1) {
        posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + skippedIncrement);
        return true;
      }
      // A compound token follows its first part at increment 0; dropping it moves nothing, but
      // an increment it carried would belong to the next token.
      skippedIncrement += posIncAtt.getPositionIncrement();
    }
    return false;
  }
}
