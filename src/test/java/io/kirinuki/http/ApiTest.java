package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over a real index of the sample posts, through a real server on a free port. */
class ApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The first sample post (マイナンバー, October 2015) and the Yomiuri article it quotes. */
  static final String POST_OCTOBER = "p-80bd644d2e6c36ff";

  static final String POST_AUGUST = "p-e2ed0b048ac0a01f";
  static final String YOMIURI_SEPARATION = "a-ee7f9850ed8af487";

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

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> get(String pathAndQuery) {
    return server.http.get(pathAndQuery);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertEquals("application/json", server.http.header(response, "Content-Type"));
    return JSON.readTree(response.body());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.get(field).isNull() ? null : node.get(field).asText()));
    return texts;
  }

  @Test
  void healthCountsEveryPostAndArticle() {
    HttpResponse<String> health = get("/api/health");
    assertEquals(200, health.statusCode());
    assertEquals("{\"status\":\"ok\",\"documents\":20}", health.body());
  }

  @Test
  void searchesWithAnOutletAliasAndCountsFacetsOverAllMatches() throws IOException {
    // マイナンバー ("My Number") in 読売 (alias of 読売新聞, Yomiuri Shimbun)
    HttpResponse<String> response =
        get("/api/search?q=" + encode("マイナンバー") + "&outlet=" + encode("読売"));
    assertEquals(200, response.statusCode());
    JsonNode result = json(response);
    assertEquals("マイナンバー", result.get("query").asText());
    assertEquals(3, result.get("total").asLong());
    assertEquals(1, result.get("page").asInt());
    assertEquals(10, result.get("size").asInt());
    assertTrue(result.get("tookMs").isIntegralNumber());
    assertEquals(
        List.of(YOMIURI_SEPARATION, "a-f348b8f56998258f", "a-4aafd3b0cbf2485b"),
        texts(result.get("hits"), "id"));
    assertEquals(List.of("読売新聞", "読売新聞", "読売新聞"), texts(result.get("hits"), "outlet"));
    assertEquals(
        List.of("2015-10-11", "2015-07-30", "2015-10-13"), texts(result.get("hits"), "date"));
    assertEquals(
        List.of(POST_OCTOBER, POST_AUGUST, POST_OCTOBER), texts(result.get("hits"), "postId"));
    assertTrue(result.get("hits").get(0).get("snippet").asText().contains("<mark>マイナンバー</mark>"));
    assertEquals(
        "{\"type\":[{\"value\":\"article\",\"count\":3}],"
            + "\"outlet\":[{\"value\":\"読売新聞\",\"count\":3}],"
            + "\"year\":[{\"value\":\"2015\",\"count\":3}],"
            + "\"month\":[{\"value\":\"2015-07\",\"count\":1},"
            + "{\"value\":\"2015-10\",\"count\":2}]}",
        JSON.writeValueAsString(result.get("facets")));
  }

  @Test
  void anEmptyQueryListsTheFilteredDocumentsNewestFirst() throws IOException {
    JsonNode result = json(get("/api/search?type=post"));
    assertEquals(2, result.get("total").asLong());
    assertEquals(List.of(POST_OCTOBER, POST_AUGUST), texts(result.get("hits"), "id"));
    assertEquals(List.of("2015-10-15", "2015-08-18"), texts(result.get("hits"), "date"));
    assertEquals(java.util.Arrays.asList(null, null), texts(result.get("hits"), "postId"));
    assertEquals(java.util.Arrays.asList(null, null), texts(result.get("hits"), "outlet"));
  }

  @Test
  void pagesThroughTheHitsInAStableOrder() throws IOException {
    JsonNode first = json(get("/api/search?q=" + encode("取手市") + "&size=2")); // Toride city
    JsonNode second = json(get("/api/search?q=" + encode("取手市") + "&size=2&page=2"));
    assertEquals(3, first.get("total").asLong());
    assertEquals(
        List.of("a-a14a447a073cd772", "a-d0a8b4fc782b25e0"), texts(first.get("hits"), "id"));
    assertEquals(List.of(POST_OCTOBER), texts(second.get("hits"), "id"));
    assertEquals(2, second.get("page").asInt());
  }

  @Test
  void filtersOnAnInclusiveDateRangeAndSortsOldestFirst() throws IOException {
    JsonNode result =
        json(get("/api/search?from=2015-10-13&to=2015-10-13&sort=oldest&type=article&size=100"));
    assertEquals(5, result.get("total").asLong());
    assertEquals(
        List.of("2015-10-13", "2015-10-13", "2015-10-13", "2015-10-13", "2015-10-13"),
        texts(result.get("hits"), "date"));
  }

  @Test
  void givesAnArticleWithItsQuotingPost() throws IOException {
    HttpResponse<String> response = get("/api/documents/" + YOMIURI_SEPARATION);
    assertEquals(200, response.statusCode());
    JsonNode article = json(response);
    assertEquals("article", article.get("type").asText());
    assertEquals("マイナンバーは分離、自治体の92%…流出防止", article.get("title").asText());
    assertEquals("読売新聞", article.get("outlet").asText());
    assertEquals("2015-10-11", article.get("date").asText());
    assertTrue(article.get("author").isNull());
    assertTrue(article.get("body").asText().startsWith("今月5日に始まった共通番号(マイナンバー)制度で"));
    assertEquals(POST_OCTOBER, article.get("postId").asText());
    assertEquals("[]", article.get("articles").toString());
    assertEquals("[\"" + POST_OCTOBER + "\"]", article.get("quotedIn").toString());
  }

  @Test
  void givesAPostWithItsArticlesInPageOrder() throws IOException {
    JsonNode post = json(get("/api/documents/" + POST_OCTOBER));
    assertEquals("post", post.get("type").asText());
    assertTrue(post.get("outlet").isNull());
    assertTrue(post.get("postId").isNull());
    assertEquals(
        List.of(
            "a-944bdfd3030ddaea",
            "a-0db089fc427a9580",
            "a-4aafd3b0cbf2485b",
            "a-fe18aaadd59875d6",
            "a-ed9c70454c144bc6",
            "a-cd3b3bdb35cd88ab",
            "a-5d9b1cb938381522",
            YOMIURI_SEPARATION,
            "a-d0a8b4fc782b25e0",
            "a-a14a447a073cd772"),
        texts(post.get("articles"), "id"));
    assertEquals("[]", post.get("quotedIn").toString());
  }

  @Test
  void anUnknownDocumentIs404WithOneSentence() {
    HttpResponse<String> response = get("/api/documents/a-0000000000000000");
    assertEquals(404, response.statusCode());
    assertEquals(
        "{\"status\":404,\"error\":\"There is no document with the id a-0000000000000000.\"}",
        response.body());
  }

  @Test
  void badParametersAre400WithOneSentenceEach() {
    String[][] cases = {
      {"size=0", "The parameter size must be a whole number from 1 to 100, not \\\"0\\\"."},
      {"size=101", "The parameter size must be a whole number from 1 to 100, not \\\"101\\\"."},
      {"page=0", "The parameter page must be a whole number of 1 or more, not \\\"0\\\"."},
      {"page=-1", "The parameter page must be a whole number of 1 or more, not \\\"-1\\\"."},
      {
        "page=2&size=5001",
        "The parameter size must be a whole number from 1 to 100, not \\\"5001\\\"."
      },
      {
        "page=1001",
        "Only the first 10000 hits can be paged through, and page 1001 of 10 goes beyond them;"
            + " narrow the search instead."
      },
      {
        "from=2015-02-30",
        "The parameter from must be a real date written YYYY-MM-DD, not \\\"2015-02-30\\\"."
      },
      {
        "to=yesterday",
        "The parameter to must be a real date written YYYY-MM-DD, not \\\"yesterday\\\"."
      },
      {
        "from=2015-10-31&to=2015-10-01",
        "The date range is empty: from (2015-10-31) is after to (2015-10-01)."
      },
      {"sort=score", "The parameter sort must be relevance, newest or oldest, not \\\"score\\\"."},
      {"type=page", "The parameter type must be post or article, not \\\"page\\\"."},
      {
        "q=" + "%E3%81%82".repeat(1001),
        "The query is 1001 characters long; the longest accepted is 1000."
      },
      {"q=a&q=b", "The parameter q was given 2 times; give it once."},
      {
        "q=%E3%81",
        "The query string is not valid percent-encoded UTF-8; encode each parameter as UTF-8."
      },
    };
    for (String[] c : cases) {
      HttpResponse<String> response = get("/api/search?" + c[0]);
      assertEquals(400, response.statusCode(), c[0]);
      assertEquals("{\"status\":400,\"error\":\"" + c[1] + "\"}", response.body(), c[0]);
      assertEquals("*", server.http.header(response, "Access-Control-Allow-Origin"), c[0]);
    }
  }

  @Test
  void aQueryTheSearcherRefusesIs400Too() {
    // More words than the query language takes: the searcher's own refusal, mapped to 400.
    HttpResponse<String> response =
        get("/api/search?q=" + encode(String.join(" ", java.util.Collections.nCopies(40, "語"))));
    assertEquals(400, response.statusCode());
    assertTrue(response.body().startsWith("{\"status\":400,\"error\":\""), response.body());
  }

  @Test
  void unknownRoutesAre404JsonUnderApiAndAnHtmlPageElsewhere() {
    HttpResponse<String> api = get("/api/nothing");
    assertEquals(404, api.statusCode());
    assertEquals("{\"status\":404,\"error\":\"There is no /api/nothing here.\"}", api.body());
    HttpResponse<String> page = get("/nothing");
    assertEquals(404, page.statusCode());
    assertEquals("text/html;charset=utf-8", server.http.header(page, "Content-Type"));
    assertTrue(page.body().contains("<h1>ページが見つかりません</h1>"), page.body());
  }

  @Test
  void malformedAddressesAreRefusedWithoutAStackTrace() {
    HttpProbe.RawResponse encoding = server.http.raw("/api/search?q=%ZZ");
    assertEquals(400, encoding.status());
    assertEquals(
        "{\"status\":400,\"error\":\"The query string is not valid percent-encoded UTF-8;"
            + " encode each parameter as UTF-8.\"}",
        encoding.body());
    HttpProbe.RawResponse path = server.http.raw("/api/documents/%ZZ");
    assertEquals(400, path.status());
    assertEquals(
        "{\"status\":400,\"error\":\"The request could not be read: its address is malformed.\"}",
        path.body());
    HttpProbe.RawResponse huge = server.http.raw("/api/search?q=" + "%E3%81%82".repeat(9000));
    assertEquals(414, huge.status());
    assertEquals(
        "{\"status\":414,\"error\":\"The address is too long; shorten the query.\"}", huge.body());
  }

  @Test
  void corsIsOpenForGetSoOtherAppsCanCallTheApi() {
    HttpResponse<String> search =
        server.http.get("/api/search?q=NHK", "Origin", "https://example.org");
    assertEquals("*", server.http.header(search, "Access-Control-Allow-Origin"));
    HttpResponse<String> preflight =
        server.http.send(
            "OPTIONS",
            "/api/search?q=NHK",
            "Origin",
            "https://example.org",
            "Access-Control-Request-Method",
            "GET");
    assertEquals(204, preflight.statusCode());
    assertEquals("*", server.http.header(preflight, "Access-Control-Allow-Origin"));
    assertEquals("GET, OPTIONS", server.http.header(preflight, "Access-Control-Allow-Methods"));
    assertEquals(
        "*", server.http.header(get("/api/documents/nope"), "Access-Control-Allow-Origin"));
    // Pages are not an API: no CORS header there.
    assertEquals(null, server.http.header(get("/"), "Access-Control-Allow-Origin"));
  }

  @Test
  void servesTheOpenApiDocument() throws IOException {
    HttpResponse<String> response = get("/api/openapi.json");
    assertEquals(200, response.statusCode());
    JsonNode document = json(response);
    assertEquals("3.1.0", document.get("openapi").asText());
    assertEquals(new OpenApiDocument().root(), document);
  }

  @Test
  void oddQueriesAreAnsweredNever500() throws IOException {
    List<String> odd =
        new ArrayList<>(
            List.of(
                "\"",
                "\"\"\"",
                "-",
                "- - -",
                "OR",
                "OR OR",
                "a OR",
                "OR a",
                "((((",
                "))",
                "*",
                "?",
                "\\",
                "\u0000",
                "\t",
                "　",
                "😀",
                "<script>alert(1)</script>",
                "&amp;",
                "%",
                "-マイナンバー",
                "\"マイナンバー",
                "マイナンバー\"",
                "読売 OR -",
                "ﾏｲﾅﾝﾊﾞｰ",
                "ｱ",
                "ー",
                "ーーー",
                "\uD800",
                "a".repeat(1000),
                "あ ".repeat(200)));
    java.util.Random random = new java.util.Random(20151013);
    String pool = "\"-() OR　*?\\マイナンバー取手市ーａｂ1２\u0000😀";
    for (int i = 0; i < 60; i++) {
      StringBuilder query = new StringBuilder();
      int length = 1 + random.nextInt(24);
      for (int j = 0; j < length; j++) {
        query.appendCodePoint(
            pool.codePointAt(
                pool.offsetByCodePoints(0, random.nextInt(pool.codePointCount(0, pool.length())))));
      }
      odd.add(query.toString());
    }
    OpenApiDocument openApi = new OpenApiDocument();
    for (String query : odd) {
      HttpResponse<String> response = get("/api/search?q=" + encode(query));
      int status = response.statusCode();
      assertTrue(status == 200 || status == 400, status + " for " + query + ": " + response.body());
      assertEquals(List.of(), openApi.problems("/api/search", status, response.body()), query);
      HttpResponse<String> page = get("/?q=" + encode(query));
      assertTrue(page.statusCode() == 200 || page.statusCode() == 400, query);
      assertFalse(page.body().contains("<script>alert"), query);
    }
  }
}
