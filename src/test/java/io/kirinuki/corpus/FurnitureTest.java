package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kirinuki.corpus.PageText.Line;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FurnitureTest {
  private static List<String> strip(String... lines) {
    return Furniture.strip(java.util.Arrays.stream(lines).map(Line::new).toList()).stream()
        .map(Line::text)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      textBlock =
          """
          # The comment footer ("comments ( N ) | Trackback ( )") as the pages write it, in
          # full-width parentheses, with a trackback count, in half-width kana.
          コメント ( 0 ) | Trackback ( ) ¦ 0
          コメント ( 12 ) | Trackback ( 3 ) ¦ 12
          コメント（5）｜Trackback（） ¦ 5
          ｺﾒﾝﾄ ( 2 ) | Trackback ( ) ¦ 2
          # One character lost (U+FFFD) in either half.
          コメント ( 1 ) | Track\uFFFDack ( ) ¦ 1
          コ\uFFFDント ( 1 ) | Trackback ( ) ¦
          """)
  void readsTheCommentCountOfEveryFooterForm(String line, Integer comments) {
    Furniture.Footer footer = Furniture.footer(line);
    assertEquals(comments, footer.comments());
    assertEquals("", footer.before());
  }

  @Test
  void splitsAFooterThatAnEditJoinedToTheTextAroundIt() {
    // "…reported." + footer + the next post's first line.
    Furniture.Footer f = Furniture.footer("と報じた。コメント ( 3 ) | Trackback ( )次の投稿");

    assertEquals("と報じた。", f.before());
    assertEquals(3, f.comments());
    assertEquals("次の投稿", f.after());
    assertNull(Furniture.footer("コメント欄は閉じています。"));
  }

  @Test
  void dropsTheHeaderAndEveryPromotionBlockVariant() {
    List<String> kept =
        strip(
            // Host notice, tagline, blog name.
            "goo blog サービス終了のお知らせ",
            "毎日、1000件程度のアクセス、4000件以上の閲覧がある情報発信ブログ。花や野菜作り、市民運動、行政訴訟など",
            "てらまち・ねっと",
            // The commentary: "Today I record this."
            "今日は記録する。",
            // The 2006 ranking block with its arrows, the 2007 one-line block, the 2015 block.
            "人気ブログランキングに参加中",
            "ワン・クリック10点",
            "↓ ↓",
            "→→←←",
            "人気ブログランキング→→←←ワン・クリック10点",
            "人気ブログランキング = 今、1位",
            " ★携帯でも クリック可にしました →→ 携帯でまずここをクリックし、次に出てくる「リンク先に移動」をクリックして頂くだけで「10点」 ←←",
            " ★パソコンは こちらをクリックしてください →→←←このワン・クリックだけで10点",
            // "See the article below", then an arrow of the blogger's own, away from the block.
            "下の記事を参照。",
            "↓");

    assertEquals(List.of("今日は記録する。", "", "", "", "", "", "", "", "", "下の記事を参照。", "↓"), kept);
  }

  @Test
  void keepsAPostWhoseTextStartsWithoutAHeader() {
    // "Every day the blog gets many visits" is commentary, not the tagline.
    assertEquals(List.of("毎日ブログへのアクセスが増えた。", "今日は記録する。"), strip("毎日ブログへのアクセスが増えた。", "今日は記録する。"));
  }

  @Test
  void keepsAnArticleHeaderThatAnEditJoinedToThePromotionLine() {
    assertEquals(List.of("", "●見出し"), strip(" ★パソコンは こちらをクリックしてください →→←←このワン・クリックだけで10点●見出し"));
  }
}
