package io.kirinuki.http;

import java.time.LocalDate;
import java.util.Locale;

/** How the Japanese page writes dates, counts and durations. */
final class Format {
  private Format() {}

  /** {@code 2015年10月11日}, or null for an unknown date. */
  static String date(LocalDate date) {
    if (date == null) {
      return null;
    }
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** {@code 2015-10-11}, or null, for a {@code <time datetime>} attribute. */
  static String isoDate(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /** {@code 12,345}. */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** Milliseconds as seconds, {@code 0.012}. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
