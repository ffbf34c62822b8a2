package io.kirinuki.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirinuki.search.SearchJson;

/** The JSON form of the API: records as objects, dates as {@code YYYY-MM-DD}, nulls kept. */
final class Json {
  private Json() {}

  /**
   * The search core's mapper, so that {@code kirinuki search --json} prints exactly what {@code GET
   * /api/search} answers. Nulls stay in the output because the contract names them ({@code
   * "outlet": null} for a post).
   */
  static ObjectMapper mapper() {
    return SearchJson.mapper();
  }

  /** The answer of {@code GET /api/health}. */
  record Health(String status, long documents) {}

  /** The body of every error answer: {@code {"status": 400, "error": "one sentence"}}. */
  record ApiError(int status, String error) {}
}
