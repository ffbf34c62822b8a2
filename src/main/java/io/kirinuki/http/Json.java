package io.kirinuki.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON form of the API: records as objects, dates as {@code YYYY-MM-DD}, nulls kept. */
final class Json {
  private Json() {}

  /**
   * A mapper for the API's records. Nulls stay in the output because the contract names them
   * ({@code "outlet": null} for a post).
   */
  static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** The answer of {@code GET /api/health}. */
  record Health(String status, long documents) {}

  /** The body of every error answer: {@code {"status": 400, "error": "one sentence"}}. */
  record ApiError(int status, String error) {}
}
