package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser on the two real seed posts and on small pages built for one behaviour each. */
class PostParserTest {
  private final PostParser parser = new PostParser(Outlets.load());

  private List<Post> parseFixture(String name) throws IOException, UnreadableFileException {
    Path page = PostParserGoldenTest.POSTS.resolve(name);
    return parser.parse(PageDecoder.decode(Files.readAllBytes(page), name), name);
  }

  private static List<String> outletsAndDates(Post post) {
    return post.articles().stream().map(a -> a.outlet() + " " + a.date()).toList();
  }

  @Test
  void readsTheTenArticlesOfSeed000WithCanonicalOutletsAndInferredYears() throws Exception {
    List<Post> posts = parseFixture("000_51f9795d2875bb88.txt");

    assertEquals(1, posts.size());
    Post post = posts.get(0);
    // Tokyo Shimbun, Chunichi, Yomiuri, Irorio, Sankei (3), Yomiuri, Byokan SUNDAY, NHK.
    assertEquals(
        List.of(
            "東京新聞 2015-10-11",
            "中日新聞 2015-10-15",
            "読売新聞 2015-10-13",
            "イロリオ 2015-10-13",
            "産経新聞 2015-10-13",
            "産経新聞 2015-10-01",
            "産経新聞 2015-09-16",
            "読売新聞 2015-10-11",
            "秒刊SUNDAY 2015-10-13",
            "NHK 2015-10-13"),
        outletsAndDates(post));
    // "My Number: be careful!! ..." — the headline exactly as written after the ●.
    assertEquals("マイナンバーご注意!! カード作成 急がず考えて", post.articles().get(0).title());
    assertEquals("東京", post.articles().get(0).outletRaw());
    assertEquals("秒刊SUNDAY | 最新の面白ニュースサイト", post.articles().get(8).outletRaw());
    assertEquals(LocalDate.of(2015, 10, 15), post.date());
    assertEquals(0, post.comments());
    assertEquals(List.of(), post.warnings());
  }

  @Test
  void readsTheEightArticlesOfSeed002WithBylinesAndADatelessGovernmentPage() throws Exception {
    List<Post> posts = parseFixture("002_3696a5037cc44fdd.txt");

    assertEquals(1, posts.size());
    Post post = posts.get(0);
    // Ministry of Internal Affairs (no date), Silver Shimpo, m3.com, Yomiuri, Toyo Keizai Online,
    // IT Pro News, Nikkei, Sankei.
    assertEquals(
        List.of(
            "総務省 null",
            "シルバー新報 2015-07-30",
            "m3.com 2015-08-18",
            "読売新聞 2015-07-30",
            "東洋経済オンライン 2015-08-15",
            "IT Pro ニュース 2015-08-12",
            "日本経済新聞 2015-08-13",
            "産経新聞 2015-08-13"),
        outletsAndDates(post));
    List<String> authors = post.articles().stream().map(Article::author).toList();
    assertEquals(Arrays.asList(null, null, null, null, "藤尾 明彦", "清嶋 直樹", null, null), authors);
    // "Ministry of Internal Affairs / local-government security task team"
    assertEquals("総務省/ 自治体情報セキュリティ対策検討チーム", post.articles().get(0).title());
    assertEquals("最新臨床ニュースをm3.comが配信", post.articles().get(2).outletRaw());
    assertEquals(LocalDate.of(2015, 8, 18), post.date());
    // "Less than half a year until the My Number system starts"
    assertEquals("マイナンバー制度の施行まで半年もない", post.title());
  }

  @Test
  void keepsPageFurnitureOutOfCommentaryAndBodies() throws Exception {
    for (String name : List.of("000_51f9795d2875bb88.txt", "002_3696a5037cc44fdd.txt")) {
      Post post = parseFixture(name).get(0);
      StringBuilder all = new StringBuilder(post.commentary());
      post.articles().forEach(a -> all.append(a.title()).append(a.body()));
      // Tagline, blog name, ranking promotion, footer.
      for (String furniture :
          List.of("情報発信ブログ", "てらまち・ねっと", "人気ブログランキング", "ワン・クリック", "Trackback")) {
        assertFalse(all.toString().contains(furniture), name + " keeps " + furniture);
      }
    }
  }

  @Test
  void keepsTheTableOfContentsInTheCommentary() throws Exception {
    Post post = parseFixture("000_51f9795d2875bb88.txt").get(0);

    String commentary = post.commentary();
    // The last line of the ● list: "Resident card with My Number issued by mistake, Toride / NHK"
    assertEquals(
        "●住民票にマイナンバー誤記載し発行 取手市/NHK 10月13日", commentary.substring(commentary.lastIndexOf('\n') + 1));
    assertNull(post.url());
  }

  private List<String> articleIds(Post post) {
    return post.articles().stream().map(Article::id).toList();
  }

  @Test
  void idsSurviveEditsThatOnlyTouchLayoutOrPageFurniture() throws Exception {
    String clean = Files.readString(PostParserGoldenTest.POSTS.resolve("000_51f9795d2875bb88.txt"));
    Post reference = parser.parse(clean, "000.txt").get(0);
    List<String> lines = new ArrayList<>(List.of(clean.split("\n", -1)));
    // The header dropped: tagline, blog name and three blank lines.
    lines.subList(0, 5).clear();
    for (int i = 0; i < lines.size(); i += 3) {
      lines.set(i, lines.get(i) + (i % 2 == 0 ? "  " : "\u3000"));
    }
    lines.set(3, "\t" + lines.get(3).strip());
    lines.set(5, "\u3000\u3000" + lines.get(5).strip());
    lines.add(7, "&nbsp;");
    lines.add(9, "<br />");
    lines.add(12, lines.get(12));
    // A zero-width space in the first article's headline; half-width kana in its body.
    int headline = lines.indexOf("●マイナンバーご注意!! カード作成 急がず考えて");
    lines.set(headline, "●マイナンバーご注意!! カード\u200B作成 急がず考えて");
    lines.set(headline + 2, lines.get(headline + 2).replace("マイナンバー", "ﾏｲﾅﾝﾊﾞｰ"));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] crlf = String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    byte[] messy = new byte[bom.length + crlf.length];
    System.arraycopy(bom, 0, messy, 0, bom.length);
    System.arraycopy(crlf, 0, messy, bom.length, crlf.length);

