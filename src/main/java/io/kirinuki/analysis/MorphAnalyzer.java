package io.kirinuki.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;

/**
 * The ranking analyzer: Kuromoji words (search mode, the project's user dictionary) in their
 * dictionary form, particles and stop words removed, width, case, kana and final long vowels
 * folded. The same chain serves indexing and querying.
 */
public final class MorphAnalyzer extends Analyzer {

  private final UserDictionary userDictionary;

  MorphAnalyzer(UserDictionary userDictionary) {
    this.userDictionary = userDictionary;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    // Width and case before Kuromoji, so ＮＥＣ and ﾏｲﾅﾝﾊﾞｰ are segmented like NEC and マイナンバー
    // (the user dictionary is written in this form); kana and long vowels stay as written.
    return Normalizer.wrapForMorphology(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    // Search mode splits long compounds (日本年金機構 → 日本 年金 機構), so a part matches; the
    // compound itself is not kept (LUCENE-9123: its graph breaks phrase queries). Punctuation out.
    Tokenizer source = newTokenizer(userDictionary, true);
    return new TokenStreamComponents(source, rankingChain(source));
  }

  /** Kuromoji as the morph and reading fields use it, with or without compound tokens. */
  static JapaneseTokenizer newTokenizer(UserDictionary userDictionary, boolean discardCompounds) {
    return new JapaneseTokenizer(
        userDictionary, true, discardCompounds, JapaneseTokenizer.Mode.SEARCH);
  }

  /** The filters after Kuromoji; {@link Analyzers#analyzeOnce} reuses them on its single pass. */
  static TokenStream rankingChain(TokenStream kuromoji) {
    TokenStream ts = kuromoji;
    // 逮捕された matches 逮捕する: inflected verbs and adjectives become their dictionary form.
    ts = new JapaneseBaseFormFilter(ts);
    // Particles, auxiliaries and symbols carry no topic (JapaneseAnalyzer's stop tags).
    ts = new JapanesePartOfSpeechStopFilter(ts, JapaneseAnalyzer.getDefaultStopTags());
    // Frequent words the tags miss (これ, ある, いる); they are hiragana, so this precedes folding.
    ts = new StopFilter(ts, JapaneseAnalyzer.getDefaultStopSet());
    // まいなんばー = マイナンバー: hiragana folded to katakana after segmentation.
    ts = new KanaFoldingFilter(ts);
    // セキュリティー = セキュリティ: Lucene's stemmer drops the final ー of katakana words of 4+.
    ts = new JapaneseKatakanaStemFilter(ts);
    // No LowerCaseFilter or CJKWidthFilter: NFKC_CF in initReader folded case and width, and no
    // stage here brings either back (measured: all 840,489 terms of the seeds and the corpus
    // source text are NFKC_CF-stable without them; user dictionary entries are checked at load).
    return ts;
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return Normalizer.wrapForMorphology(reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new KanaFoldingFilter(in);
  }
}
