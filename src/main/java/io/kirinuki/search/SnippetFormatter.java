package io.kirinuki.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighter passages as HTML snippets: text escaped, matches in {@code <mark>…</mark>}
 * added after escaping, long passages cut to a window around their first match.
 *
 * <p>Passages come from a sentence break iterator, and a quoted article may hold a sentence of a
 * thousand characters, so a passage is cut to {@link #MAX_PASSAGE_CHARS} around its first match;
 * cuts never split a surrogate pair. Whitespace runs (line breaks of the source) print as one space.
 */
final class SnippetFormatter extends PassageFormatter {
  /** Longest text shown of one passage, in chars. */
  static final int MAX_PASSAGE_CHARS = 100;

  /** Context kept before the first match when a passage is cut. */
  static final int CONTEXT_BEFORE_CHARS = 30;

  static final String ELLIPSIS = "…";
  static final String SEPARATOR = " … ";

  @Override
  public String format(Passage[] passages, String content) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < passages.length; i++) {
      StringBuilder one = new StringBuilder();
      append(one, passages[i], content, i == 0, i == passages.length - 1);
      String text = one.toString().strip();
      if (text.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(SEPARATOR);
      }
      out.append(text);
    }
    return out.toString();
  }

  /**
   * Appends one passage; an ellipsis marks a cut only at the snippet's two ends, since the
   * separator between passages already says that text was left out.
   */
  private static void append(
      StringBuilder out, Passage passage, String content, boolean first, boolean last) {
    int start = passage.getStartOffset();
    int end = Math.min(passage.getEndOffset(), content.length());
    if (end - start > MAX_PASSAGE_CHARS) {
      int anchor = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : start;
      int windowStart = Math.max(start, anchor - CONTEXT_BEFORE_CHARS);
      int windowEnd = Math.min(end, windowStart + MAX_PASSAGE_CHARS);
      start = safeBoundary(content, windowStart);
      end = safeBoundary(content, windowEnd);
    }
    if (first && start > passage.getStartOffset()) {
      out.append(ELLIPSIS);
    }
    int pos = start;
    for (int i = 0; i < passage.getNumMatches(); i++) {
      int matchStart = Math.max(passage.getMatchStarts()[i], pos);
      int matchEnd = passage.getMatchEnds()[i];
      // Overlapping grams of one phrase arrive as overlapping matches: merge them into one mark.
      while (i + 1 < passage.getNumMatches() && passage.getMatchStarts()[i + 1] <= matchEnd) {
        matchEnd = Math.max(matchEnd, passage.getMatchEnds()[++i]);
      }
      matchEnd = Math.min(matchEnd, end);
      if (matchEnd <= matchStart || matchStart >= end) {
        continue;
      }
      escape(out, content, pos, matchStart);
      out.append("<mark>");
      escape(out, content, matchStart, matchEnd);
      out.append("</mark>");
      pos = matchEnd;
    }
    escape(out, content, pos, end);
    if (last && end < Math.min(passage.getEndOffset(), content.length())) {
      out.append(ELLIPSIS);
    }
  }

  /** Moves an offset off the low half of a surrogate pair. */
  private static int safeBoundary(String content, int offset) {
    if (offset > 0
        && offset < content.length()
        && Character.isLowSurrogate(content.charAt(offset))
        && Character.isHighSurrogate(content.charAt(offset - 1))) {
      return offset - 1;
    }
    return offset;
  }

  /** Appends content[from, to) HTML-escaped, whitespace runs as one space. */
  static void escape(StringBuilder out, String content, int from, int to) {
    boolean space = false;
    for (int i = from; i < to; i++) {
      char c = content.charAt(i);
      if (Character.isWhitespace(c) || c == '\u3000') {
        if (!space) {
          out.append(' ');
        }
        space = true;
        continue;
      }
      space = false;
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
