package io.kirinuki.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the contract's query language into clauses; never fails.
 *
 * <p>Words separated by spaces (ASCII or full-width) must all match; {@code "..."} is an exact
 * phrase; {@code -word} excludes; {@code OR} between two words makes either enough. Anything the
 * grammar cannot read is taken as plain text: an unclosed quote runs to the end, a lone {@code -}
 * or a dangling {@code OR} is a word of its own.
 */
public final class QueryLanguage {
  private QueryLanguage() {}

  /** One search term: a word, or an exact phrase that may contain spaces. */
  public record Term(String text, boolean phrase) {}

  /**
   * A conjunct of the query: any of its alternatives must match (all of them excluded when {@code
   * excluded}).
   */
  public record Clause(List<Term> alternatives, boolean excluded) {
    public Clause {
      alternatives = List.copyOf(alternatives);
    }
  }

  /** The clauses of a query, in the order written; empty for a blank query. */
  public static List<Clause> parse(String query) {
    List<Token> tokens = tokenize(query == null ? "" : query);
    List<Clause> clauses = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.excluded()) {
        clauses.add(new Clause(List.of(token.term()), true));
        continue;
      }
      List<Term> alternatives = new ArrayList<>(List.of(token.term()));
      // "a OR b OR c": an OR joins the next positive token to this clause.
      while (i + 2 < tokens.size() && tokens.get(i + 1).isOr() && !tokens.get(i + 2).excluded()) {
        alternatives.add(tokens.get(i + 2).term());
        i += 2;
      }
      clauses.add(new Clause(alternatives, false));
    }
    return clauses;
  }

  /** A word or phrase as written, with its exclusion mark. */
  private record Token(Term term, boolean excluded) {
    boolean isOr() {
      return !excluded && !term.phrase() && (term.text().equals("OR") || term.text().equals("ＯＲ"));
    }
  }

  private static List<Token> tokenize(String query) {
    List<Token> tokens = new ArrayList<>();
    int n = query.length();
    int i = 0;
    while (i < n) {
      int c = query.codePointAt(i);
      if (isSpace(c)) {
        i += Character.charCount(c);
        continue;
      }
      boolean excluded = false;
      if (isMinus(c) && i + 1 < n && !isSpace(query.codePointAt(i + 1))) {
        excluded = true;
        i += Character.charCount(c);
        c = query.codePointAt(i);
      }
      if (isQuote(c)) {
        int start = i + Character.charCount(c);
        int end = start;
        while (end < n && !isQuote(query.codePointAt(end))) {
          end += Character.charCount(query.codePointAt(end));
        }
        String phrase = collapseSpaces(query.substring(start, end));
        i = end < n ? end + Character.charCount(query.codePointAt(end)) : n;
        if (!phrase.isEmpty()) {
          tokens.add(new Token(new Term(phrase, true), excluded));
        }
        continue;
      }
      int start = i;
      while (i < n && !isSpace(query.codePointAt(i)) && !isQuote(query.codePointAt(i))) {
        i += Character.charCount(query.codePointAt(i));
      }
      String word = query.substring(start, i);
      if (word.isEmpty()) {
        continue;
      }
      if (excluded && isAllMinus(word)) {
        // "--" or "-" followed by nothing readable: plain text, not an exclusion.
        tokens.add(new Token(new Term(query.substring(start - 1, i), false), false));
      } else {
        tokens.add(new Token(new Term(word, false), excluded));
      }
    }
    return tokens;
  }

  private static boolean isAllMinus(String word) {
    return word.codePoints().allMatch(QueryLanguage::isMinus);
  }

  private static String collapseSpaces(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isSpace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
  }

  private static boolean isMinus(int c) {
    // ASCII hyphen-minus, full-width hyphen-minus, minus sign.
    return c == '-' || c == '\uff0d' || c == '\u2212';
  }

  private static boolean isQuote(int c) {
    // ASCII, full-width and curly double quotes.
    return c == '"' || c == '\uff02' || c == '\u201c' || c == '\u201d';
  }
}
