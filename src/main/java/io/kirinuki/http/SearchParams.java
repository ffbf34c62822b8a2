package io.kirinuki.http;

import io.kirinuki.search.SearchRequest;
import io.kirinuki.search.SearchRequest.DocType;
import io.kirinuki.search.SearchRequest.Sort;
import io.kirinuki.search.Searcher;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the search parameters ({@code q type outlet from to sort page size}) into a {@link
 * SearchRequest}; the one parser behind both {@code /api/search} and the page at {@code /}, so the
 * two cannot disagree about what a URL means.
 */
final class SearchParams {
  static final String Q = "q";
  static final String TYPE = "type";
  static final String OUTLET = "outlet";
  static final String FROM = "from";
  static final String TO = "to";
  static final String SORT = "sort";
  static final String PAGE = "page";
  static final String SIZE = "size";

  /** Every parameter name, in the order links write them. */
  static final List<String> NAMES = List.of(Q, TYPE, OUTLET, FROM, TO, SORT, PAGE, SIZE);

  /** Longest outlet name accepted; the longest real one is far shorter. */
  static final int MAX_OUTLET_LENGTH = 100;

  /**
   * Deepest hit a page may reach (the searcher's limit). Lucene collects page * size hits to serve
   * one page, so an unbounded page number would let one URL allocate gigabytes.
   */
  static final int MAX_RESULT_WINDOW = Searcher.MAX_WINDOW;

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
  private static final int MAX_QUOTED_VALUE = 40;

  private SearchParams() {}

  /**
   * Reads the raw query string of a request ({@code q=%E5%8F%96&page=2}), refusing a malformed
   * percent-encoding rather than dropping it the way servlet decoding quietly does.
   *
   * @param rawQuery the query string as sent, without the {@code ?}; null when there is none
   * @throws BadParameterException for an encoding or a value that cannot be read
   */
  static SearchRequest read(String rawQuery) {
    return parse(decode(rawQuery));
  }

  /** The parameters of a raw query string, decoded strictly as UTF-8. */
  static Map<String, List<String>> decode(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = percentDecode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : percentDecode(pair.substring(equals + 1));
      params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String percentDecode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
        if (low < 0) {
          throw malformed();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed();
    }
  }

  private static BadParameterException malformed() {
    return new BadParameterException(
        "The query string is not valid percent-encoded UTF-8; encode each parameter as UTF-8.",
        "検索条件の文字を読み取れませんでした。もう一度入力してください。");
  }

  /**
   * Reads the parameters; empty values count as absent (a submitted form sends {@code type=}).
   *
   * @throws BadParameterException for a value that cannot be read, saying which and why
   */
  static SearchRequest parse(Map<String, List<String>> params) {
    String query = single(params, Q);
    query = query == null ? "" : query.strip();
    if (query.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new BadParameterException(
          "The query is "
              + query.length()
              + " characters long; the longest accepted is "
              + SearchRequest.MAX_QUERY_LENGTH
              + ".",
          "検索語が長すぎます。" + SearchRequest.MAX_QUERY_LENGTH + "文字以内にしてください。");
    }
    DocType type = docType(single(params, TYPE));
    String outlet = outlet(single(params, OUTLET));
    LocalDate from = date(FROM, single(params, FROM));
    LocalDate to = date(TO, single(params, TO));
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadParameterException(
          "The date range is empty: from (" + from + ") is after to (" + to + ").",
          "期間の開始日（" + from + "）が終了日（" + to + "）より後になっています。");
    }
    Sort sort = sort(single(params, SORT));
    int page = wholeNumber(PAGE, single(params, PAGE), 1, Integer.MAX_VALUE, 1);
    int size =
        wholeNumber(
            SIZE, single(params, SIZE), 1, SearchRequest.MAX_SIZE, SearchRequest.DEFAULT_SIZE);
    if ((long) page * size > MAX_RESULT_WINDOW) {
      throw new BadParameterException(
          "Only the first "
              + MAX_RESULT_WINDOW
              + " hits can be paged through, and page "
              + page
              + " of "
              + size
              + " goes beyond them; narrow the search instead.",
          "表示できるのは先頭から" + MAX_RESULT_WINDOW + "件までです。条件を絞り込んでください。");
    }
    return new SearchRequest(query, type, outlet, from, to, sort, page, size);
  }

  /** The one value of a parameter, null when absent or empty. */
  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new BadParameterException(
          "The parameter " + name + " was given " + values.size() + " times; give it once.",
          "同じ条件（" + name + "）が" + values.size() + "回指定されています。");
    }
    String value = values.getFirst();
    return value == null || value.isEmpty() ? null : value;
  }

  private static DocType docType(String value) {
    if (value == null) {
      return null;
    }
    for (DocType type : DocType.values()) {
      if (type.value().equals(value)) {
        return type;
      }
    }
    throw new BadParameterException(
        "The parameter type must be post or article, not " + quoted(value) + ".",
        "種類は「記事」か「投稿」を選んでください。");
  }

  private static Sort sort(String value) {
    if (value == null) {
      return Sort.RELEVANCE;
    }
    for (Sort sort : Sort.values()) {
      if (sort.value().equals(value)) {
        return sort;
      }
    }
    throw new BadParameterException(
        "The parameter sort must be relevance, newest or oldest, not " + quoted(value) + ".",
        "並び順は「関連度」「新しい順」「古い順」から選んでください。");
  }

  private static String outlet(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String outlet = value.strip();
    if (outlet.length() > MAX_OUTLET_LENGTH) {
      throw new BadParameterException(
          "The parameter outlet is "
              + outlet.length()
              + " characters long; the longest accepted is "
              + MAX_OUTLET_LENGTH
              + ".",
          "媒体名が長すぎます。" + MAX_OUTLET_LENGTH + "文字以内にしてください。");
    }
    return outlet;
  }

  private static LocalDate date(String name, String value) {
    if (value == null) {
      return null;
    }
    if (ISO_DATE.matcher(value).matches()) {
      try {
        // ISO_LOCAL_DATE resolves strictly, so 2015-02-30 is refused rather than moved to March.
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        // falls through to the one message below
      }
    }
    String label = name.equals(FROM) ? "開始日" : "終了日";
    throw new BadParameterException(
        "The parameter "
            + name
            + " must be a real date written YYYY-MM-DD, not "
            + quoted(value)
            + ".",
        "期間の" + label + "は、実在する日付を YYYY-MM-DD の形で指定してください。");
  }

  private static int wholeNumber(String name, String value, int min, int max, int absent) {
    if (value == null) {
      return absent;
    }
    if (DIGITS.matcher(value).matches()) {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    }
    String range =
        max == Integer.MAX_VALUE ? "of " + min + " or more" : "from " + min + " to " + max;
    String rangeJa = max == Integer.MAX_VALUE ? min + "以上" : min + "〜" + max;
    String what = name.equals(PAGE) ? "ページ番号" : "表示件数";
    throw new BadParameterException(
        "The parameter "
            + name
            + " must be a whole number "
            + range
            + ", not "
            + quoted(value)
            + ".",
        what + "は" + rangeJa + "の整数で指定してください。");
  }

  /** The value in quotes, cut short so that a huge value cannot make a huge message. */
  private static String quoted(String value) {
    String shown =
        value.codePointCount(0, value.length()) > MAX_QUOTED_VALUE
            ? value.substring(0, value.offsetByCodePoints(0, MAX_QUOTED_VALUE)) + "…"
            : value;
    return "\"" + shown + "\"";
  }
}
