package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchRequest.DocType;
import io.kirinuki.search.SearchRequest.Sort;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SearchLinkTest {

  @Test
  void leavesDefaultsOutSoThePlainPageIsSlash() {
    assertEquals("/", SearchLink.of(SearchRequest.of("")).href());
  }

  @Test
  void writesEveryNonDefaultParameterUrlEncodedInAFixedOrder() {
    SearchRequest request =
        new SearchRequest(
            "マイナンバー \"流出\"", // "My Number" "leak"
            DocType.ARTICLE,
            "読売新聞", // Yomiuri Shimbun
            LocalDate.of(2015, 10, 1),
            LocalDate.of(2015, 10, 31),
            Sort.NEWEST,
            2,
            20);
    assertEquals(
        "/?q=%E3%83%9E%E3%82%A4%E3%83%8A%E3%83%B3%E3%83%90%E3%83%BC+%22%E6%B5%81%E5%87%BA%22"
            + "&type=article&outlet=%E8%AA%AD%E5%A3%B2%E6%96%B0%E8%81%9E"
            + "&from=2015-10-01&to=2015-10-31&sort=newest&page=2&size=20",
        SearchLink.of(request).href());
  }

  @Test
  void changingAFilterGoesBackToTheFirstPage() {
    SearchRequest request = new SearchRequest("NHK", null, null, null, null, Sort.RELEVANCE, 3, 10);
    assertEquals("/?q=NHK&type=post", SearchLink.of(request).with("type", "post").href());
    assertEquals("/?q=NHK&page=4", SearchLink.of(request).page(4).href());
    assertEquals("/?q=NHK", SearchLink.of(request).page(1).href());
  }

  @Test
  void settingNullRemovesAParameter() {
    SearchRequest request =
        new SearchRequest("", DocType.POST, "NHK", null, null, Sort.RELEVANCE, 1, 10);
    assertEquals("/?outlet=NHK", SearchLink.of(request).with("type", null).href());
  }

  @Test
  void escapesCharactersThatWouldBreakTheQueryString() {
    assertEquals(
        "/?q=a%26b%3Dc%23d+%3Cscript%3E",
        SearchLink.of(SearchRequest.of("a&b=c#d <script>")).href());
  }
}
