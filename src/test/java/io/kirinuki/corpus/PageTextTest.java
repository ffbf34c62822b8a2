package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kirinuki.corpus.PageText.Line;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTextTest {
  private static List<String> texts(String page) {
    return PageText.lines(page).stream().map(Line::text).toList();
  }

  @Test
  void trimsLinesAndDropsZeroWidthCharacters() {
    // "Headline" with a zero-width space; "body" with a tab indent, then with a full-width
    // indent; "end" with trailing spaces.
    assertEquals(
        List.of("見出し", "本文一", "本文二", "末尾"),
        texts("見\u200B出し\r\n\t本文一\n\u3000\u3000本文二\n末尾 \u3000 "));
  }

  @Test
  void dropsLinesThatWereOnlyHtmlAndUnescapesTheRest() {
    assertEquals(
        List.of("一", "A & B < C", "二", "三"),
        texts(
            "一\n"
                + "&nbsp;\n"
                + "A &amp; B &lt; C\n"
                + "<br />\n"
                + "&amp;nbsp;\n"
                + "&#12288;&#12288;\n"
                + "二<br>\n"
                + "&gt;&gt;続きを読む\n"
                + "<a href=\"#\">記事全文</a>\n"
                + "三"));
  }

  @Test
  void removesADoubledLineAndSaysSo() {
    // "It is the same line." twice, then "next".
    List<Line> lines = PageText.lines("同じ行です。\n同じ行です。\n\n\n次");

    assertEquals(List.of("同じ行です。", "", "", "次"), lines.stream().map(Line::text).toList());
    assertEquals(
        Arrays.asList("A doubled line was removed: \"同じ行です。\".", null, null, null),
        lines.stream().map(Line::warning).toList());
  }
}
