package io.kirinuki.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits page text into trimmed lines and undoes the edits that are not text: zero-width
 * characters, HTML leftovers ({@code &nbsp;}, {@code <br>}), mojibake lines, doubled lines.
 */
final class PageText {
  private PageText() {}

  /** One cleaned line, with a warning when cleaning had to guess. */
  record Line(String text, String warning) {
    Line(String text) {
      this(text, null);
    }
  }

  private static final Pattern TAG =
      Pattern.compile(
          "</?(?:br|p|a|span|div|font|b|i|u|em|strong|img|hr|li|ul|ol|table|tr|td)\\b[^<>]*>",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTITY =
      Pattern.compile("&(?:(nbsp|amp|lt|gt|quot|apos)|#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));");

  /** Link texts that only make sense on the web page. */
  private static final Pattern LINK_TEXT = Pattern.compile("^[>＞]*\\s*(?:続きを読む|記事全文|全文を読む|もっと見る)$");

  /** The page's lines: trimmed, cleaned, HTML-only lines and doubled lines dropped. */
  static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    String previous = null;
    int n = text.length();
    while (start <= n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      String raw = text.substring(start, end);
      start = end + 1;
      if (!raw.isEmpty() && raw.charAt(raw.length() - 1) == '\r') {
        raw = raw.substring(0, raw.length() - 1);
      }
      Line line = clean(raw);
      if (line == null) {
        continue;
      }
      String t = line.text();
      if (!t.isEmpty() && t.equals(previous)) {
        out.set(
            out.size() - 1,
            new Line(t, "A doubled line was removed: " + PostParser.quote(t) + "."));
        continue;
      }
      previous = t;
      out.add(line);
      if (end == n) {
        break;
      }
    }
    return out;
  }

  /** The cleaned line, or null when it was only HTML markup. */
  static Line clean(String raw) {
    boolean zeroWidth = false;
    boolean markup = false;
    boolean mojibake = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') {
        zeroWidth = true;
      } else if (c == '<' || c == '&') {
        markup = true;
      } else if (c == '縺' || c == '繧' || c == '繝' || (c >= '\uFF61' && c <= '\uFF9F')) {
        // Worth a closer look by Mojibake.suspect.
        mojibake = true;
      }
    }
    String s = raw;
    if (zeroWidth) {
      s = s.replaceAll("[\u200B\u200C\u200D\u2060\uFEFF]", "");
    }
    if (markup) {
      String stripped = stripHtml(s);
      if (!stripped.equals(s)) {
        String t = Text.trim(stripped);
        if (t.isEmpty() || LINK_TEXT.matcher(t).matches()) {
          return null;
        }
        s = stripped;
      }
    }
    String warning = null;
    if (mojibake && Mojibake.suspect(s)) {
      String repaired = Mojibake.repair(Text.trim(s));
      if (repaired != null) {
        warning =
            "A line garbled by a Shift_JIS misreading was repaired"
                + (repaired.indexOf('\uFFFD') >= 0 ? " (some characters stay lost)" : "")
                + ": "
                + PostParser.quote(repaired)
                + ".";
        s = repaired;
      }
    }
    return new Line(Text.trim(s), warning);
  }

  private static String stripHtml(String s) {
    String t = TAG.matcher(s).replaceAll("");
    // Twice, for the double-escaped &amp;nbsp; that some exports carry.
    for (int round = 0; round < 2 && t.indexOf('&') >= 0; round++) {
      Matcher m = ENTITY.matcher(t);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(b, Matcher.quoteReplacement(entity(m)));
      }
      m.appendTail(b);
      t = b.toString();
    }
    return t;
  }

  private static String entity(Matcher m) {
    if (m.group(1) != null) {
      return switch (m.group(1)) {
        case "nbsp" -> " ";
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        default -> "'";
      };
    }
    int code = m.group(2) != null ? Integer.parseInt(m.group(2)) : Integer.parseInt(m.group(3), 16);
    return Character.isValidCodePoint(code) ? Character.toString(code) : "";
  }
}
