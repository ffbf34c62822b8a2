package io.kirinuki.http;

import io.kirinuki.search.FacetValue;
import io.kirinuki.search.SearchRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The hits-per-month bar chart of the search page, laid out on the server as inline SVG geometry
 * from the {@code month} facet; every bar links to the search narrowed to its month.
 *
 * @param width SVG width in user units
 * @param height SVG height in user units
 * @param baseline y of the bars' common bottom edge
 * @param bars one per month from the first to the last month with hits, empty months included
 * @param labels year and month captions under the bars
 */
record Timeline(int width, int height, int baseline, List<Bar> bars, List<Label> labels) {

  /** Height of the tallest bar. */
  static final int BAR_AREA = 64;

  private static final int PAD = 4;

  /** Room over the tallest bar for its count, on a short span. */
  private static final int COUNT_AREA = 14;

  private static final int LABEL_AREA = 30;
  private static final int MIN_LABEL_GAP = 34;

  /**
   * One month.
   *
   * @param href the search narrowed to this month (or widened again when it is the filter now);
   *     null for a month with no hits
   * @param label what a screen reader says and a tooltip shows
   */
  record Bar(
      int x, int y, int width, int height, long count, String href, String label, boolean active) {}

  /**
   * A caption: a year under the bars starts at x; a month under its bar and a count over it are
   * centred on x.
   *
   * @param kind {@code year}, {@code month} or {@code count}, the CSS class suffix
   */
  record Label(int x, int y, String text, String kind) {}

  /** The chart for these month counts, or null when there are none (no dated hits). */
  static Timeline of(List<FacetValue> months, SearchRequest request) {
    TreeMap<YearMonth, Long> counts = new TreeMap<>();
    for (FacetValue value : months == null ? List.<FacetValue>of() : months) {
      try {
        counts.merge(YearMonth.parse(value.value()), value.count(), Long::sum);
      } catch (DateTimeParseException e) {
        // A month the searcher could not date ("unknown") has no place on a time axis.
      }
    }
    if (counts.isEmpty()) {
      return null;
    }
    YearMonth first = counts.firstKey();
    YearMonth last = counts.lastKey();
    int span = (int) (first.until(last, ChronoUnit.MONTHS) + 1);
    // A few months get wide labelled bars; decades get thin ones that still fit a page width.
    int step = span <= 12 ? 44 : span <= 18 ? 30 : span <= 60 ? 12 : span <= 240 ? 5 : 3;
    int barWidth = Math.max(2, step * 3 / 4);
    long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
    boolean monthLabels = step >= 24;
    int baseline = PAD + (monthLabels ? COUNT_AREA : 0) + BAR_AREA;

    List<Bar> bars = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    SearchLink base = SearchLink.of(request);
    int lastYearLabelX = -MIN_LABEL_GAP;
    YearMonth month = first;
    for (int i = 0; i < span; i++, month = month.plusMonths(1)) {
      int x = PAD + i * step;
      long count = counts.getOrDefault(month, 0L);
      int height = count == 0 ? 0 : (int) Math.max(2, Math.round((double) count / max * BAR_AREA));
      LocalDate start = month.atDay(1);
      LocalDate end = month.atEndOfMonth();
      boolean active = start.equals(request.from()) && end.equals(request.to());
      String href = null;
      if (count > 0) {
        SearchLink link =
            active
                ? base.with(SearchParams.FROM, null).with(SearchParams.TO, null)
                : base.with(SearchParams.FROM, start.toString())
                    .with(SearchParams.TO, end.toString());
        href = link.href();
      }
      String label =
          month.getYear() + "年" + month.getMonthValue() + "月：" + Format.count(count) + "件";
      bars.add(new Bar(x, baseline - height, barWidth, height, count, href, label, active));

      int center = x + barWidth / 2;
      if (monthLabels) {
        labels.add(new Label(center, baseline + 13, month.getMonthValue() + "月", "month"));
        if (count > 0) {
          labels.add(new Label(center, baseline - height - 3, Format.count(count), "count"));
        }
      }
      boolean yearStart = i == 0 || month.getMonthValue() == 1;
      if (yearStart && x - lastYearLabelX >= MIN_LABEL_GAP) {
        // Start-anchored at the bar's left edge, so the first year never sticks out on the left.
        labels.add(new Label(x, baseline + (monthLabels ? 27 : 14), month.getYear() + "年", "year"));
        lastYearLabelX = x;
      }
    }
    int width = Math.max(PAD * 2 + span * step, 120);
    return new Timeline(
        width, baseline + LABEL_AREA - (monthLabels ? 0 : 12), baseline, bars, labels);
  }
}
