package io.kirinuki.analysis;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;

/**
 * The recall analyzer: unigrams plus bigrams of the normalised text in every script, so that a
 * document matches a word exactly when its normalised text contains the normalised word.
 *
 * <p>Query side: {@link #queryGrams} of {@link Normalizer#normalize}d words. One character is a
 * term query on its unigram; n ≥ 2 characters are a phrase of bigrams at their positions 0 to n−2,
 * which the index holds exactly where the text contains the word (the query builder takes only the
 * bigrams that cover each character once).
 */
public final class GramAnalyzer extends Analyzer {

  GramAnalyzer() {}

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    // Width, case, kana, long vowels, dashes, whitespace: the one matching normalisation, which
    // the query side applies with Normalizer.normalize; offsets are corrected to the original.
    return Normalizer.wrap(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    // One unigram and one bigram per character, every script (NE finds NEC, 【マイ finds
    // 【マイナンバー汚職】); a custom tokenizer because nothing else is left to do and it is the
    // cheapest way to do it. No filters: the char filters in initReader did all folding.
    Tokenizer source = new GramTokenizer();
    return new TokenStreamComponents(source);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return Normalizer.wrap(reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return in;
  }

  /**
   * The grams a query builder searches for one normalised word: the single character for a word of
   * one character (a code point), the n−1 bigrams in order for n ≥ 2, none for an empty word. Strip
   * the word first: a space inside is matched (a phrase), but one at either end would demand a
   * space in the text there, and a space alone has no unigram to find.
   */
  public static List<String> queryGrams(String normalizedWord) {
    int count = normalizedWord.codePointCount(0, normalizedWord.length());
    List<String> grams = new ArrayList<>(Math.max(1, count - 1));
    if (count == 1) {
      grams.add(normalizedWord);
      return List.copyOf(grams);
    }
    int start = 0;
    for (int k = 0; k + 1 < count; k++) {
      int second = normalizedWord.offsetByCodePoints(start, 1);
      int end = normalizedWord.offsetByCodePoints(second, 1);
      grams.add(normalizedWord.substring(start, end));
      start = second;
    }
    return List.copyOf(grams);
  }
}
