package io.kirinuki.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hand-written OpenAPI document, read for tests: the schema each (path, status) declares, and a
 * check of a real answer body against it.
 */
final class OpenApiDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** JSON Schema 2020-12 (what OpenAPI 3.1 schemas are), told that "components" holds no rule. */
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.metaSchema(
                  JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                      .keyword(new NonValidationKeyword("components"))
                      .build()));

  private final JsonNode document;

  OpenApiDocument() {
    try {
      document = JSON.readTree(WebServer.resourceText(WebServer.OPENAPI_RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode root() {
    return document;
  }

  /** Every {@code "GET path status"} the document declares, sorted. */
  Set<String> declaredResponses() {
    Set<String> declared = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .get("get")
          .get("responses")
          .fieldNames()
          .forEachRemaining(status -> declared.add("GET " + path.getKey() + " " + status));
    }
    return declared;
  }

  /**
   * What is wrong with {@code body} as the answer {@code status} of {@code GET pathTemplate}; empty
   * when it conforms.
   */
  List<String> problems(String pathTemplate, int status, String body) {
    JsonNode response =
        document.at(
            "/paths/"
                + pathTemplate.replace("~", "~0").replace("/", "~1")
                + "/get/responses/"
                + status);
    if (response.isMissingNode()) {
      return List.of("the document declares no answer " + status + " for GET " + pathTemplate);
    }
    JsonNode schemaNode = response.at("/content/application~1json/schema");
    // The schema is checked inside a copy of the whole document, so that its $refs to
    // #/components/schemas/... resolve.
    ObjectNode schema = JSON.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.setAll((ObjectNode) schemaNode.deepCopy());
    schema.set("components", document.get("components"));
    JsonSchema validator = SCHEMAS.getSchema(schema);
    List<String> problems = new ArrayList<>();
    try {
      for (ValidationMessage message : validator.validate(JSON.readTree(body))) {
        problems.add(message.getMessage());
      }
    } catch (IOException e) {
      problems.add("the body is not JSON: " + e.getMessage());
    }
    return problems;
  }
}
