package io.kirinuki.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirinuki.search.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document says what the code does about parameters (answers: see the API tests). */
class OpenApiDocumentTest {
  private final OpenApiDocument openApi = new OpenApiDocument();

  private JsonNode searchParameter(String name) {
    for (JsonNode parameter : openApi.root().at("/paths/~1api~1search/get/parameters")) {
      if (parameter.get("name").asText().equals(name)) {
        return parameter.get("schema");
      }
    }
    throw new AssertionError("no parameter " + name);
  }

  @Test
  void declaresExactlyTheSearchParametersTheParserReads() {
    List<String> names = new ArrayList<>();
    openApi
        .root()
        .at("/paths/~1api~1search/get/parameters")
        .forEach(parameter -> names.add(parameter.get("name").asText()));
    assertEquals(SearchParams.NAMES, names);
  }

  @Test
  void declaresTheSameLimitsAndChoicesAsTheCode() {
    assertEquals(SearchRequest.MAX_QUERY_LENGTH, searchParameter("q").get("maxLength").asInt());
    assertEquals(
        SearchParams.MAX_OUTLET_LENGTH, searchParameter("outlet").get("maxLength").asInt());
    assertEquals(SearchRequest.MAX_SIZE, searchParameter("size").get("maximum").asInt());
    assertEquals(SearchRequest.DEFAULT_SIZE, searchParameter("size").get("default").asInt());
    assertEquals(
        Arrays.stream(SearchRequest.DocType.values()).map(SearchRequest.DocType::value).toList(),
        texts(searchParameter("type").get("enum")));
    assertEquals(
        Arrays.stream(SearchRequest.Sort.values()).map(SearchRequest.Sort::value).toList(),
        texts(searchParameter("sort").get("enum")));
  }

  @Test
  void declaresAnAnswerForEveryRoute() {
    assertEquals(
        List.of(
            "GET /api/documents/{id} 200",
            "GET /api/documents/{id} 404",
            "GET /api/documents/{id} 503",
            "GET /api/health 200",
            "GET /api/openapi.json 200",
            "GET /api/search 200",
            "GET /api/search 400",
            "GET /api/search 503"),
        List.copyOf(openApi.declaredResponses()));
  }

  @Test
  void rejectsAnAnswerThatDriftedFromTheSchema() {
    // The validator itself must be able to fail: a hit missing postId, an error with no text.
    assertEquals(
        List.of("$: required property 'documents' not found"),
        openApi.problems("/api/health", 200, "{\"status\":\"ok\"}"));
    assertEquals(
        List.of("$.error: must be at least 1 characters long"),
        openApi.problems("/api/search", 400, "{\"status\":400,\"error\":\"\"}"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
