package io.kirinuki.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds hiragana in each term to katakana, so that {@code まいなんばー} and {@code マイナンバー} are one term.
 * It runs after Kuromoji because folding its input first would ruin the segmentation.
 */
final class KanaFoldingFilter extends TokenFilter {

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

  KanaFoldingFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = termAtt.buffer();
    for (int i = 0, length = termAtt.length(); i < length; i++) {
      buffer[i] = Normalizer.toKatakana(buffer[i]);
    }
    return true;
  }
}
