package io.kirinuki.corpus;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page's file name or URL says about its posts: the day of a day page ({@code
 * d_20151013.txt}, goo {@code d/20151013}), the month of an archive page ({@code m_201510-1.txt},
 * goo {@code m/201510}), the year of a year folder ({@code 2015/e_….txt}), the URL of a goo entry.
 *
 * @param day every post of the page is from this day, or null
 * @param month every post of the page is from this month, or null
 * @param year the page sits in a folder named after this year, or null (a hint for dates only)
 * @param url the post's URL when the path is a goo entry path ({@code blog.goo.ne.jp/…/e/…})
 */
record FileContext(LocalDate day, YearMonth month, Integer year, String url) {

  private static final Pattern DAY_NAME =
      Pattern.compile("^d_(\\d{4})(\\d{2})(\\d{2})(?:[-.].*)?$");
  private static final Pattern MONTH_NAME = Pattern.compile("^m_(\\d{4})(\\d{2})(?:[-.].*)?$");
  private static final Pattern GOO_DAY = Pattern.compile("/d/(\\d{4})(\\d{2})(\\d{2})(?:[/?#.]|$)");
  private static final Pattern GOO_MONTH = Pattern.compile("/m/(\\d{4})(\\d{2})(?:[/?#.]|$)");
  private static final Pattern GOO_ENTRY =
      Pattern.compile("(blog\\.goo\\.ne\\.jp/[^/]+/e/[0-9a-fA-F]{32})(?:\\.[A-Za-z]+)?$");
  private static final Pattern YEAR_FOLDER = Pattern.compile("^(19|20)\\d{2}$");

  static final FileContext NONE = new FileContext(null, null, null, null);

  static FileContext of(String file) {
    if (file == null || file.isEmpty()) {
      return NONE;
    }
    // A leading slash lets the goo patterns match a relative "d/20151013" too.
    String path = "/" + file.replace('\\', '/');
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    LocalDate day = null;
    YearMonth month = null;
    Matcher m = DAY_NAME.matcher(name);
    Matcher goo = GOO_DAY.matcher(path);
    if (m.matches()) {
      day = DateText.of(num(m, 1), num(m, 2), num(m, 3));
    } else if (goo.find()) {
      day = DateText.of(num(goo, 1), num(goo, 2), num(goo, 3));
    }
    m = MONTH_NAME.matcher(name);
    goo = GOO_MONTH.matcher(path);
    if (m.matches()) {
      month = yearMonth(num(m, 1), num(m, 2));
    } else if (goo.find()) {
      month = yearMonth(num(goo, 1), num(goo, 2));
    }
    Integer year = null;
    if (slash > 1) {
      String parent = path.substring(path.lastIndexOf('/', slash - 1) + 1, slash);
      if (YEAR_FOLDER.matcher(parent).matches()) {
        year = Integer.valueOf(parent);
      }
    }
    Matcher entry = GOO_ENTRY.matcher(path);
    String url = entry.find() ? "https://" + entry.group(1) : null;
    return new FileContext(day, month, year, url);
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static YearMonth yearMonth(int year, int month) {
    return month >= 1 && month <= 12 ? YearMonth.of(year, month) : null;
  }
}
