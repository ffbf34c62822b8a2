package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.Samples;
import io.kirinuki.analysis.Normalizer;
import io.kirinuki.corpus.Article;
import io.kirinuki.corpus.Post;
import io.kirinuki.corpus.PostParser;
import io.kirinuki.search.SearchRequest.DocType;
import io.kirinuki.search.SearchRequest.Sort;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search behaviour over a real index of the two sample posts (issue 4, "Must show"). */
class SearcherTest {
  @TempDir static Path dir;
  static Searcher searcher;

  // Headlines of the sample articles, as written after the ●.
  static final String NEC = "NEC、顔認証システム受注 全市区町村のマイナンバー交付に使用";
  static final String TORIDE_NHK = "住民票にマイナンバー誤記載し発行 取手市";
  static final String TORIDE_SUNDAY = "【速報】マイナンバー早くも流出!住民票発行機がバグって勝手に発行する!";
  static final String BRIBERY_YOMIURI = "マイナンバー システム設計発注巡り収賄の疑い 厚労省職員逮捕";
  static final String BRIBERY_IRORIO = "「なにやってんだ…」マイナンバーを巡る収賄容疑での“厚労省室長補佐”逮捕に怒りの声が殺到";
  static final String BRIBERY_SANKEI = "【マイナンバー汚職】「1兆円市場」群がるIT業者 大規模システム、大手有利で中小苦戦";

