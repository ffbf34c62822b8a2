package io.kirinuki.corpus;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the blog writes them on outlet lines: {@code 2015年10月11日}, {@code 平成27年8月12日}, {@code
 * 10月13日}, {@code 2015.10.13}, {@code 2015/8/13}, {@code 10.1}. Matching runs on text folded by
 * {@link #fold} (full-width digits and spaces made ASCII, one char for one char), so offsets apply
 * to the original text.
 */
final class DateText {
  private DateText() {}

  /**
   * One date found in a text. {@code year} is null when the text leaves it out; the month and day
   * are 1..12 and 1..31 but may still make no calendar date ({@code 2月30日}).
   */
  record Found(int start, int end, Integer year, int month, int day) {
    /** The calendar date, or null when the year is unknown or the day does not exist. */
    LocalDate toDate() {
      return year == null ? null : of(year, month, day);
    }
  }

  // Each form must not start inside a longer number. Era years: 平成1 = 1989, 昭和1 = 1926,
  // 令和1 = 2019; 元年 is year 1.
  // In damaged text a character lost to U+FFFD may stand for 年, 月 or 日.
  // At most one space inside a date: "2000年以上 1912年   2月22日" is a headline ending in a year,
  // then the date 2月22日, not 1912-02-22.
  private static final String KANJI_YMD =
      "(?:(?<y>\\d{4})|(?<era>平成|昭和|令和) ?(?<ey>\\d{1,2}|元)) ?[年\uFFFD] ?(?<m>\\d{1,2})"
          + " ?[月\uFFFD] ?(?<d>\\d{1,2}) ?[日\uFFFD]";
  private static final String KANJI_MD = "(?<m2>\\d{1,2}) ?月 ?(?<d2>\\d{1,2}) ?[日\uFFFD]";
  private static final String NUM_YMD =
      "(?<y3>\\d{4}) ?(?<s3>[./\\-]) ?(?<m3>\\d{1,2}) ?\\k<s3> ?(?<d3>\\d{1,2})(?![\\d.])";
  private static final String NUM_MD = "(?<m4>\\d{1,2})[./](?<d4>\\d{1,2})(?![\\d./])";

  private static final Pattern DATE =
      Pattern.compile(
          "(?<![\\d./])(?:" + KANJI_YMD + "|" + KANJI_MD + "|" + NUM_YMD + "|" + NUM_MD + ")");

  /** A time written after a date: {@code 16時58分}, {@code 14:34}, {@code 9時}. */
  private static final Pattern TIME =
      Pattern.compile("^[ ]*(?:\\d{1,2}:\\d{2}(?::\\d{2})?|\\d{1,2}時(?:\\d{1,2}分)?)");

  /** The first plausible date at or after {@code from} in folded text, or null. */
  static Found find(String folded, int from) {
    if (!hasDigit(folded, from)) {
      return null;
    }
    Matcher m = DATE.matcher(folded);
    int at = from;
    while (at <= folded.length() && m.find(at)) {
      Found f = toFound(m);
      if (f != null) {
        return f;
      }
      at = m.start() + 1;
    }
    return null;
  }

  /** The last plausible date in folded text, or null. */
  static Found findLast(String folded) {
    if (!hasDigit(folded, 0)) {
      return null;
    }
    Matcher m = DATE.matcher(folded);
    Found last = null;
    int at = 0;
    while (at <= folded.length() && m.find(at)) {
      Found f = toFound(m);
      if (f != null) {
        last = f;
      }
      // After a date, go on from its end, so that 10月11日 inside 2015年10月11日 is not seen again.
      at = f != null ? m.end() : m.start() + 1;
    }
    return last;
  }

  /** Every date form has a digit; most lines have none, and a scan is cheaper than the pattern. */
  private static boolean hasDigit(String folded, int from) {
    for (int i = from; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The length of a time at the start of {@code s} (after spaces), or 0. */
  static int skipTime(String s) {
    Matcher m = TIME.matcher(s);
    return m.find() ? m.end() : 0;
  }

  private static Found toFound(Matcher m) {
    Integer year;
    String month;
    String day;
    if (m.group("m") != null) {
      if (m.group("y") != null) {
        year = Integer.parseInt(m.group("y"));
      } else {
        String ey = m.group("ey");
        int n = ey.equals("元") ? 1 : Integer.parseInt(ey);
        year =
            switch (m.group("era")) {
              case "平成" -> 1988 + n;
              case "昭和" -> 1925 + n;
              default -> 2018 + n;
            };
      }
      month = m.group("m");
      day = m.group("d");
    } else if (m.group("m2") != null) {
      year = null;
      month = m.group("m2");
      day = m.group("d2");
    } else if (m.group("m3") != null) {
      year = Integer.parseInt(m.group("y3"));
      month = m.group("m3");
      day = m.group("d3");
    } else {
      year = null;
      month = m.group("m4");
      day = m.group("d4");
    }
    int mo = Integer.parseInt(month);
    int d = Integer.parseInt(day);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) {
      return null;
    }
    if (year != null && (year < 1900 || year > 2100)) {
      return null;
    }
    return new Found(m.start(), m.end(), year, mo, d);
  }

  /** The date, or null when the day does not exist in that month. */
  static LocalDate of(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Folds full-width ASCII (digits, letters, punctuation) and the ideographic space to ASCII, one
   * char for one char, so patterns written with ASCII match {@code ２０１５年１０月} and offsets still
   * apply to the original.
   */
  static String fold(String s) {
    int i = 0;
    while (i < s.length() && !needsFold(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    char[] chars = s.toCharArray();
    for (; i < chars.length; i++) {
      char c = chars[i];
      if (c >= '\uFF01' && c <= '\uFF5E') {
        chars[i] = (char) (c - 0xFEE0);
      } else if (c == '\u3000' || c == '\u00A0' || c == '\t') {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  private static boolean needsFold(char c) {
    return (c >= '\uFF01' && c <= '\uFF5E') || c == '\u3000' || c == '\u00A0' || c == '\t';
  }
}
