package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kirinuki.search.QueryLanguage.Clause;
import io.kirinuki.search.QueryLanguage.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryLanguageTest {
  static Clause word(String text) {
    return new Clause(List.of(new Term(text, false)), false);
  }

  static Clause phrase(String text) {
    return new Clause(List.of(new Term(text, true)), false);
  }

  static Clause not(String text) {
    return new Clause(List.of(new Term(text, false)), true);
  }

  @Test
  void wordsSeparatedByAsciiOrFullWidthSpacesAreAllRequired() {
    // 取手市 住民票 = Toride City, resident certificate; U+3000 is the full-width space
    assertEquals(List.of(word("取手市"), word("住民票")), QueryLanguage.parse("取手市 住民票"));
    assertEquals(List.of(word("取手市"), word("住民票")), QueryLanguage.parse("取手市　住民票"));
  }

  @Test
  void quotesMakeAPhraseWithItsSpacesCollapsed() {
    assertEquals(List.of(phrase("IT Pro"), word("x")), QueryLanguage.parse("\"IT   Pro\" x"));
    // full-width quote marks work the same
    assertEquals(List.of(phrase("IT Pro")), QueryLanguage.parse("＂IT Pro＂"));
  }

  @Test
  void minusExcludesAWordOrAPhrase() {
    assertEquals(List.of(word("マイナンバー"), not("収賄")), QueryLanguage.parse("マイナンバー -収賄"));
    assertEquals(
        List.of(new Clause(List.of(new Term("a b", true)), true)), QueryLanguage.parse("-\"a b\""));
    // full-width minus
    assertEquals(List.of(not("収賄")), QueryLanguage.parse("－収賄"));
  }

  @Test
  void orJoinsNeighboursIntoOneClause() {
    assertEquals(
        List.of(
            new Clause(List.of(new Term("読売", false), new Term("朝日", false), new Term("毎日", false)), false),
            word("社説")),
        QueryLanguage.parse("読売 OR 朝日 OR 毎日 社説"));
  }

  @Test
  void unreadableSyntaxIsPlainText() {
    assertEquals(List.of(phrase("unclosed phrase")), QueryLanguage.parse("\"unclosed phrase"));
    assertEquals(List.of(word("-")), QueryLanguage.parse("-"));
    assertEquals(List.of(word("--")), QueryLanguage.parse("--"));
    assertEquals(List.of(word("OR")), QueryLanguage.parse("OR"));
    assertEquals(List.of(word("a"), word("OR")), QueryLanguage.parse("a OR"));
    assertEquals(List.of(word("or"), word("b")), QueryLanguage.parse("or b"));
    assertEquals(List.of(), QueryLanguage.parse("\"\"  　"));
    assertEquals(List.of(), QueryLanguage.parse(null));
  }

  @Test
  void aHyphenInsideAWordIsPartOfIt() {
    assertEquals(List.of(word("0570-783-578")), QueryLanguage.parse("0570-783-578"));
  }
}
