package io.kirinuki.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a post as the one-line JSON of {@code kirinuki parse --json}: keys in the documented
 * order, dates as {@code YYYY-MM-DD} or null.
 */
public final class PostJson {
  private PostJson() {}

  /** Configured once; an ObjectMapper is thread-safe after configuration. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** The mapper used for posts (JavaTimeModule, ISO dates), for callers that write more JSON. */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  /** The post as one line of JSON, no line break at the end. */
  public static String toJson(Post post) {
    try {
      return MAPPER.writeValueAsString(toMap(post));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The post as an ordered map, keys in the order of the JSON line. */
  public static Map<String, Object> toMap(Post post) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", post.id());
    m.put("file", post.file());
    m.put("url", post.url());
    m.put("date", post.date());
    m.put("title", post.title());
    m.put("commentary", post.commentary());
    m.put("comments", post.comments());
    List<Map<String, Object>> articles = new ArrayList<>();
    for (Article a : post.articles()) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("id", a.id());
      am.put("title", a.title());
      am.put("outlet", a.outlet());
      am.put("outletRaw", a.outletRaw());
      am.put("date", a.date());
      am.put("author", a.author());
      am.put("body", a.body());
      articles.add(am);
    }
    m.put("articles", articles);
    m.put("warnings", post.warnings());
    m.put("sources", post.sources());
    return m;
  }
}
