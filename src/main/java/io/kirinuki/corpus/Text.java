package io.kirinuki.corpus;

/** Small text helpers that treat the ideographic space, no-break space and tab as spaces. */
final class Text {
  private Text() {}

  static boolean isSpace(int c) {
    if (c > 0x3000) {
      // Kana and kanji, most of the text: nothing above U+3000 is a space.
      return false;
    }
    if (c == ' ' || c == 0x3000 || c == 0xA0) {
      return true;
    }
    return c < 0x20
        ? c >= 0x1C || (c >= '\t' && c <= '\r')
        : c >= 0x1680 && Character.isWhitespace(c);
  }

  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == s.length() ? s : s.substring(start, end);
  }

  static String trimEnd(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return end == s.length() ? s : s.substring(0, end);
  }

  static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The first {@code max} characters and an ellipsis, for messages. */
  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
