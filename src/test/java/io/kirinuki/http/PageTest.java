package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-rendered pages over a real index of the sample posts. */
class PageTest {
  @TempDir static Path indexDir;
  private static SampleServer server;

  @BeforeAll
  static void start() throws IOException {
    server = SampleServer.start(indexDir);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static HttpResponse<String> get(String pathAndQuery) {
    return server.http.get(pathAndQuery);
  }

  private static List<String> all(String regex, String html) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile(regex).matcher(html);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  @Test
  void rendersTheResultsOnTheServerSoAResultUrlCanBeShared() {
    // マイナンバー ("My Number") in 読売新聞 (Yomiuri Shimbun)
    HttpResponse<String> page =
        get("/?q=" + ApiTest.encode("マイナンバー") + "&outlet=" + ApiTest.encode("読売新聞"));
    assertEquals(200, page.statusCode());
    assertEquals("text/html;charset=utf-8", server.http.header(page, "Content-Type"));
    String html = page.body();
    assertEquals(
        List.of(
            "マイナンバーは分離、自治体の92%…流出防止", "流出対策自治体まだまだ…マイナンバーの情報管理", "マイナンバー システム設計発注巡り収賄の疑い 厚労省職員逮捕"),
        all("<h2 class=\"hit-title\"><a href=\"/documents/a-[0-9a-f]+\">([^<]+)</a>", html));
    assertTrue(html.contains("<strong>3</strong>件"), html);
    assertTrue(html.contains("<mark>マイナンバー</mark>"));
    assertTrue(html.contains("<span>媒体：読売新聞</span>"));
    // the active outlet facet links back to the unfiltered search
    assertTrue(
        html.contains(
            "<a href=\"/?q=%E3%83%9E%E3%82%A4%E3%83%8A%E3%83%B3%E3%83%90%E3%83%BC\""
                + " class=\"facet-link active\" aria-current=\"true\">"),
        html);
    // the timeline runs from July to October; the months with hits have a bar that links
    assertEquals(
        List.of("7月", "8月", "9月", "10月"),
        all("<text class=\"tl-month\"[^>]*>([^<]+)</text>", html));
    assertEquals(2, all("(<rect class=\"tl-bar\")", html).size());
    assertEquals(
        List.of("2015年7月：1件", "2015年10月：2件"),
        all("<a href=\"[^\"]+\" class=\"tl-link\" aria-label=\"([^\"]+)\">", html));
  }

  @Test
  void pagesSendSecurityHeaders() {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertEquals(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        server.http.header(page, "Content-Security-Policy"));
    assertEquals("nosniff", server.http.header(page, "X-Content-Type-Options"));
    assertEquals("same-origin", server.http.header(page, "Referrer-Policy"));
    assertEquals("DENY", server.http.header(page, "X-Frame-Options"));
    assertTrue(page.body().startsWith("<!DOCTYPE html>\n<html lang=\"ja\">"));
  }

  @Test
  void theStylesheetAndScriptAreServedAsFiles() {
    HttpResponse<String> css = get("/static/kirinuki.css");
    assertEquals(200, css.statusCode());
    assertTrue(server.http.header(css, "Content-Type").startsWith("text/css"));
    assertEquals("nosniff", server.http.header(css, "X-Content-Type-Options"));
    HttpResponse<String> js = get("/static/kirinuki.js");
    assertEquals(200, js.statusCode());
    assertTrue(server.http.header(js, "Content-Type").contains("javascript"));
  }

  @Test
  void staticFilesAreRevalidatedByETagAndNothingElseIsServedUnderStatic() {
    HttpResponse<String> css = get("/static/kirinuki.css");
    String etag = server.http.header(css, "ETag");
    assertTrue(etag != null && etag.startsWith("\"") && etag.length() > 10, etag);
    assertEquals("no-cache", server.http.header(css, "Cache-Control"));
    HttpResponse<String> again = server.http.get("/static/kirinuki.css", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    HttpResponse<String> changed =
        server.http.get("/static/kirinuki.css", "If-None-Match", "\"x\"");
    assertEquals(200, changed.statusCode());
    assertEquals(css.body(), changed.body());
    assertEquals(200, get("/static/favicon.svg").statusCode());
    assertEquals(404, get("/static/openapi.json").statusCode());
    assertEquals(404, get("/static/kirinuki.css.bak").statusCode());
  }

  @Test
  void aQueryWithMarkupIsShownAsText() {
    HttpResponse<String> page = get("/?q=" + ApiTest.encode("<script>alert(1)</script>"));
    assertEquals(200, page.statusCode());
    assertFalse(page.body().contains("<script>alert(1)</script>"));
    assertTrue(page.body().contains("「&lt;script&gt;alert(1)&lt;/script&gt;」の検索結果"));
  }

  @Test
  void anEmptySearchListsEveryDocumentNewestFirst() {
    String html = get("/").body();
    assertTrue(html.contains("<h1 class=\"results-heading\">すべての文書（新しい順）</h1>"));
    assertTrue(html.contains("<strong>20</strong>件"));
    // The sort box stays on relevance, so the first query typed here is sorted by relevance.
    assertTrue(html.contains("<option value=\"relevance\" selected>関連度</option>"), html);
  }

  @Test
  void aBadParameterShowsTheFormAgainWithTheReasonInJapanese() {
    HttpResponse<String> page = get("/?q=" + ApiTest.encode("取手市") + "&from=2015-02-30");
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("期間の開始日は、実在する日付を YYYY-MM-DD の形で指定してください。"));
    assertTrue(page.body().contains("value=\"取手市\""));
  }

  @Test
  void anArticlePageLinksToThePostThatQuotesIt() {
    HttpResponse<String> page = get("/documents/" + ApiTest.YOMIURI_SEPARATION);
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(html.contains("<h1>マイナンバーは分離、自治体の92%…流出防止</h1>"));
    assertTrue(html.contains("<span class=\"outlet\">読売新聞</span>"));
    assertTrue(html.contains("<time datetime=\"2015-10-11\">2015年10月11日</time>"));
    assertTrue(
        html.contains(
            "<a class=\"quoting-post\" href=\"/documents/"
                + ApiTest.POST_OCTOBER
                + "\">"
                + "数日前、東京新聞が「マイナンバーご注意!! カード作成 急がず考えて」との記事を出した</a>"),
        html);
  }

  @Test
  void aPostPageListsItsArticles() {
    String html = get("/documents/" + ApiTest.POST_OCTOBER).body();
    assertTrue(html.contains("この投稿が引用している記事（10件）"));
    assertEquals(10, all("<li>\\s*<a href=\"(/documents/a-[0-9a-f]+)\"", html).size());
  }

  @Test
  void anUnknownDocumentIsAnHtml404() {
    HttpResponse<String> page = get("/documents/a-0000000000000000");
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("この文書は見つかりませんでした。"));
  }
}
