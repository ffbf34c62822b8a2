package io.kirinuki.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Collects what a token stream emits as {@code term[start,end]+increment} strings (with {@code
 * /length} when the position length is not 1) and compares them to a literal expectation.
 */
final class TokenAssert {

  private TokenAssert() {}

  /** One emitted token; its string form is what expectations are written in. */
  record Tok(String term, int start, int end, int increment, int length) {
    @Override
    public String toString() {
      return term + "[" + start + "," + end + "]+" + increment + (length == 1 ? "" : "/" + length);
    }
  }

  /** The tokens and the final offset of one stream. */
  record Analysis(List<Tok> tokens, int finalOffset) {
    List<String> strings() {
      return tokens.stream().map(Tok::toString).toList();
    }

    List<String> terms() {
      return tokens.stream().map(Tok::term).toList();
    }
  }

  static Analysis collect(TokenStream stream) {
    List<Tok> tokens = new ArrayList<>();
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
    PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
    PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
    try (stream) {
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(
            new Tok(
                term.toString(),
                offset.startOffset(),
                offset.endOffset(),
                increment.getPositionIncrement(),
                length.getPositionLength()));
      }
      stream.end();
      return new Analysis(tokens, offset.endOffset());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Analysis analyze(Analyzer analyzer, String text) {
    return collect(analyzer.tokenStream("field", text));
  }

  /** Asserts the exact tokens, and that the stream ends at the end of the text. */
  static void assertTokens(Analyzer analyzer, String text, String... expected) {
    Analysis analysis = analyze(analyzer, text);
    assertEquals(List.of(expected), analysis.strings(), () -> "tokens of " + text);
    assertEquals(text.length(), analysis.finalOffset(), "final offset");
  }

  /**
   * Checks what every token stream owes the indexer and the highlighter: offsets inside the text,
   * never going backwards, never splitting a surrogate pair; a first increment of at least 1.
   */
  static void assertWellFormed(Analysis analysis, String text) {
    int lastStart = 0;
    for (int i = 0; i < analysis.tokens().size(); i++) {
      Tok tok = analysis.tokens().get(i);
      String where = "token " + i + " " + tok;
      assertTrue(tok.start() >= lastStart, where + ": start goes backwards");
      assertTrue(tok.start() < tok.end(), where + ": empty span");
      assertTrue(tok.end() <= text.length(), where + ": beyond the text");
      assertTrue(notInsidePair(text, tok.start()), where + ": start splits a surrogate pair");
      assertTrue(notInsidePair(text, tok.end()), where + ": end splits a surrogate pair");
      assertTrue(i > 0 || tok.increment() >= 1, where + ": first increment");
      assertTrue(tok.increment() >= 0, where + ": negative increment");
      lastStart = tok.start();
    }
    assertEquals(text.length(), analysis.finalOffset(), "final offset");
  }

  private static boolean notInsidePair(String text, int offset) {
    return offset == 0
        || offset == text.length()
        || !(Character.isHighSurrogate(text.charAt(offset - 1))
            && Character.isLowSurrogate(text.charAt(offset)));
  }

  /** Reads one of the two bundled sample posts. */
  static String seed(String name) {
    try (var in = TokenAssert.class.getResourceAsStream("/io/kirinuki/samples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String SEED_MY_NUMBER = "000_51f9795d2875bb88.txt";
  static final String SEED_SECURITY = "002_3696a5037cc44fdd.txt";

  /** Both sample posts, one after the other. */
  static String seeds() {
    return seed(SEED_MY_NUMBER) + "\n" + seed(SEED_SECURITY);
  }
}
