package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
    assertEquals(
        java.util.Arrays.asList(null, null, null, null, "藤尾 明彦", "清嶋 直樹", null, null), authors);
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
}
