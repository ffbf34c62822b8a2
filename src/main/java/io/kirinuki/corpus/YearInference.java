package io.kirinuki.corpus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a year to the dates a post writes without one ({@code 読売 10月13日}). In order of trust: the
 * page's day or month (the latest year not after it, so {@code 12月30日} on a January page is the
 * previous year), the post's dates that have a year (the nearest), the page's year folder (with
 * December dates moved back a year when the post also has January ones). Otherwise the year is
 * unknown and the date stays null; it is never guessed.
 */
final class YearInference {
  private YearInference() {}

  /** Half a year: a post whose dates spread wider than this straddles a turn of the year. */
  private static final long TURN_OF_YEAR_SPREAD_DAYS = 183;

  /** The first month of the later half of the year, moved back a year across the turn. */
  private static final int SECOND_HALF = 7;

  /** The calendar date of each found date (null where unknown), in the same order. */
  static List<LocalDate> resolve(List<DateText.Found> dates, FileContext ctx) {
    List<LocalDate> known = new ArrayList<>();
    for (DateText.Found f : dates) {
      LocalDate d = f == null ? null : f.toDate();
      // In a year folder, a date years away (an old article, a misread) says nothing about
      // the post's own dates.
      if (d != null && (ctx.year() == null || Math.abs(d.getYear() - ctx.year()) <= 1)) {
        known.add(d);
      }
    }
    LocalDate bound = null;
    if (ctx.day() != null) {
      bound = ctx.day().plusDays(1);
    } else if (ctx.month() != null) {
      bound = ctx.month().atEndOfMonth().plusDays(1);
    }
    List<LocalDate> out = new ArrayList<>(dates.size());
    List<Integer> byYearFolder = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) {
      DateText.Found f = dates.get(i);
      LocalDate d = null;
      if (f == null) {
        d = null;
      } else if (f.year() != null) {
        d = f.toDate();
      } else if (bound != null) {
        d = latestNotAfter(f, bound);
      } else if (!known.isEmpty()) {
        d = nearest(f, known);
      } else if (ctx.year() != null) {
        d = DateText.of(ctx.year(), f.month(), f.day());
        byYearFolder.add(i);
      }
      out.add(d);
    }
    turnOfYear(out, byYearFolder);
    return out;
  }

  /** This year or the year before; a 2月29日 that fits neither stays unknown. */
  private static LocalDate latestNotAfter(DateText.Found f, LocalDate bound) {
    for (int y = bound.getYear(); y >= bound.getYear() - 1; y--) {
      LocalDate d = DateText.of(y, f.month(), f.day());
      if (d != null && !d.isAfter(bound)) {
        return d;
      }
    }
    return null;
  }

  private static LocalDate nearest(DateText.Found f, List<LocalDate> known) {
    LocalDate best = null;
    long bestDistance = Long.MAX_VALUE;
    int min = known.stream().mapToInt(LocalDate::getYear).min().orElseThrow();
    int max = known.stream().mapToInt(LocalDate::getYear).max().orElseThrow();
    for (int y = min - 1; y <= max + 1; y++) {
      LocalDate d = DateText.of(y, f.month(), f.day());
      if (d == null) {
        continue;
      }
      for (LocalDate k : known) {
        long distance = Math.abs(ChronoUnit.DAYS.between(k, d));
        if (distance < bestDistance) {
          best = d;
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  /** Dates placed in the folder's year that spread over the turn: the late months go back. */
  private static void turnOfYear(List<LocalDate> out, List<Integer> byYearFolder) {
    LocalDate min = null;
    LocalDate max = null;
    for (int i : byYearFolder) {
      LocalDate d = out.get(i);
      if (d != null) {
        min = min == null || d.isBefore(min) ? d : min;
        max = max == null || d.isAfter(max) ? d : max;
      }
    }
    if (min == null || ChronoUnit.DAYS.between(min, max) <= TURN_OF_YEAR_SPREAD_DAYS) {
      return;
    }
    for (int i : byYearFolder) {
      LocalDate d = out.get(i);
      if (d != null && d.getMonthValue() >= SECOND_HALF) {
        out.set(i, DateText.of(d.getYear() - 1, d.getMonthValue(), d.getDayOfMonth()));
      }
    }
  }
}
