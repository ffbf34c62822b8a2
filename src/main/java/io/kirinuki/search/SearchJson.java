package io.kirinuki.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of search results and documents, so that {@code kirinuki search --json}
 * prints exactly what {@code GET /api/search} answers.
 */
public final class SearchJson {
  private SearchJson() {}

  /** A mapper that writes dates as {@code YYYY-MM-DD} and keeps null fields. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }
}
