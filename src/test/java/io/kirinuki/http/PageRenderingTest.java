package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.search.DocumentView;
import io.kirinuki.search.FacetValue;
import io.kirinuki.search.Hit;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchResult;
import io.kirinuki.search.UnknownDocumentException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The templates rendering page models built by hand: escaping, structure, links. */
class PageRenderingTest {
  private static final Templates TEMPLATES = new Templates();

  private static final String EVIL = "<script>alert(\"x\")</script>";

  private static SearchResult result(String query) {
    return new SearchResult(
        query,
        23,
        1,
        10,
        12,
        List.of(
            new Hit(
                "a1",
                "article",
                "マイナンバーは分離、自治体の92%…流出防止" + EVIL, // "My Number separated, 92% of municipalities"
                "読売新聞",
                LocalDate.of(2015, 10, 11),
                "全国の<mark>マイナンバー</mark>情報を &lt;b&gt;扱う",
                "p1",
                3.5f),
            new Hit("p1", "post", "マイナンバー", null, null, "", null, 1.25f)),
        Map.of(
            "type", List.of(new FacetValue("article", 20), new FacetValue("post", 3)),
            "outlet", List.of(new FacetValue("読売新聞", 3), new FacetValue(EVIL, 1)),
            "year", List.of(new FacetValue("2015", 23)),
            "month", List.of(new FacetValue("2015-10", 20), new FacetValue("2015-08", 3))));
  }

  private static String renderSearch(String query) {
    SearchRequest request = SearchRequest.of(query);
    SearchPage.Form form = SearchPage.Form.of(Map.of("q", List.of(query)));
    return TEMPLATES.render(Templates.SEARCH, SearchPage.of(form, request, result(query)));
  }

