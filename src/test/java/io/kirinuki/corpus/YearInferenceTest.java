package io.kirinuki.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearInferenceTest {
  private static DateText.Found md(int month, int day) {
    return new DateText.Found(0, 0, null, month, day);
  }

  private static DateText.Found ymd(int year, int month, int day) {
    return new DateText.Found(0, 0, year, month, day);
  }

  private static List<LocalDate> resolve(FileContext context, DateText.Found... dates) {
    return YearInference.resolve(Arrays.asList(dates), context);
  }

  @Test
  void putsADecemberDateOnAJanuaryPageInThePreviousYear() {
    FileContext january = new FileContext(null, YearMonth.of(2016, 1), null, null);

    assertEquals(
        List.of(LocalDate.of(2015, 12, 30), LocalDate.of(2016, 1, 4)),
        resolve(january, md(12, 30), md(1, 4)));
  }

  @Test
  void neverPutsADateAfterItsDayPage() {
    FileContext day = new FileContext(LocalDate.of(2016, 1, 5), null, null, null);

    assertEquals(
        List.of(LocalDate.of(2015, 12, 28), LocalDate.of(2016, 1, 5)),
        resolve(day, md(12, 28), md(1, 5)));
  }

  @Test
  void takesTheYearNearestToThePostsOwnDatesAcrossTheTurnOfTheYear() {
    assertEquals(
        List.of(LocalDate.of(2015, 12, 28), LocalDate.of(2016, 1, 3)),
        resolve(FileContext.NONE, ymd(2015, 12, 28), md(1, 3)));
  }

  @Test
  void movesDecemberBackAYearWhenAYearFolderPostAlsoHasJanuary() {
    FileContext folder = new FileContext(null, null, 2016, null);

    assertEquals(
        List.of(LocalDate.of(2015, 12, 28), LocalDate.of(2016, 1, 4)),
        resolve(folder, md(12, 28), md(1, 4)));
    assertEquals(List.of(LocalDate.of(2016, 12, 28)), resolve(folder, md(12, 28)));
  }

  @Test
  void ignoresADateYearsAwayFromTheYearFolder() {
    FileContext folder = new FileContext(null, null, 2007, null);

    assertEquals(
        List.of(LocalDate.of(1912, 2, 22), LocalDate.of(2007, 2, 21)),
        resolve(folder, ymd(1912, 2, 22), md(2, 21)));
  }

  @Test
  void leavesADateEmptyWhenNothingSaysTheYear() {
    assertEquals(Arrays.asList(null, null), resolve(FileContext.NONE, md(10, 13), null));
  }

  @Test
  void leavesAFebruary29EmptyWhenNoNearbyYearHasOne() {
    FileContext day = new FileContext(LocalDate.of(2015, 3, 1), null, null, null);

    assertEquals(Arrays.asList((LocalDate) null), resolve(day, md(2, 29)));
    assertEquals(
        List.of(LocalDate.of(2016, 2, 29)),
        resolve(new FileContext(LocalDate.of(2016, 3, 1), null, null, null), md(2, 29)));
  }

  @Test
  void leavesAnImpossibleDateWithAYearEmpty() {
    assertEquals(Arrays.asList((LocalDate) null), resolve(FileContext.NONE, ymd(2015, 2, 30)));
  }
}
