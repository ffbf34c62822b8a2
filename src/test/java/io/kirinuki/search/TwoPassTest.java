package io.kirinuki.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirinuki.analysis.Synonyms;
import io.kirinuki.search.SearchRequest.DocType;
import io.kirinuki.search.SearchRequest.Sort;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search ranked in two passes (count and facet every match, then score only what can reach the
 * page) answers exactly as one pass does (issue 6). The sample index is far below the size where
 * two passes are taken, so one searcher here takes them for every search ranked by relevance.
 */
class TwoPassTest {
  @TempDir static Path dir;
  static Searcher onePass;
  static Searcher twoPasses;

  @BeforeAll
  static void index() throws IOException {
    SampleIndex.build(dir);
    onePass = open(Long.MAX_VALUE);
    twoPasses = open(0);
  }

  private static Searcher open(long twoPassMinMatches) throws IOException {
    return Searcher.open(
        dir,
        SampleIndex.ANALYZERS,
        Synonyms.load(),
        SampleIndex.OUTLETS,
        twoPassMinMatches,
        new SpareCores(0));
  }

  @AfterAll
  static void close() throws IOException {
    onePass.close();
    twoPasses.close();
  }

  static final List<String> QUERIES =
      List.of(
          "マイナンバー", // a kana word: literal or reading
          "住民票",
          "市", // one character
          "顔認証 NEC",
          "\"システム設計\"",
          "収賄 OR 汚職",
          "マイナンバー -住民票",
          "まいなんばー", // hiragana for katakana
          "セキュリティー", // trailing long vowel
          "の", // in nearly every document
          "存在しない言葉");

  @Test
  void twoPassesGiveTheSameAnswersAsOne() {
    for (String query : QUERIES) {
      for (DocType type : new DocType[] {null, DocType.ARTICLE}) {
        for (int page = 1; page <= 2; page++) {
          SearchRequest request =
              new SearchRequest(query, type, null, null, null, Sort.RELEVANCE, page, 3);
          assertSameAnswer(request, onePass.search(request), twoPasses.search(request));
        }
      }
    }
    SearchRequest filtered =
        new SearchRequest(
            "マイナンバー", null, "読売", LocalDate.of(2015, 1, 1), null, Sort.RELEVANCE, 1, 10);
    assertSameAnswer(filtered, onePass.search(filtered), twoPasses.search(filtered));
  }

  @Test
  void theSampleQueriesFindSomethingOnBothWays() {
    // Guards the comparison above against comparing empty answers only.
    long found =
        QUERIES.stream()
            .filter(q -> twoPasses.search(request(q)).total() > 0)
            .count();
    assertEquals(QUERIES.size() - 1, found);
  }

  private static SearchRequest request(String query) {
    return new SearchRequest(query, null, null, null, null, Sort.RELEVANCE, 1, 10);
  }

  static void assertSameAnswer(SearchRequest request, SearchResult one, SearchResult two) {
    String what = request.toString();
    assertEquals(one.total(), two.total(), what);
    assertEquals(one.facets(), two.facets(), what);
    assertEquals(one.hits().size(), two.hits().size(), what);
    for (int i = 0; i < one.hits().size(); i++) {
      Hit a = one.hits().get(i);
      Hit b = two.hits().get(i);
      assertEquals(a.id(), b.id(), what + " hit " + i);
      assertEquals(a.snippet(), b.snippet(), what + " hit " + i);
      assertEquals(a.postId(), b.postId(), what + " hit " + i);
      // The same sum in another order: equal up to float rounding.
      assertEquals(a.score(), b.score(), Math.abs(a.score()) * 1e-5f, what + " hit " + i);
    }
  }

  @Test
  void anEstimateOfTermsIsAnUpperBound() throws IOException {
    QueryBuilder builder = new QueryBuilder(SampleIndex.ANALYZERS, Synonyms.load());
    try (IndexReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      // One and two characters are single gram terms, so their estimate bounds their matches.
      for (String query : List.of("市", "住民", "認証", "収賄 逮捕", "の", "票 -住民")) {
        Query matching = builder.build(QueryLanguage.parse(query), List.of()).matching();
        long matches = searcher.count(matching);
        long estimate = MatchEstimate.of(matching, reader);
        assertTrue(matches > 0, query);
        assertTrue(estimate >= matches, query + ": " + estimate + " < " + matches);
        assertTrue(estimate <= reader.maxDoc(), query);
      }
    }
  }
}
