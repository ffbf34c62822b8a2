package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchRequest.DocType;
import io.kirinuki.search.SearchRequest.Sort;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParamsTest {

  private static Map<String, List<String>> params(String... nameValues) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      params
          .computeIfAbsent(nameValues[i], name -> new java.util.ArrayList<>())
          .add(nameValues[i + 1]);
    }
    return params;
  }

  private static String refusal(String... nameValues) {
    return assertThrows(BadParameterException.class, () -> SearchParams.parse(params(nameValues)))
        .getMessage();
  }

  @Test
  void noParametersMeanAnEmptyQueryOnTheFirstPageOfTen() {
    assertEquals(
        new SearchRequest("", null, null, null, null, Sort.RELEVANCE, 1, 10),
        SearchParams.parse(Map.of()));
  }

  @Test
  void readsEveryParameter() {
    SearchRequest request =
        SearchParams.parse(
            params(
                "q", "マイナンバー 流出", // "My Number leak"
                "type", "article",
                "outlet", "読売", // Yomiuri (alias)
                "from", "2015-10-01",
                "to", "2015-10-31",
                "sort", "oldest",
                "page", "3",
                "size", "100"));
    assertEquals(
        new SearchRequest(
            "マイナンバー 流出",
            DocType.ARTICLE,
            "読売",
            LocalDate.of(2015, 10, 1),
            LocalDate.of(2015, 10, 31),
            Sort.OLDEST,
            3,
            100),
        request);
  }

  @Test
  void emptyValuesFromASubmittedFormCountAsAbsent() {
    assertEquals(
        new SearchRequest("取手市", null, null, null, null, Sort.RELEVANCE, 1, 10), // Toride city
        SearchParams.parse(
            params("q", "取手市", "type", "", "outlet", "", "from", "", "to", "", "sort", "")));
  }

  @Test
  void stripsSpacesIncludingFullWidthOnesAroundTheQueryAndOutlet() {
    SearchRequest request = SearchParams.parse(params("q", "　住民票 ", "outlet", " NHK　"));
    assertEquals("住民票", request.query()); // residence certificate
    assertEquals("NHK", request.outlet());
  }

  @Test
  void refusesASizeOutOfRange() {
    assertEquals(
        "The parameter size must be a whole number from 1 to 100, not \"101\".",
        refusal("size", "101"));
    assertEquals(
        "The parameter size must be a whole number from 1 to 100, not \"0\".",
        refusal("size", "0"));
    assertEquals(
        "The parameter size must be a whole number from 1 to 100, not \"-5\".",
        refusal("size", "-5"));
  }

  @Test
  void refusesAPageBelowOneOrNotANumber() {
    assertEquals(
        "The parameter page must be a whole number of 1 or more, not \"0\".", refusal("page", "0"));
    assertEquals(
        "The parameter page must be a whole number of 1 or more, not \"1.5\".",
        refusal("page", "1.5"));
    assertEquals(
        "The parameter page must be a whole number of 1 or more, not \"99999999999999999999\".",
        refusal("page", "99999999999999999999"));
  }

  @Test
  void refusesPagesBeyondTheFirstTenThousandHits() {
    assertEquals(
        "Only the first 10000 hits can be paged through, and page 101 of 100 goes beyond them;"
            + " narrow the search instead.",
        refusal("page", "101", "size", "100"));
    assertEquals(100, SearchParams.parse(params("page", "100", "size", "100")).page());
  }

  @Test
  void refusesAnImpossibleDate() {
    assertEquals(
        "The parameter from must be a real date written YYYY-MM-DD, not \"2015-02-30\".",
        refusal("from", "2015-02-30"));
    assertEquals(
        "The parameter to must be a real date written YYYY-MM-DD, not \"2015/10/13\".",
        refusal("to", "2015/10/13"));
    assertEquals(
        "The parameter to must be a real date written YYYY-MM-DD, not \"+12015-10-13\".",
        refusal("to", "+12015-10-13"));
  }

  @Test
  void acceptsLeapDayOnlyInALeapYear() {
    assertEquals(
        LocalDate.of(2016, 2, 29), SearchParams.parse(params("from", "2016-02-29")).from());
    assertEquals(
        "The parameter from must be a real date written YYYY-MM-DD, not \"2015-02-29\".",
        refusal("from", "2015-02-29"));
  }

  @Test
  void refusesADateRangeThatEndsBeforeItStarts() {
    assertEquals(
        "The date range is empty: from (2015-10-13) is after to (2015-10-01).",
        refusal("from", "2015-10-13", "to", "2015-10-01"));
    assertEquals(
        LocalDate.of(2015, 10, 13),
        SearchParams.parse(params("from", "2015-10-13", "to", "2015-10-13")).to());
  }

  @Test
  void refusesAnUnknownSortOrType() {
    assertEquals(
        "The parameter sort must be relevance, newest or oldest, not \"date\".",
        refusal("sort", "date"));
    assertEquals(
        "The parameter type must be post or article, not \"Article\".", refusal("type", "Article"));
  }

  @Test
  void refusesAQueryLongerThanTheLimitPolitely() {
    String longest = "あ".repeat(SearchRequest.MAX_QUERY_LENGTH);
    assertEquals(longest, SearchParams.parse(params("q", longest)).query());
    assertEquals(
        "The query is 1001 characters long; the longest accepted is 1000.",
        refusal("q", longest + "い"));
  }

  @Test
  void refusesAParameterGivenTwice() {
    assertEquals(
        "The parameter type was given 2 times; give it once.",
        refusal("type", "post", "type", "article"));
  }

  @Test
  void cutsAHugeBadValueShortInTheMessage() {
    String message = refusal("sort", "x".repeat(5000));
    assertEquals(
        "The parameter sort must be relevance, newest or oldest, not \"" + "x".repeat(40) + "…\".",
        message);
  }

  @Test
  void saysEachRefusalInJapaneseForThePageToo() {
    BadParameterException e =
        assertThrows(
            BadParameterException.class, () -> SearchParams.parse(params("from", "2015-02-30")));
    // "give the start date as a real date in the form YYYY-MM-DD"
    assertEquals("期間の開始日は、実在する日付を YYYY-MM-DD の形で指定してください。", e.japaneseMessage());
  }

  @Test
  void refusesAnOverlongOutlet() {
    assertEquals(
        "The parameter outlet is 101 characters long; the longest accepted is 100.",
        refusal("outlet", "新".repeat(101)));
  }

  @Test
  void decodesARawQueryStringAsUtf8WithPlusForSpace() {
    SearchRequest request =
        SearchParams.read("q=%E5%8F%96%E6%89%8B%E5%B8%82+%E4%BD%8F%E6%B0%91%E7%A5%A8&page=2&&x");
    assertEquals("取手市 住民票", request.query()); // Toride city, residence certificate
    assertEquals(2, request.page());
    assertEquals(SearchParams.parse(Map.of()), SearchParams.read(null));
  }

  @Test
  void refusesAMalformedPercentEncodingInsteadOfDroppingIt() {
    String message =
        "The query string is not valid percent-encoded UTF-8; encode each parameter as UTF-8.";
    for (String raw : List.of("q=%ZZ", "q=%", "q=%E3%81", "q=a%2", "q=%FF%FE")) {
      assertEquals(
          message,
          assertThrows(BadParameterException.class, () -> SearchParams.read(raw)).getMessage(),
          raw);
    }
  }
}