  @Test
  void escapesCorpusTextAndTheQueryButPrintsSnippetsAsTheSearcherMadeThem() {
    String html = renderSearch("マイナンバー " + EVIL);
    assertFalse(html.contains(EVIL), "raw <script> from the corpus or the query");
    assertTrue(html.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;"), html);
    assertTrue(html.contains("全国の<mark>マイナンバー</mark>情報を &lt;b&gt;扱う"));
    // the query echoed in the search box is attribute-escaped, so it cannot close the attribute
    assertTrue(html.contains("value=\"マイナンバー &lt;script>alert(&#34;x&#34;)&lt;/script>\""), html);
  }

  @Test
  void theOnlyScriptIsTheFileAndNoElementCarriesInlineScriptOrStyle() {
    String html = renderSearch("マイナンバー");
    List<String> scripts = all(Pattern.compile("<script[^>]*>"), html);
    assertEquals(List.of("<script src=\"/static/kirinuki.js\" defer>"), scripts);
    assertEquals(
        List.of(), all(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE), html));
    assertEquals(List.of(), all(Pattern.compile("\\sstyle\\s*="), html));
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"ja\">"));
  }

  @Test
  void everyFormControlHasALabel() {
    String html = renderSearch("マイナンバー");
    TreeSet<String> controls = new TreeSet<>();
    Matcher control =
        Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bid=\"([^\"]+)\"").matcher(html);
    while (control.find()) {
      controls.add(control.group(1));
    }
    TreeSet<String> labelled = new TreeSet<>();
    Matcher label = Pattern.compile("<label for=\"([^\"]+)\"").matcher(html);
    while (label.find()) {
      labelled.add(label.group(1));
    }
    assertEquals(new TreeSet<>(List.of("from", "outlet", "q", "sort", "to", "type")), controls);
    assertEquals(controls, labelled);
    assertEquals(
        List.of(),
        all(
            Pattern.compile("<(?:input|select)(?![^>]*\\bid=)(?![^>]*type=\"hidden\")[^>]*>"),
            html));
  }

  @Test
  void facetValuesAreLinksThatFilterOnThem() {
    String html = renderSearch("NHK");
    assertTrue(
        html.contains(
            "<a href=\"/?q=NHK&amp;outlet=%E8%AA%AD%E5%A3%B2%E6%96%B0%E8%81%9E\""
                + " class=\"facet-link\"><span class=\"facet-label\">読売新聞</span><span"
                + " class=\"count\">3</span></a>"),
        html);
    assertTrue(html.contains("<a href=\"/?q=NHK&amp;type=post\" class=\"facet-link\">"));
    assertTrue(
        html.contains(
            "<a href=\"/?q=NHK&amp;from=2015-01-01&amp;to=2015-12-31\" class=\"facet-link\">"));
  }

  @Test
  void showsTheTotalTheRangeAndTheTimeTaken() {
    String html = renderSearch("NHK");
    assertTrue(html.contains("<strong>23</strong>件"), html);
    assertTrue(html.contains("（1〜2件目を表示）"));
    assertTrue(html.contains("検索時間 0.012秒"));
  }

  @Test
  void drawsTheTimelineAsInlineSvgWithALinkPerMonthThatHasHits() {
    String html = renderSearch("NHK");
    assertEquals(
        List.of(
            "<a href=\"/?q=NHK&amp;from=2015-08-01&amp;to=2015-08-31\" class=\"tl-link\""
                + " aria-label=\"2015年8月：3件\">",
            "<a href=\"/?q=NHK&amp;from=2015-10-01&amp;to=2015-10-31\" class=\"tl-link\""
                + " aria-label=\"2015年10月：20件\">"),
        all(Pattern.compile("<a href=\"[^\"]*\" class=\"tl-link[^>]*>"), html));
  }

  @Test
  void pagesThroughAllHitsWithPreviousAndNext() {
    SearchRequest request =
        new SearchRequest("NHK", null, null, null, null, SearchRequest.Sort.RELEVANCE, 2, 10);
    String html =
        TEMPLATES.render(
            Templates.SEARCH, SearchPage.of(SearchPage.Form.EMPTY, request, result("NHK")));
    assertTrue(html.contains("<a class=\"page-step\" rel=\"prev\" href=\"/?q=NHK\">"), html);
    assertTrue(html.contains("<a class=\"page-step\" rel=\"next\" href=\"/?q=NHK&amp;page=3\">"));
    assertTrue(
        html.contains(
            "<a href=\"/?q=NHK&amp;page=2\" aria-current=\"page\" class=\"current\">2</a>"));
  }

  @Test
  void aRefusedSearchKeepsTheFormAsTypedAndSaysWhy() {
    SearchPage.Form form =
        SearchPage.Form.of(Map.of("q", List.of("取手市"), "from", List.of("2015-02-30")));
    String html = TEMPLATES.render(Templates.SEARCH, SearchPage.failed(form, "期間の開始日は…"));
    assertTrue(html.contains("<div class=\"notice\" role=\"alert\">"));
    assertTrue(html.contains("期間の開始日は…"));
    assertTrue(html.contains("value=\"取手市\""));
    assertTrue(html.contains("value=\"2015-02-30\""));
    assertFalse(html.contains("class=\"hits\""));
  }

  @Test
  void anArticlePageLinksToTheFirstQuotingPostAndTheOthers() {
    DocumentView article =
        new DocumentView(
            "a1",
            "article",
            "住民票にマイナンバー誤記載し発行 取手市",
            "NHK", // My Number printed on residence certificates
            LocalDate.of(2015, 10, 13),
            null,
            "茨城県取手市が、" + EVIL + "\n\n 取手市によりますと、\n読売★《引用》",
            "p1",
            List.of(),
            List.of("p1", "p2", "gone"));
    Map<String, DocumentView> posts =
        Map.of(
            "p1", post("p1", "マイナンバー汚職", LocalDate.of(2015, 10, 15)),
            "p2", post("p2", "セキュリティ", LocalDate.of(2015, 8, 20)));
    DocumentPage page =
        DocumentPage.of(
            article,
            id -> {
              if (!posts.containsKey(id)) {
                throw new UnknownDocumentException(id);
              }
              return posts.get(id);
            });
    String html = TEMPLATES.render(Templates.DOCUMENT, page);
    assertTrue(
        html.contains("<a class=\"quoting-post\" href=\"/documents/p1\">マイナンバー汚職</a>"), html);
    assertTrue(html.contains("<li><a href=\"/documents/p2\">セキュリティ</a>"));
    assertTrue(html.contains("<li><a href=\"/documents/gone\">投稿 gone</a>"));
    assertEquals(
        List.of(
            "<p>茨城県取手市が、&lt;script&gt;alert(\"x\")&lt;/script&gt;</p>",
            "<p>取手市によりますと、</p>",
            "<p class=\"quote\">読売★《引用》</p>"),
        all(
                Pattern.compile("<p(?: class=\"quote\")?>[^<]*(?:&lt;[^<]*)*</p>"),
                html.substring(html.indexOf("document-body")))
            .subList(0, 3));
  }

  @Test
  void aPostPageListsItsArticlesInPageOrder() {
    DocumentView post =
        new DocumentView(
            "p1",
            "post",
            "マイナンバー",
            null,
            LocalDate.of(2015, 10, 15),
            null,
            "数日前、東京新聞が",
            null,
            List.of(
                new DocumentView.ArticleRef(
                    "a2", "マイナンバーご注意!!", "東京新聞", LocalDate.of(2015, 10, 11)),
                new DocumentView.ArticleRef("a1", "住民票にマイナンバー誤記載し発行", "NHK", null)),
            List.of());
    String html = TEMPLATES.render(Templates.DOCUMENT, DocumentPage.of(post, id -> null));
    assertEquals(
        List.of(
            "<a href=\"/documents/a2\">マイナンバーご注意!!</a>",
            "<a href=\"/documents/a1\">住民票にマイナンバー誤記載し発行</a>"),
        all(Pattern.compile("<a href=\"/documents/a\\d\">[^<]*</a>"), html));
    assertTrue(html.contains("この投稿が引用している記事（2件）"));
    assertFalse(html.contains("quoting-post"));
  }

  @Test
  void theErrorPageSaysWhatHappenedInJapanese() {
    String html =
        TEMPLATES.render(Templates.ERROR, new ErrorPage(404, "ページが見つかりません", "お探しのページは見つかりませんでした。"));
    assertTrue(html.contains("<h1>ページが見つかりません</h1>"));
    assertTrue(html.contains("<p class=\"error-status\">404</p>"));
  }

  private static DocumentView post(String id, String title, LocalDate date) {
    return new DocumentView(id, "post", title, null, date, null, "", null, List.of(), List.of());
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
