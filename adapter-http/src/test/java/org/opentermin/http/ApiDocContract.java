package org.opentermin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The contract that {@code openapi.json} states, checkable: whether an answer the server gave is
 * documented for its route and status and fits the documented schema, whether the document's
 * examples fit their schemas, and whether its schemas are valid JSON Schema 2020-12 (the dialect of
 * OpenAPI 3.1).
 */
final class ApiDocContract {

  /** Where the document's schemas live for the validator; it is never fetched. */
  private static final String DOCUMENT_URI = "https://opentermin.org/openapi.json";

  private static final String JSON_SCHEMA_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  /** The pointers of schemas and of their properties' and items' schemas, where examples stand. */
  private static final String SCHEMA_OR_PART_OF_ONE =
      "(/components/schemas/[^/]+|.*/schema)(/properties/[^/]+|/items)*";

  private static final List<String> DOCUMENT_FIELDS =
      List.of(
          "openapi",
          "info",
          "jsonSchemaDialect",
          "servers",
          "paths",
          "webhooks",
          "components",
          "security",
          "tags",
          "externalDocs");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;
  private final SchemaRegistry registry;

  ApiDocContract(String documentText) {
    String strict;
    try {
      this.document = JSON.readTree(documentText);
      strict = JSON.writeValueAsString(closed(document.deepCopy()));
    } catch (IOException notJson) {
      throw new UncheckedIOException(notJson);
    }
    // The document's own fields are no schema keywords; named, they are skipped without a warning.
    Dialect dialect =
        Dialect.builder(Dialects.getOpenApi31())
            .keywords(DOCUMENT_FIELDS.stream().map(NonValidationKeyword::new).toList())
            .build();
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            dialect,
            builder -> builder.schemas(Map.of(DOCUMENT_URI, strict)).schemaRegistryConfig(config));
  }

  /**
   * What is wrong with an exchange on the route {@code template}: an answer with a status or media
   * type the document does not list for it, or a JSON body that does not fit the documented schema;
   * or a request body ({@code null} for none) of {@code requestType} that the server accepted but
   * the document would not.
   */
  List<String> violations(
      String method,
      String template,
      String request,
      String requestType,
      int status,
      String contentType,
      String body) {
    String route = method.toUpperCase(Locale.ROOT) + " " + template;
    String operation = pointer("", "paths", template, method.toLowerCase(Locale.ROOT));
    if (document.at(operation).isMissingNode()) {
      return List.of(route + " is not documented");
    }
    List<String> violations = new ArrayList<>();
    if (request != null && status < 300 && !requestType.equals("application/json")) {
      if (document.at(pointer(operation, "requestBody", "content", requestType)).isMissingNode()) {
        violations.add(route + " took a " + requestType + " body, which is not documented");
      }
    } else if (request != null && status < 300) {
      String requestSchema =
          pointer(operation, "requestBody", "content", "application/json", "schema");
      if (document.at(requestSchema).isMissingNode()) {
        violations.add(route + " took a JSON body, which is not documented");
      } else {
        violations.addAll(
            describe(route + " request", schemaAt(requestSchema).validate(readJson(request))));
      }
    }
    violations.addAll(answerViolations(route, operation, status, contentType, body));
    return violations;
  }

  private List<String> answerViolations(
      String route, String operation, int status, String contentType, String body) {
    String response = follow(pointer(operation, "responses", Integer.toString(status)));
    if (document.at(response).isMissingNode()) {
      return List.of(route + " answered " + status + ", which is not documented: " + body);
    }
    if (!document.at(response).has("content")) {
      // Documented without content, such as a 204: the answer must have none either.
      return body == null || body.isEmpty()
          ? List.of()
          : List.of(route + " answered " + status + " with a body, which is not documented");
    }
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim();
    String schema = pointer(response, "content", mediaType, "schema");
    if (document.at(schema).isMissingNode()) {
      return List.of(
          route + " answered " + status + " as " + mediaType + ", which is not documented");
    }
    if (!mediaType.endsWith("json")) {
      return List.of();
    }
    return describe(route + " " + status, schemaAt(schema).validate(readJson(body)));
  }

  /** Every example of a media type, parameter or schema that does not fit the schema beside it. */
  List<String> invalidExamples() {
    List<String> invalid = new ArrayList<>();
    walk(
        document,
        "",
        (node, at) -> {
          boolean schemaItself = at.matches(SCHEMA_OR_PART_OF_ONE);
          if (!node.has("schema") && !schemaItself) {
            return;
          }
          String schema = schemaItself ? at : pointer(at, "schema");
          List<JsonNode> examples = new ArrayList<>();
          if (node.has("example")) {
            examples.add(node.get("example"));
          }
          if (node.path("examples").isArray()) {
            node.get("examples").forEach(examples::add);
          } else if (node.path("examples").isObject()) {
            // Named examples of media types and parameters: Example Objects, possibly shared.
            node.get("examples")
                .forEach(
                    example ->
                        examples.add(
                            (example.has("$ref") ? document.at(follow(example, "")) : example)
                                .path("value")));
          }
          for (JsonNode example : examples) {
            invalid.addAll(describe("example at " + at, schemaAt(schema).validate(example)));
          }
        });
    return invalid;
  }

  /** Every schema in the document that is not a valid JSON Schema 2020-12. */
  List<String> invalidSchemas() {
    Schema metaSchema = registry.getSchema(SchemaLocation.of(JSON_SCHEMA_2020_12));
    List<String> invalid = new ArrayList<>();
    walk(
        document,
        "",
        (node, at) -> {
          if (isSchema(at)) {
            invalid.addAll(describe("schema at " + at, metaSchema.validate(node)));
          }
        });
    return invalid;
  }

  /**
   * The document with every object schema closed to properties it does not list. The published
   * document leaves response objects open, so that fields can be added without breaking clients;
   * checked against the closed one, a field the server sends but the document lacks shows up.
   */
  private static JsonNode closed(JsonNode document) {
    walk(
        document,
        "",
        (node, at) -> {
          if (node.has("properties") && !node.has("additionalProperties")) {
            ((ObjectNode) node).put("additionalProperties", false);
          }
        });
    return document;
  }

  /** Only the outermost schemas: the validation of each covers the schemas nested in it. */
  private static boolean isSchema(String at) {
    return at.matches("/components/schemas/[^/]+")
        || (at.endsWith("/schema") && !at.startsWith("/components/schemas/"));
  }

  private Schema schemaAt(String pointer) {
    return registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + encode(pointer)));
  }

  /** The pointer of the object {@code at} names, after its {@code $ref}, if it has one. */
  private String follow(String at) {
    return follow(document.at(at), at);
  }

  /**
   * The pointer of the object ({@code node}, found at {@code at}) that it refers to, or {@code at}.
   */
  private static String follow(JsonNode node, String at) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#") ? ref.substring(1) : at;
  }

  /** Calls {@code visit} with every object in the tree and its JSON pointer. */
  private static void walk(JsonNode node, String at, BiConsumer<JsonNode, String> visit) {
    if (node.isObject()) {
      visit.accept(node, at);
      node.properties()
          .forEach(field -> walk(field.getValue(), pointer(at, field.getKey()), visit));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at + "/" + i, visit);
      }
    }
  }

  /**
   * A JSON pointer (RFC 6901) from the pointer {@code base} ({@code ""} for the root) through the
   * given names.
   */
  private static String pointer(String base, String... names) {
    StringBuilder pointer = new StringBuilder(base);
    for (String name : names) {
      pointer.append('/').append(escape(name));
    }
    return pointer.toString();
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** A JSON pointer as a URI fragment: path templates' braces must be percent-encoded there. */
  private static String encode(String pointer) {
    return URLEncoder.encode(pointer, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%2F", "/")
        .replace("%7E", "~");
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      throw new AssertionError("not JSON: " + text, notJson);
    }
  }

  private static List<String> describe(String where, List<Error> errors) {
    return errors.stream()
        .map(error -> where + ": " + error.getInstanceLocation() + " " + error.getMessage())
        .toList();
  }
}
