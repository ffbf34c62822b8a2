package io.kirinuki.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile queries against a running {@code kirinuki serve} (issue 7): a seeded fuzz of 2,000
 * requests to the API and the page (Lucene syntax, unbalanced quotes, lone wildcards, control
 * characters, RTL marks, BOMs, emoji and surrogate pairs, half-width katakana, 100 KB strings,
 * numbers out of range, broken percent-encodings): no answer is a 5xx, every answer comes within
 * {@link ReliabilityServer#ANSWER_BOUND}, and the server is healthy afterwards. Expensive query
 * shapes are refused or bounded.
 */
class QueryFuzzIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Requests of the fuzz run, at least 2,000 as the issue asks. */
  static final int REQUESTS = 2_000;

  /** Clients sending them at once. */
  static final int CLIENTS = 4;

  private static final long SEED = 20_251_125L;

  @TempDir static Path work;

  private static ReliabilityServer server;

  @BeforeAll
  static void startServer() throws Exception {
    // An empty folder: serve indexes the bundled sample posts first.
    server = ReliabilityServer.start(work.resolve("index"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.stop();
      // Nothing was logged as a failure: the error mapping never had to hide a crash as a 4xx.
      assertFalse(
          server.process().err().stream().anyMatch(line -> line.contains(" ERROR ")),
          String.join("\n", server.process().err()));
    }
  }

  /** Pieces a hostile query is made of. */
  private static final List<String> PIECES =
      List.of(
          // Lucene and regex syntax, which kirinuki reads as plain text
          "+",
          "-",
          "&&",
          "||",
          "!",
          "(",
          ")",
          "{",
          "}",
          "[",
          "]",
          "^",
          "~",
          "*",
          "?",
          ":",
          "\\",
          "/",
          "title:マイナンバー",
          "body:*",
          "マイナ*",
          "*ンバー",
          "?",
          "**",
          "マイナンバー~2",
          "取手^10",
          "[a TO z]",
          "{* TO *}",
          "/.*/",
          "/[a-z]+/",
          "AND",
          "NOT",
          "OR",
          "ＯＲ",
          // quotes, balanced or not, ASCII, full-width and curly
          "\"",
          "\"マイナンバー",
          "\"\"",
          "“取手市",
          "＂住民票",
          "\"a\"\"b\"",
          // control characters, RTL and direction marks, BOM, zero-width characters
          "\u0000",
          "\u0001",
          "\t",
          "\n",
          "\r\n",
          "\u001b[31m",
          "\u007f",
          "\u0085",
          "\u200f",
          "\u200e",
          "\u202e",
          "\u2066",
          "\u2069",
          "\ufeff",
          "\u200b",
          "\u200d",
          "\ufffd",
          // emoji, surrogate pairs, a lone surrogate, combining marks
          "😀",
          "👨‍👩‍👧",
          "🇯🇵",
          "𠮷野家",
          "\ud800",
          "\udfff",
          "e\u0301",
          "か\u3099",
          // half-width and full-width forms: My Number, guide, NEC, a, an ideographic space
          "ﾏｲﾅﾝﾊﾞｰ",
          "ｶﾞｲﾄﾞ",
          "ＮＥＣ",
          "ｱ",
          "　",
          // words of the sample posts: My Number, Toride City, residence certificate, health
          // ministry (abbreviated), Yomiuri, the particle no, Tokyo
          "マイナンバー",
          "取手市",
          "住民票",
          "厚労省",
          "読売",
          "の",
          "東京",
          // markup and escapes
          "<script>alert(1)</script>",
          "\"onmouseover=alert(1)",
          "javascript:alert(1)",
          "%00",
          "%2e%2e%2f",
          "&amp;",
          "&#0;",
          "'; DROP TABLE posts; --",
          // numbers
          "0",
          "-1",
          "2147483648",
          "99999999999999999999",
          "1e309",
          "NaN",
          "-0");

  /** Values for the other parameters: valid, invalid and out of range. */
  private static final Map<String, List<String>> PARAMETERS =
      Map.of(
          "type", List.of("post", "article", "POST", "all", "", "\u0000", "記事"), // 記事 = article
          "outlet", List.of("読売", "読売新聞", "NHK", "ＮＨＫ", "unknown", "*", "x".repeat(200), ""),
          "from",
              List.of(
                  "2015-10-01",
                  "2015-13-01",
                  "2015-02-30",
                  "0000-01-01",
                  "-999999999-01-01",
                  "99999-01-01",
                  "2015/10/01",
                  "yesterday",
                  ""),
          "to",
              List.of("2015-12-31", "1970-01-01", "+10000-01-01", "2015-10-1", "", "2015-10-01T00"),
          "sort", List.of("relevance", "newest", "oldest", "NEWEST", "random", "", "score desc"),
          "page",
              List.of(
                  "1",
                  "2",
                  "0",
                  "-1",
                  "1000",
                  "1001",
                  "2147483647",
                  "2147483648",
                  "99999999999999999999",
                  "1.5",
                  "abc",
                  "",
                  "٣",
                  "１"),
          "size",
              List.of("1", "10", "100", "0", "101", "-5", "2147483647", "1e2", "", "0x10", " 10"));

  private static String randomQuery(Random random) {
    int roll = random.nextInt(100);
    if (roll < 2) {
      // 100 KB, as the issue asks: far beyond the query limit and the header limit.
      return PIECES.get(random.nextInt(PIECES.size())).repeat(100_000);
    }
    if (roll < 5) {
      // A huge OR list.
      List<String> words = new ArrayList<>();
      for (int i = 0, n = 20 + random.nextInt(200); i < n; i++) {
        words.add("語" + i); // 語 = word
      }
      return String.join(" OR ", words);
    }
    StringBuilder query = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
      if (random.nextBoolean()) {
        query.append(' ');
      }
      query.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return query.toString();
  }

  /** One request of the fuzz run: a path with its query already encoded, or sent raw. */
  private record Probe(String target, boolean raw) {}

  private static List<Probe> probes() {
    Random random = new Random(SEED);
    List<Probe> probes = new ArrayList<>();
    List<String> names = new ArrayList<>(new TreeMap<>(PARAMETERS).keySet());
    for (int i = 0; i < REQUESTS; i++) {
      String path = random.nextInt(10) < 7 ? "/api/search" : "/";
      StringBuilder query = new StringBuilder();
      if (random.nextInt(10) > 0) {
        query.append("q=").append(URLEncoder.encode(randomQuery(random), StandardCharsets.UTF_8));
      }
      for (String name : names) {
        if (random.nextInt(4) == 0) {
          List<String> values = PARAMETERS.get(name);
          query.append(query.isEmpty() ? "" : "&").append(name).append('=');
          query.append(
              URLEncoder.encode(values.get(random.nextInt(values.size())), StandardCharsets.UTF_8));
        }
      }
      boolean raw = random.nextInt(10) == 0;
      if (raw) {
        // Broken or odd escapes, sent byte for byte: a lone %, bad hex, overlong and surrogate
        // UTF-8, a repeated parameter, a bare name.
        List<String> odd =
            List.of(
                "%", "%G1", "%ff", "%C0%AF", "%ED%A0%80", "q=a&q=b", "q", "==", "&&&", "%25%32%65");
        query.append(query.isEmpty() ? "" : "&").append(odd.get(random.nextInt(odd.size())));
      }
      probes.add(new Probe(path + (query.isEmpty() ? "" : "?" + query), raw));
    }
    return probes;
  }

  /** What one probe got: its status, and the answer when it was a well-formed API call. */
  private record Outcome(Probe probe, int status, String body) {}

  private static Outcome send(Probe probe) throws Exception {
    if (probe.raw() || probe.target().length() > 8_000) {
      ReliabilityServer.RawAnswer answer = server.raw(probe.target());
      return new Outcome(probe, answer.status(), answer.body());
    }
    HttpResponse<String> answer = server.get(probe.target());
    return new Outcome(probe, answer.statusCode(), answer.body());
  }

  @Test
  void twoThousandHostileRequestsGetNo5xxEachWithinTheBoundAndTheServerStaysHealthy()
      throws Exception {
    long documents = server.documents();
    List<Probe> probes = probes();
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        sent.add(
            clients.submit(
                () -> {
                  for (int i = client; i < probes.size(); i += CLIENTS) {
                    // A timeout (ANSWER_BOUND) throws here and fails the test.
                    outcomes.add(send(probes.get(i)));
                  }
                  return null;
                }));
      }
      for (Future<?> client : sent) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }

    assertEquals(REQUESTS, outcomes.size());
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (Outcome outcome : outcomes) {
      statuses.merge(outcome.status(), 1, Integer::sum);
      assertTrue(
          outcome.status() < 500,
          outcome.status()
              + " for "
              + outcome
                  .probe()
                  .target()
                  .substring(0, Math.min(300, outcome.probe().target().length()))
              + "\n"
              + outcome.body());
      if (outcome.probe().target().startsWith("/api/") && outcome.status() == 200) {
        JsonNode body = JSON.readTree(outcome.body());
        assertTrue(body.get("total").asLong() >= 0, outcome.body());
      } else if (outcome.probe().target().startsWith("/api/") && outcome.status() == 400) {
        JsonNode body = JSON.readTree(outcome.body());
        assertEquals(400, body.get("status").asInt());
        assertFalse(body.get("error").asText().isBlank(), outcome.body());
      }
    }
    // Both kinds of answer occurred: the fuzz reached the searcher and the refusals.
    assertTrue(statuses.getOrDefault(200, 0) > REQUESTS / 10, statuses.toString());
    assertTrue(statuses.getOrDefault(400, 0) > REQUESTS / 10, statuses.toString());
    System.out.println("QueryFuzzIT statuses: " + statuses);

    HttpResponse<String> health = server.get("/api/health");
    assertEquals(200, health.statusCode());
    assertEquals("ok", JSON.readTree(health.body()).get("status").asText());
    assertEquals(documents, JSON.readTree(health.body()).get("documents").asLong());
  }

  private static int status(String path, Map<String, String> parameters) throws Exception {
    HttpResponse<String> answer = server.get(ReliabilityServer.withQuery(path, parameters));
    return answer.statusCode();
  }

  private static long total(String query) throws Exception {
    HttpResponse<String> answer =
        server.get(ReliabilityServer.withQuery("/api/search", "q", query));
    assertEquals(200, answer.statusCode(), answer.body());
    return JSON.readTree(answer.body()).get("total").asLong();
  }

  @Test
  void wildcardsAndRegexesAreSearchedAsPlainTextNotExpanded() throws Exception {
    // Nothing in the samples holds these strings literally, so nothing matches; an expanded
    // wildcard or regex would match many documents.
    assertEquals(0, total("*ンバー"));
    assertEquals(0, total("マイナ*"));
    assertEquals(0, total("/.*/"));
    assertEquals(0, total("マ?ナンバー"));
    assertTrue(total("マイナンバー") > 0);
    // A lone * or ? is the character itself, not "everything" (the empty query lists everything).
    long everything = total("");
    assertTrue(total("*") < everything);
    assertTrue(total("?") < everything);
  }

  @Test
  void hugeOrListsLongQueriesAndDeepPagesAreRefusedWithA400() throws Exception {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      words.add("語" + i); // 語 = word
    }
    assertEquals(400, status("/api/search", Map.of("q", String.join(" OR ", words))));
    assertEquals(
        200, status("/api/search", Map.of("q", String.join(" OR ", words.subList(0, 32)))));
    assertEquals(400, status("/api/search", Map.of("q", "あ".repeat(1_001))));
    assertEquals(200, status("/api/search", Map.of("q", "あ".repeat(1_000))));
    assertEquals(400, status("/api/search", Map.of("q", "取手", "page", "1001", "size", "10")));
    assertEquals(200, status("/api/search", Map.of("q", "取手", "page", "100", "size", "100")));
    assertEquals(400, status("/api/search", Map.of("page", "2147483647", "size", "100")));
    assertEquals(400, status("/", Map.of("q", "取手", "page", "1001", "size", "10")));
  }
}
