package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SnippetFormatterTest {
  static Passage passage(int start, int end, int... matches) {
    Passage passage = new Passage();
    passage.setStartOffset(start);
    passage.setEndOffset(end);
    for (int i = 0; i < matches.length; i += 2) {
      passage.addMatch(matches[i], matches[i + 1], new BytesRef("x"), 1);
    }
    return passage;
  }

  @Test
  void marksMatchesAfterEscapingTheText() {
    String content = "<script>alert(1)</script> と顔認証 & \"NEC\"";
    // 顔認証 = face recognition, at offsets 27..30
    String snippet = new SnippetFormatter().format(new Passage[] {passage(0, content.length(), 27, 30)}, content);
    assertEquals(
        "&lt;script&gt;alert(1)&lt;/script&gt; と<mark>顔認証</mark> &amp; &quot;NEC&quot;", snippet);
  }

  @Test
  void overlappingGramMatchesBecomeOneMark() {
    String content = "住民票を発行";
    // The bigrams 住民 (0..2) and 民票 (1..3) of the phrase 住民票
    String snippet = new SnippetFormatter().format(new Passage[] {passage(0, 6, 0, 2, 1, 3)}, content);
    assertEquals("<mark>住民票</mark>を発行", snippet);
  }

  @Test
  void longPassagesAreCutAroundTheirFirstMatchWithEllipses() {
    String content = "あ".repeat(300) + "取手市" + "い".repeat(300);
    String snippet =
        new SnippetFormatter().format(new Passage[] {passage(0, content.length(), 300, 303)}, content);
    assertEquals(
        "…" + "あ".repeat(30) + "<mark>取手市</mark>" + "い".repeat(67) + "…", snippet);
  }

  @Test
  void cutsNeverSplitASurrogatePair() {
    // 𠮷 (U+20BB7) is two chars; the window would start on its low surrogate.
    String content = "𠮷".repeat(200) + "野家";
    int match = content.indexOf("野家");
    String snippet =
        new SnippetFormatter().format(new Passage[] {passage(0, content.length(), match, match + 2)}, content);
    assertEquals("…" + "𠮷".repeat(15) + "<mark>野家</mark>", snippet);
  }

  @Test
  void passagesAreJoinedByOneEllipsisAndLineBreaksPrintAsSpaces() {
    String content = "一行目\n\n二行目。三行目の文";
    String snippet =
        new SnippetFormatter()
            .format(new Passage[] {passage(0, 4, 0, 1), passage(9, 14, 9, 11)}, content);
    assertEquals("<mark>一</mark>行目 … <mark>三行</mark>目の文", snippet);
  }
}