  @BeforeAll
  static void index() throws IOException {
    SampleIndex.build(dir);
    searcher = SampleIndex.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  static SearchResult search(String query) {
    return searcher.search(
        new SearchRequest(query, null, null, null, null, Sort.RELEVANCE, 1, 100));
  }

  static SearchResult articles(String query) {
    return searcher.search(
        new SearchRequest(query, DocType.ARTICLE, null, null, null, Sort.RELEVANCE, 1, 100));
  }

  static List<String> titles(SearchResult result) {
    return result.hits().stream().map(Hit::title).toList();
  }

  @Test
  void indexHoldsBothPostsAndAllTheirArticles() {
    // 2 posts, 10 + 8 articles.
    SearchResult all = search("");
    assertEquals(20, all.total());
    assertEquals(20, searcher.documentCount());
  }

  @Test
  void faceRecognitionFindsTheNecArticleFirst() {
    // 顔認証 = face recognition
    assertEquals(NEC, search("顔認証").hits().get(0).title());
  }

  @Test
  void torideAndResidentCertificateFindTheTwoTorideArticlesFirst() {
    // 取手市 住民票 = Toride City, resident certificate
    List<String> top2 = titles(search("取手市 住民票")).subList(0, 2);
    assertEquals(Set.of(TORIDE_NHK, TORIDE_SUNDAY), Set.copyOf(top2));
  }

  @Test
  void briberyFindsTheThreeBriberyArticlesInTheTopThree() {
    // 収賄 = taking bribes
    List<String> top3 = titles(articles("収賄")).subList(0, 3);
    assertEquals(Set.of(BRIBERY_YOMIURI, BRIBERY_IRORIO, BRIBERY_SANKEI), Set.copyOf(top3));
  }

  @Test
  void longVowelMarkIsIgnoredBothWays() {
    // セキュリティー / セキュリティ = security, with and without the trailing long vowel mark
    Set<String> withMark = Set.copyOf(titles(search("セキュリティー")));
    Set<String> withoutMark = Set.copyOf(titles(search("セキュリティ")));
    assertEquals(withMark, withoutMark);
    // The IT Pro article only writes セキュリティ; the Yomiuri 7/30 article only セキュリティー.
    assertTrue(withMark.contains("マイナンバー見据え専門人材組織化で自治体のサイバー攻撃対策支援、総務省"));
    assertTrue(withoutMark.contains("流出対策自治体まだまだ…マイナンバーの情報管理"));
  }

  @Test
  void hiraganaFullWidthAndFullWidthDigitsMatch() {
    // まいなんばー = マイナンバー in hiragana; ＮＥＣ and １兆円 in full-width letters and digits
    assertEquals(search("マイナンバー").total(), search("まいなんばー").total());
    assertEquals(search("NEC").total(), search("ＮＥＣ").total());
    assertTrue(search("ＮＥＣ").total() > 0);
    assertEquals(search("1兆円").total(), search("１兆円").total());
    assertTrue(search("１兆円").total() > 0);
  }

  @Test
  void excludingBriberyDropsTheBriberyArticles() {
    // マイナンバー -収賄 = My Number, without "bribery"
    List<String> titles = titles(search("マイナンバー -収賄"));
    assertFalse(titles.contains(BRIBERY_YOMIURI));
    assertFalse(titles.contains(BRIBERY_IRORIO));
    assertFalse(titles.contains(BRIBERY_SANKEI));
    assertEquals(
        search("マイナンバー").total() - search("マイナンバー 収賄").total(), search("マイナンバー -収賄").total());
  }

  @Test
  void outletAliasFindsExactlyTheThreeYomiuriArticles() {
    SearchResult result =
        searcher.search(new SearchRequest("", null, "読売", null, null, Sort.RELEVANCE, 1, 100));
    assertEquals(3, result.total());
    assertTrue(result.hits().stream().allMatch(h -> "読売新聞".equals(h.outlet())));
    SearchResult canonical =
        searcher.search(new SearchRequest("", null, "読売新聞", null, null, Sort.RELEVANCE, 1, 100));
    assertEquals(3, canonical.total());
  }

  @Test
  void oneDayRangeFindsExactlyTheFiveArticlesOfThatDay() {
    LocalDate day = LocalDate.of(2015, 10, 13);
    SearchResult result =
        searcher.search(new SearchRequest("", null, null, day, day, Sort.RELEVANCE, 1, 100));
    assertEquals(5, result.total());
    assertTrue(
        result.hits().stream().allMatch(h -> day.equals(h.date()) && h.type().equals("article")));
  }

  @Test
  void outletFacetCountsEveryMatchNotOnlyThePage() {
    SearchResult result =
        searcher.search(new SearchRequest("マイナンバー", null, null, null, null, Sort.RELEVANCE, 1, 1));
    assertEquals(1, result.hits().size());
    FacetValue yomiuri =
        result.facets().get("outlet").stream()
            .filter(f -> f.value().equals("読売新聞"))
            .findFirst()
            .orElseThrow();
    assertEquals(3, yomiuri.count());
    long typeTotal = result.facets().get("type").stream().mapToLong(FacetValue::count).sum();
    assertEquals(result.total(), typeTotal);
  }

  @Test
  void facetsNameOnlyValuesThatDocumentsHave() {
    // Posts have no outlet; a document without a date has no year or month.
    SearchResult all = search("");
    assertEquals(all.total(), all.facets().get("type").stream().mapToLong(FacetValue::count).sum());
    for (String facet : List.of("type", "outlet", "year", "month")) {
      assertFalse(all.facets().get(facet).isEmpty(), facet);
      assertTrue(
          all.facets().get(facet).stream().noneMatch(value -> value.value().isEmpty()),
          () -> facet + " " + all.facets().get(facet));
    }
    long posts =
        searcher
            .search(
                new SearchRequest(
                    "", SearchRequest.DocType.POST, null, null, null, Sort.RELEVANCE, 1, 1))
            .total();
    long withOutlet = all.facets().get("outlet").stream().mapToLong(FacetValue::count).sum();
    assertTrue(withOutlet <= all.total() - posts, withOutlet + " outlets");
  }

  @Test
  void undatedDocumentsComeLastInBothDateOrders() {
    for (Sort sort : List.of(Sort.NEWEST, Sort.OLDEST)) {
      List<Hit> hits =
          searcher.search(new SearchRequest("", null, null, null, null, sort, 1, 100)).hits();
      List<LocalDate> dates = hits.stream().map(Hit::date).toList();
      int dated = (int) dates.stream().filter(d -> d != null).count();
      assertTrue(dated > 0 && dated < dates.size(), () -> sort + " " + dates);
      assertTrue(dates.subList(dated, dates.size()).stream().allMatch(d -> d == null), sort::name);
      List<LocalDate> ordered = new ArrayList<>(dates.subList(0, dated));
      ordered.sort(sort == Sort.NEWEST ? java.util.Comparator.reverseOrder() : null);
      assertEquals(ordered, dates.subList(0, dated), sort::name);
    }
  }

  @Test
  void yearAndMonthFacetsCountTheMatchesDatedInThem() {
    SearchResult result = search("マイナンバー");
    List<FacetValue> years = result.facets().get("year");
    assertFalse(years.isEmpty());
    for (FacetValue year : years) {
      int y = Integer.parseInt(year.value());
      SearchRequest inYear =
          new SearchRequest(
              "マイナンバー",
              null,
              null,
              LocalDate.of(y, 1, 1),
              LocalDate.of(y, 12, 31),
              Sort.RELEVANCE,
              1,
              1);
      assertEquals(searcher.search(inYear).total(), year.count(), year.value());
      long months =
          result.facets().get("month").stream()
              .filter(m -> m.value().startsWith(year.value() + "-"))
              .mapToLong(FacetValue::count)
              .sum();
      assertEquals(year.count(), months, year.value());
    }
  }

  @Test
  void aWordThatNormalisesToNothingListsEveryPostAndArticleNewestFirst() {
    // ー alone is dropped by normalisation: the query lists everything, never a file record
    SearchResult nothing = search("ー");
    SearchResult all = search("");
    assertEquals(all.total(), nothing.total());
    assertEquals(titles(all), titles(nothing));
    assertEquals(
        Set.of("post", "article"),
        Set.copyOf(nothing.facets().get("type").stream().map(FacetValue::value).toList()));
  }

  @Test
  void rankingPromotionIsNotIndexed() {
    // 人気ブログランキング = the blog-ranking promotion block, page furniture
    assertEquals(0, search("人気ブログランキング").total());
  }

  @Test
  void singleCharacterFindsTheCorruptionHeadline() {
    // 汚 = "dirty", one character of 汚職 (corruption)
    assertTrue(titles(search("汚")).contains(BRIBERY_SANKEI));
  }

  @Test
  void wholeSentenceOfCommentaryFindsItsPost() {
    // "The whole nation is rightly angry." — a sentence of the blogger's own
    SearchResult result = search("国民の多くが怒るのは当然。");
    assertEquals(1, result.total());
    assertEquals("post", result.hits().get(0).type());
  }

  @Test
  void snippetsShowTheBestPassagesWithTheWholeWordMarked() {
    // 顔認証 = face recognition; the NEC article's two sentences that say it, the first one cut
    assertEquals(
        "…関し、全1743市区町村の窓口で本人確認のために利用される「<mark>顔認証</mark>」システムを受注したと発表した。"
            + "地方公共団体情報システム機構が発注を決めた。 … NECの<mark>顔認証</mark>技術は、"
            + "世界最高峰といわれる米研究所によるテストで最も精度が高いと評価された。",
        search("顔認証").hits().get(0).snippet());
  }

  @Test
  void kanaVariantsAreMarkedWhereTheTextSaysIt() {
    // まいなんばー (hiragana) marks マイナンバー as written in the text
    String snippet = search("まいなんばー").hits().get(0).snippet();
    assertTrue(
        snippet.contains("<mark>マイナンバー</mark>") || snippet.contains("<mark>マイナンバ</mark>"), snippet);
  }

  @Test
  void aKanaWordFindsKanjiTextThatReadsTheSameAndMarksIt() {
    // しゅうわい is written nowhere; 収賄 reads シュウワイ. The reading is asked only where the
    // literal text is missing, which is every document here.
    SearchResult byReading = search("しゅうわい");
    assertEquals(search("収賄").total(), byReading.total());
    assertTrue(titles(byReading).contains(BRIBERY_YOMIURI), titles(byReading).toString());
    assertTrue(
        byReading.hits().stream().anyMatch(h -> h.snippet().contains("<mark>収賄</mark>")),
        byReading.hits().toString());
  }

  @Test
  void articleHitsLinkToTheirPostAndPostsToTheirArticles() {
    Hit nec = search("顔認証").hits().get(0);
    DocumentView post = searcher.document(nec.postId());
    assertEquals("post", post.type());
    assertTrue(post.articles().stream().anyMatch(a -> a.id().equals(nec.id())));
    DocumentView article = searcher.document(nec.id());
    assertEquals(List.of(nec.postId()), article.quotedIn());
    assertEquals(nec.postId(), article.postId());
    assertNull(post.postId());
  }

  @Test
  void unknownDocumentIsReported() {
    assertThrows(UnknownDocumentException.class, () -> searcher.document("a-0000000000000000"));
  }

  @Test
  void orderIsDeterministicAndNewestFirstWhenTheQueryIsEmpty() {
    SearchResult first = search("");
    SearchResult again = search("");
    assertEquals(
        first.hits().stream().map(Hit::id).toList(), again.hits().stream().map(Hit::id).toList());
    List<LocalDate> dates =
        first.hits().stream().map(Hit::date).filter(d -> d != null).collect(Collectors.toList());
    for (int i = 1; i < dates.size(); i++) {
      assertFalse(dates.get(i).isAfter(dates.get(i - 1)), "not newest first at " + i);
    }
    // The government page has no date: it comes last.
    assertNull(first.hits().get(first.hits().size() - 1).date());
  }

  @Test
  void refusesBadRequestsWithASentence() {
    assertThrows(
        InvalidQueryException.class,
        () ->
            searcher.search(new SearchRequest("x", null, null, null, null, Sort.RELEVANCE, 0, 10)));
    assertThrows(
        InvalidQueryException.class,
        () ->
            searcher.search(
                new SearchRequest("x", null, null, null, null, Sort.RELEVANCE, 1, 101)));
    assertThrows(
        InvalidQueryException.class,
        () ->
            searcher.search(
                new SearchRequest(
                    "x".repeat(1001), null, null, null, null, Sort.RELEVANCE, 1, 10)));
    InvalidQueryException deep =
        assertThrows(
            InvalidQueryException.class,
            () ->
                searcher.search(
                    new SearchRequest("x", null, null, null, null, Sort.RELEVANCE, 1000, 100)));
    assertTrue(deep.getMessage().endsWith("."));
  }

  @Test
  void oddQueriesAreSearchedAsPlainText() {
    // Each odd query reads as one literal word (or nothing); its hits are exactly the documents
    // whose normalised headline or text contains that word, as grep -F would find them.
    List<String> texts = new ArrayList<>();
    PostParser parser = new PostParser(SampleIndex.OUTLETS);
    for (String name : Samples.NAMES) {
      for (Post post : parser.parse(Samples.text(name), name)) {
        texts.add(post.title() + "\u0000" + post.commentary());
        for (Article a : post.articles()) {
          texts.add(a.title() + "\u0000" + a.body());
        }
      }
    }
    for (String odd :
        List.of(
            "\"",
            "\"unclosed phrase",
            "-",
            "OR",
            "*",
            "?",
            "((",
            "ー",
            "　",
            "\u200b",
            "🍣",
            "%",
            "・・・")) {
      List<QueryLanguage.Clause> clauses = QueryLanguage.parse(odd);
      long expected;
      if (clauses.isEmpty()
          || Normalizer.normalize(clauses.get(0).alternatives().get(0).text()).isBlank()) {
        expected = texts.size();
      } else {
        String literal = Normalizer.normalize(clauses.get(0).alternatives().get(0).text());
        expected =
            texts.stream()
                .filter(
                    t ->
                        Arrays.stream(t.split("\u0000"))
                            .anyMatch(part -> Normalizer.normalize(part).contains(literal)))
                .count();
      }
      assertEquals(expected, search(odd).total(), "query <" + odd + ">");
    }
  }
}
