package io.kirinuki.search;

import java.time.LocalDate;

/**
 * One search: the query text in the contract's query language plus filters, order and page.
 *
 * @param query the query text; empty lists documents matching the filters, newest first
 * @param type {@code post}, {@code article}, or null for both
 * @param outlet an outlet alias or canonical name, or null
 * @param from inclusive start date, or null
 * @param to inclusive end date, or null
 * @param sort order of the hits
 * @param page 1-based page number
 * @param size hits per page, 1 to {@link #MAX_SIZE}
 */
public record SearchRequest(
    String query,
    DocType type,
    String outlet,
    LocalDate from,
    LocalDate to,
    Sort sort,
    int page,
    int size) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  /** Longest query text accepted, in characters; longer ones are refused with a message. */
  public static final int MAX_QUERY_LENGTH = 1000;

  /** A plain query: first page, default size, relevance order, no filters. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, null, Sort.RELEVANCE, 1, DEFAULT_SIZE);
  }

  /** The kinds of indexed documents. */
  public enum DocType {
    POST,
    ARTICLE;

    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Orders of the hits. */
  public enum Sort {
    RELEVANCE,
    NEWEST,
    OLDEST;

    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
