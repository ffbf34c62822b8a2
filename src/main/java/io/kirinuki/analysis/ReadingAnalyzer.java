package io.kirinuki.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;

/**
 * The reading analyzer: the bigrams of the katakana readings of runs of words, so that a kana query
 * ({@code あじさい}, {@code アジサイ}) finds kanji text that reads the same ({@code 紫陽花}).
 *
 * <p>Query side: like {@link GramAnalyzer}, a phrase of {@link GramAnalyzer#queryGrams} of the
 * {@link Normalizer#normalize}d word, for words of two or more characters that are all kana. There
 * are no unigrams in this field, because a one-character reading query would match nearly all.
 */
public final class ReadingAnalyzer extends Analyzer {

  private final UserDictionary userDictionary;

  ReadingAnalyzer(UserDictionary userDictionary) {
    this.userDictionary = userDictionary;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    // The morph field's normalisation: one Kuromoji pass can serve both (Analyzers.analyzeOnce).
    return Normalizer.wrapForMorphology(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    // The morph field's Kuromoji (same dictionary, search mode) but keeping compound tokens: the
    // compound is normal mode's word and carries normal mode's reading (株式会社 カブシキガイシャ).
    Tokenizer source = MorphAnalyzer.newTokenizer(userDictionary, false);
    // Readings of adjacent words as one katakana string, cut into bigrams like GramAnalyzer.
    TokenStream sink = new ReadingGramFilter(source);
    return new TokenStreamComponents(source, sink);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return Normalizer.wrap(reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return in;
  }
}
