package io.kirinuki.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web security of {@code kirinuki serve} (issue 7): stored and reflected XSS attempts render as
 * text in pages and snippets; path traversal on every route never reads a file outside the bundled
 * resources; pages carry the security headers; oversized requests are refused with a 4xx and leave
 * the server healthy.
 */
class WebSecurityIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Markup a hostile page or query carries: a script, an attribute break-out, a script link. */
  private static final String SCRIPT = "<script>alert('xss')</script>";

  private static final String ATTRIBUTE = "\"onmouseover=\"alert(1)";

  /** リンク = link; the second javascript: is bare text, the kind a renderer might link. */
  private static final String LINK = "<a href=\"javascript:alert(2)\">リンク</a> javascript:alert(2)";

  private static final String IMAGE = "<img src=x onerror=alert(3)>";

  /** What a secret file next to the index holds; no answer may ever contain it. */
  private static final String SECRET = "kirinuki-secret-4f1c0e";

  @TempDir static Path work;

  private static ReliabilityServer server;
  private static String hostilePostId;

  @BeforeAll
  static void indexAHostilePostAndServe() throws Exception {
    Path pages = Files.createDirectories(work.resolve("pages"));
    // The hostile markup goes into the commentary ("less than half a year until it takes effect")
    // and into an article body ("local governments' security measures").
    String post =
        ReliabilityCorpus.variant(
                ReliabilityCorpus.sample(ReliabilityCorpus.SAMPLES.get(1)),
                ReliabilityCorpus.marker(1))
            .replace("施行まで半年もない。", "施行まで半年もない。" + SCRIPT + ATTRIBUTE + LINK + IMAGE)
            .replace("地方自治体のセキュリティ対策", "地方自治体の" + SCRIPT + LINK + "セキュリティ対策");
    Files.writeString(pages.resolve("hostile.txt"), post);
    Files.writeString(work.resolve("secret.txt"), SECRET);
    ReliabilityProcess.Result indexed =
        ReliabilityProcess.run(
            "index", "--index", work.resolve("index").toString(), pages.toString());
    assertEquals(0, indexed.exitCode(), indexed.describe());
    server = ReliabilityServer.start(work.resolve("index"));
    JsonNode found =
        JSON.readTree(
            server
                .get(
                    ReliabilityServer.withQuery(
                        "/api/search", Map.of("q", ReliabilityCorpus.marker(1), "type", "post")))
                .body());
    assertEquals(1, found.get("total").asInt());
    hostilePostId = found.get("hits").get(0).get("id").asText();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  /** A start tag of the page: its name and attributes, values unescaped only as far as needed. */
  private record Tag(String name, Map<String, String> attributes) {}

  /**
   * The start tags of an HTML page, read the way a browser's tokenizer does (quoted attribute
   * values may hold {@code >}, text may hold {@code "}), so that only real markup is checked.
   */
  private static List<Tag> tags(String html) {
    List<Tag> tags = new java.util.ArrayList<>();
    int i = 0;
    int n = html.length();
    while ((i = html.indexOf('<', i)) >= 0) {
      i++;
      if (i >= n || !Character.isLetter(html.charAt(i))) {
        continue;
      }
      int start = i;
      while (i < n
          && !Character.isWhitespace(html.charAt(i))
          && html.charAt(i) != '>'
          && html.charAt(i) != '/') {
        i++;
      }
      String name = html.substring(start, i).toLowerCase(Locale.ROOT);
      Map<String, String> attributes = new java.util.LinkedHashMap<>();
      while (i < n && html.charAt(i) != '>') {
        char c = html.charAt(i);
        if (Character.isWhitespace(c) || c == '/') {
          i++;
          continue;
        }
        int nameStart = i;
        while (i < n && "=> \t\n/".indexOf(html.charAt(i)) < 0) {
          i++;
        }
        String attribute = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
        String value = "";
        if (i < n && html.charAt(i) == '=') {
          i++;
          char quote = i < n ? html.charAt(i) : ' ';
          if (quote == '"' || quote == '\'') {
            int end = html.indexOf(quote, i + 1);
            value = html.substring(i + 1, end);
            i = end + 1;
          } else {
            int valueStart = i;
            while (i < n && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
              i++;
            }
            value = html.substring(valueStart, i);
          }
        }
        attributes.put(attribute, value);
      }
      tags.add(new Tag(name, attributes));
      if (name.equals("script")) {
        i = html.indexOf("</script", i); // a script's content is not markup
      }
    }
    return tags;
  }

  /**
   * The page's markup holds nothing that came alive from attack text: no element the templates do
   * not write, no event handler attribute, no javascript: URL, no inline script.
   */
  private static void assertInert(String html) {
    for (Tag tag : tags(html)) {
      assertFalse(
          tag.name().equals("img") && "x".equals(tag.attributes().get("src")), "injected " + tag);
      for (Map.Entry<String, String> attribute : tag.attributes().entrySet()) {
        assertFalse(attribute.getKey().startsWith("on"), "event handler in " + tag);
        String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
        if (List.of("href", "src", "action", "formaction").contains(attribute.getKey())) {
          assertFalse(value.startsWith("javascript:"), "javascript: URL in " + tag);
        }
      }
      // Every script is a file of this server: no inline script at all.
      assertFalse(
          tag.name().equals("script") && !tag.attributes().containsKey("src"), "inline " + tag);
    }
  }

  @Test
  void storedMarkupInAPostRendersAsTextInTheResultsPageAndTheDocumentPage() throws Exception {
    HttpResponse<String> results =
        server.get(ReliabilityServer.withQuery("/", "q", ReliabilityCorpus.marker(1)));
    assertEquals(200, results.statusCode());
    assertInert(results.body());

    HttpResponse<String> document = server.get("/documents/" + hostilePostId);
    assertEquals(200, document.statusCode());
    assertInert(document.body());
    // The text is all there, as text.
    assertTrue(document.body().contains("&lt;script&gt;alert("), document.body());
    assertTrue(document.body().contains("javascript:alert(2)"));
  }

  @Test
  void snippetsEscapeTheStoredMarkupAndAddOnlyMarkTags() throws Exception {
    HttpResponse<String> answer =
        server.get(ReliabilityServer.withQuery("/api/search", "q", "alert"));
    assertEquals(200, answer.statusCode());
    JsonNode hits = JSON.readTree(answer.body()).get("hits");
    assertTrue(hits.size() >= 2, answer.body());
    for (JsonNode hit : hits) {
      String snippet = hit.get("snippet").asText();
      assertTrue(snippet.contains("<mark>alert</mark>"), snippet);
      String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
      assertFalse(withoutMarks.contains("<"), snippet);
      assertFalse(withoutMarks.contains(">"), snippet);
    }
  }

  @Test
  void aQueryWithMarkupIsEchoedAsTextInTheResultsAndErrorPages() throws Exception {
    for (String attack : List.of(SCRIPT, ATTRIBUTE, LINK, IMAGE, "\"><svg onload=alert(4)>")) {
      HttpResponse<String> page = server.get(ReliabilityServer.withQuery("/", "q", attack));
      assertEquals(200, page.statusCode());
      assertInert(page.body());
      // Refused (a date that does not exist) and echoed on the error form.
      HttpResponse<String> refused =
          server.get(ReliabilityServer.withQuery("/", Map.of("q", attack, "from", "2015-02-30")));
      assertEquals(400, refused.statusCode());
      assertInert(refused.body());
      HttpResponse<String> tooLong =
          server.get(ReliabilityServer.withQuery("/", "q", attack.repeat(200)));
      assertEquals(400, tooLong.statusCode());
      assertInert(tooLong.body());
      HttpResponse<String> unknown =
          server.get(
              "/documents/"
                  + java.net.URLEncoder.encode(attack, StandardCharsets.UTF_8).replace("+", "%20"));
      assertTrue(unknown.statusCode() == 404 || unknown.statusCode() == 400, unknown.body());
      assertInert(unknown.body());
    }
  }

  @Test
  void theApiAnswersJsonThatBrowsersMayNotSniffAsHtml() throws Exception {
    HttpResponse<String> refused =
        server.get(ReliabilityServer.withQuery("/api/search", "type", SCRIPT));
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("nosniff", refused.headers().firstValue("X-Content-Type-Options").orElse(""));
  }

  @Test
  void pagesCarryAContentSecurityPolicyWithoutInlineScriptNosniffAndNoFraming() throws Exception {
    for (String path :
        List.of(
            "/",
            ReliabilityServer.withQuery("/", "q", "マイナンバー"),
            "/documents/" + hostilePostId,
            "/documents/p-0000000000000000",
            "/no/such/page")) {
      HttpResponse<String> page = server.get(path);
      assertTrue(page.statusCode() < 500, path);
      String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
      Map<String, String> directives = new java.util.HashMap<>();
      for (String directive : policy.split(";")) {
        String[] parts = directive.strip().split("\\s+", 2);
        directives.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
      String scripts = directives.getOrDefault("script-src", directives.get("default-src"));
      assertTrue(scripts != null, path + ": " + policy);
      assertFalse(scripts.contains("'unsafe-inline'"), path + ": " + policy);
      assertFalse(scripts.contains("'unsafe-eval'"), path + ": " + policy);
      assertFalse(scripts.contains("*"), path + ": " + policy);
      assertTrue(
          List.of("'none'", "'self'").contains(directives.get("frame-ancestors")),
          path + ": " + policy);
      assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertInert(page.body());
    }
  }

  /** Traversal attempts on every route: dot segments, encoded dots and slashes, backslashes. */
  private static final List<String> TRAVERSALS =
      List.of(
          "/static/../../../../../../etc/passwd",
          "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
          "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
          "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
          "/static/..%5c..%5c..%5c..%5cetc%5cpasswd",
          "/static/..\\..\\..\\..\\etc\\passwd",
          "/static/%252e%252e/%252e%252e/etc/passwd",
          "/static/....//....//....//etc/passwd",
          "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
          "/static//etc/passwd",
          "/static/%2fetc%2fpasswd",
          "/static/file:%2f%2f%2fetc%2fpasswd",
          "/static/..;/..;/..;/etc/passwd",
          "/static/%2e%2e/WebServer.class",
          "/static/..%2fWebServer.class",
          "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
          "/static/..%2f..%2f..%2f..%2fMETA-INF%2fMANIFEST.MF",
          "/static/%2e%2e/%2e%2e/samples.list",
          "/documents/..%2f..%2f..%2f..%2fetc%2fpasswd",
          "/documents/%2e%2e%2f%2e%2e%2fsecret.txt",
          "/documents/../../../../etc/passwd",
          "/api/documents/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
          "/api/documents/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt",
          "/api/documents/../../../../etc/passwd",
          "/api/openapi.json/../../../../etc/passwd",
          "/api/openapi.json%2f..%2f..%2fsecret.txt",
          "/api/health/..%2f..%2f..%2fetc%2fpasswd",
          "/api/search/..%2f..%2fsecret.txt",
          "/..%2f..%2f..%2fetc%2fpasswd",
          "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
          "/../../../etc/passwd",
          "/?q=../../../../etc/passwd",
          "/api/search?q=..%2f..%2fsecret.txt",
          "/index/../secret.txt",
          "/secret.txt",
          "/static/../../../../../../" + "x".repeat(10) + "/../secret.txt");

  @Test
  void traversalOnEveryRouteNeverReadsAFileOutsideTheBundledResources() throws Exception {
    for (String target : TRAVERSALS) {
      ReliabilityServer.RawAnswer answer = server.raw(target);
      assertTrue(answer.status() < 500, target + " -> " + answer.status() + "\n" + answer.body());
      assertFalse(answer.body().contains("root:x:0:0"), target + " read /etc/passwd");
      assertFalse(answer.body().contains(SECRET), target + " read a file beside the index");
      assertFalse(answer.body().contains("Main-Class"), target + " read the jar's manifest");
      assertFalse(answer.body().contains("000_51f9795d2875bb88"), target + " read samples.list");
      assertFalse(
          answer.body().startsWith("\ufffd\ufffd\ufffd\ufffd")
              || answer.body().contains("java/lang/Object"),
          target + " read a class file");
      if (!target.startsWith("/?") && !target.startsWith("/api/search?")) {
        // Only the page and the search route have anything to show for such a request.
        assertTrue(
            answer.status() >= 400, target + " -> " + answer.status() + "\n" + answer.body());
      }
    }
    // The bundled static files themselves are served.
    ReliabilityServer.RawAnswer css = server.raw("/static/kirinuki.css");
    assertEquals(200, css.status());
  }

  @Test
  void oversizedRequestsAreRefusedWithA4xxAndTheServerStaysHealthy() throws Exception {
    ReliabilityServer.RawAnswer longUrl = server.raw("/api/search?q=" + "a".repeat(200_000));
    assertTrue(List.of(414, 431).contains(longUrl.status()), "URL of 200 KB: " + longUrl.status());

    ReliabilityServer.RawAnswer bigHeader =
        server.raw("/api/health", "X-Filler: " + "b".repeat(100_000));
    assertEquals(431, bigHeader.status(), "one header of 100 KB");

    String[] many = new String[5_000];
    for (int i = 0; i < many.length; i++) {
      many[i] = "X-Header-" + i + ": " + "c".repeat(20);
    }
    ReliabilityServer.RawAnswer manyHeaders = server.raw("/api/health", many);
    assertEquals(431, manyHeaders.status(), "5,000 headers");

    // A body where none belongs: announced as 10 MB, only its first bytes sent.
    String post =
        "POST /api/search?q=a HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 10000000\r\nConnection: close\r\n\r\n"
            + "d".repeat(10_000);
    ReliabilityServer.RawAnswer posted = server.rawRequest(post.getBytes(StandardCharsets.UTF_8));
    assertTrue(posted.status() >= 400 && posted.status() < 500, "POST: " + posted.status());

    HttpResponse<String> health = server.get("/api/health");
    assertEquals(200, health.statusCode());
    assertEquals("ok", JSON.readTree(health.body()).get("status").asText());
  }
}
