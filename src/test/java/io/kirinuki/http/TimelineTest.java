package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kirinuki.search.FacetValue;
import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchRequest.Sort;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final List<FacetValue> MONTHS =
      List.of(
          new FacetValue("2015-10", 10),
          new FacetValue("2015-07", 2),
          new FacetValue("2015-08", 5));

  @Test
  void drawsOneBarPerMonthFromFirstToLastIncludingEmptyMonths() {
    Timeline timeline = Timeline.of(MONTHS, SearchRequest.of("マイナンバー")); // "My Number"
    String q = "/?q=%E3%83%9E%E3%82%A4%E3%83%8A%E3%83%B3%E3%83%90%E3%83%BC";
    assertEquals(
        List.of(
            new Timeline.Bar(
                4, 69, 33, 13, 2, q + "&from=2015-07-01&to=2015-07-31", "2015年7月：2件", false),
            new Timeline.Bar(
                48, 50, 33, 32, 5, q + "&from=2015-08-01&to=2015-08-31", "2015年8月：5件", false),
            new Timeline.Bar(92, 82, 33, 0, 0, null, "2015年9月：0件", false),
            new Timeline.Bar(
                136, 18, 33, 64, 10, q + "&from=2015-10-01&to=2015-10-31", "2015年10月：10件", false)),
        timeline.bars());
    assertEquals(184, timeline.width());
    assertEquals(112, timeline.height());
    assertEquals(82, timeline.baseline());
  }

  @Test
  void labelsEachMonthAndItsCountOnAShortSpanAndTheYearOnce() {
    Timeline timeline = Timeline.of(MONTHS, SearchRequest.of(""));
    assertEquals(
        List.of(
            new Timeline.Label(20, 95, "7月", "month"),
            new Timeline.Label(20, 66, "2", "count"),
            new Timeline.Label(4, 109, "2015年", "year"),
            new Timeline.Label(64, 95, "8月", "month"),
            new Timeline.Label(64, 47, "5", "count"),
            new Timeline.Label(108, 95, "9月", "month"),
            new Timeline.Label(152, 95, "10月", "month"),
            new Timeline.Label(152, 15, "10", "count")),
        timeline.labels());
  }

  @Test
  void theBarOfTheMonthFilteredOnNowLinksBackToAllMonths() {
    SearchRequest october =
        new SearchRequest(
            "",
            null,
            null,
            LocalDate.of(2015, 10, 1),
            LocalDate.of(2015, 10, 31),
            Sort.NEWEST,
            1,
            10);
    Timeline.Bar bar = Timeline.of(MONTHS, october).bars().get(3);
    assertEquals(true, bar.active());
    assertEquals("/?sort=newest", bar.href());
  }

  @Test
  void labelsOnlyYearsOnALongSpan() {
    List<FacetValue> months = List.of(new FacetValue("2003-01", 1), new FacetValue("2007-12", 1));
    Timeline timeline = Timeline.of(months, SearchRequest.of(""));
    assertEquals(60, timeline.bars().size());
    assertEquals(
        List.of("2003年", "2004年", "2005年", "2006年", "2007年"),
        timeline.labels().stream().map(Timeline.Label::text).toList());
  }

  @Test
  void thereIsNoTimelineWithoutDatedHits() {
    assertNull(Timeline.of(List.of(), SearchRequest.of("")));
    assertNull(Timeline.of(null, SearchRequest.of("")));
    assertNull(Timeline.of(List.of(new FacetValue("unknown", 3)), SearchRequest.of("")));
  }
}