    Post edited = parser.parse(PageDecoder.decode(messy, "messy.txt"), "messy.txt").get(0);

    assertNotEquals(clean, PageDecoder.decode(messy, "messy.txt"));
    assertEquals(reference.id(), edited.id());
    assertEquals(articleIds(reference), articleIds(edited));
  }

  @Test
  void idsDoNotDependOnWhichShiftJisTableSavedThePage() throws Exception {
    // "from 9時〜17時" with a wave dash (JIS) and with a full-width tilde (Windows), and a minus.
    String jis = "今日は記録する。\n\n●見出し\n読売 2015年10月13日\n受付は9時〜17時、−5度。\n";
    String windows = "今日は記録する。\n\n●見出し\n読売 2015年10月13日\n受付は9時～17時、－5度。\n";

    Post a = parser.parse(jis, "a.txt").get(0);
    Post b = parser.parse(windows, "b.txt").get(0);

    assertNotEquals(a.articles().get(0).body(), b.articles().get(0).body());
    assertEquals(a.id(), b.id());
    assertEquals(articleIds(a), articleIds(b));
  }

  @Test
  void idsDoNotDependOnTheFileName() throws Exception {
    String text = Files.readString(PostParserGoldenTest.POSTS.resolve("no-year.txt"));

    Post undated = parser.parse(text, "no-year.txt").get(0);
    Post dated = parser.parse(text, "2015/d_20151016.txt").get(0);

    assertNull(undated.articles().get(0).date());
    assertEquals(LocalDate.of(2015, 10, 15), dated.articles().get(0).date());
    assertEquals(undated.id(), dated.id());
    assertEquals(articleIds(undated), articleIds(dated));
  }

  @Test
  void givesTheSameArticleQuotedInTwoPostsOneId() throws Exception {
    Post one = parseFixture("no-year.txt").get(0);
    Post other = parseFixture("toc-fill.txt").get(0);

    // The NHK report on Toride's resident cards, quoted by both posts.
    Article first = one.articles().get(1);
    Article second = other.articles().get(4);
    assertEquals("住民票にマイナンバー誤記載し発行 取手市", first.title());
    assertEquals(first.title(), second.title());
    assertEquals("a-c9ca09c2422d2006", first.id());
    assertEquals(first.id(), second.id());
    assertNotEquals(one.id(), other.id());
  }

  @Test
  void givesEveryPostAndArticleAnIdOfSixteenHexDigits() throws Exception {
    Post post = parseFixture("002_3696a5037cc44fdd.txt").get(0);

    assertTrue(post.id().matches("p-[0-9a-f]{16}"), post.id());
    for (Article a : post.articles()) {
      assertTrue(a.id().matches("a-[0-9a-f]{16}"), a.id());
    }
    assertEquals(8, new HashSet<>(articleIds(post)).size());
  }

  @Test
  void changesTheIdsWhenTheTextChanges() throws Exception {
    String text = Files.readString(PostParserGoldenTest.POSTS.resolve("002_3696a5037cc44fdd.txt"));
    Post reference = parser.parse(text, "002.txt").get(0);

    // One character of the last article's body: "77%" becomes "78%".
    Post changed = parser.parse(text.replace("77%の企業", "78%の企業"), "002.txt").get(0);

    assertNotEquals(reference.id(), changed.id());
    assertEquals(articleIds(reference).subList(0, 7), articleIds(changed).subList(0, 7));
    assertNotEquals(articleIds(reference).get(7), articleIds(changed).get(7));
  }

  @Test
  void readsEveryPostOfAnArchivePageAndMarksTheCutOffOne() throws Exception {
    List<Post> posts = parseFixture("m_201601.txt");

    assertEquals(3, posts.size());
    assertEquals(Arrays.asList(2, 0, null), posts.stream().map(Post::comments).toList());
    // Yomiuri and NHK, then Chunichi and Sankei, across the turn of 2015/2016.
    assertEquals(List.of("読売新聞 2015-12-30", "NHK 2016-01-04"), outletsAndDates(posts.get(0)));
    assertEquals(List.of("中日新聞 2015-12-28", "産経新聞 2016-01-01"), outletsAndDates(posts.get(1)));
    assertEquals(
        List.of(
            "The post has no comment footer (コメント ( N ) | Trackback ( )), so it may be cut off."),
        posts.get(2).warnings());
  }

  @Test
  void leavesABulletListOfTheBloggersOwnInTheCommentary() throws Exception {
    Post post = parseFixture("one-line-headers.txt").get(0);

    // "● Pages worth reading" and its numbered items are commentary, not articles.
    assertTrue(post.commentary().contains("● 参考になるページ\n① 総務省のマイナンバー制度のページ\n"));
    assertEquals(5, post.articles().size());
    assertFalse(post.articles().stream().anyMatch(a -> a.title().contains("参考")));
  }
}
