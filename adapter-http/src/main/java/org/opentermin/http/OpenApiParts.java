package org.opentermin.http;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API description, written by hand as one file per feature under {@code openapi/} beside this
 * class and joined into the one document served at {@code /openapi.json}. The root part holds what
 * the document says once ({@code openapi}, {@code info}, {@code servers}, {@code tags}); every part
 * may add paths and components, and a path or component that two parts define stops the join, so
 * that no part silently replaces another's. References ({@code #/components/...}) point into the
 * joined document, whichever part defines their target.
 */
final class OpenApiParts {

  static final String DIRECTORY = "/org/opentermin/http/openapi/";

  /** The part that describes the document itself. */
  static final String ROOT = "openapi.json";

  /**
   * Every part, in the order of the joined document: the root first, features, then shared parts.
   */
  static final List<String> PARTS =
      List.of(
          ROOT,
          "booking.json",
          "staff.json",
          "admin.json",
          "fairness.json",
          "routing.json",
          "privacy.json",
          "audit.json",
          "operations.json",
          "shared.json",
          "problems.json");

  private static final String PATHS = "paths";
  private static final String COMPONENTS = "components";

  /** Only the root says these. */
  private static final Set<String> DOCUMENT_FIELDS =
      Set.of("openapi", "info", "servers", "tags", "security", "externalDocs");

  /** The kinds of components OpenAPI 3.1 knows, in the order of its specification. */
  private static final List<String> COMPONENT_KINDS =
      List.of(
          "schemas",
          "responses",
          "parameters",
          "examples",
          "requestBodies",
          "headers",
          "securitySchemes",
          "links",
          "callbacks",
          "pathItems");

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenApiParts() {}

  /** The served document, joined from the parts on the class path. */
  static byte[] document() {
    try {
      return JSON.writeValueAsBytes(join(read()));
    } catch (JsonProcessingException unwritable) {
      throw new IllegalStateException("cannot write the joined OpenAPI document", unwritable);
    }
  }

  /**
   * Writes the joined document, indented, to the file named by the only argument: the build lints
   * that file.
   */
  public static void main(String[] args) throws IOException {
    checkArgument(args.length == 1, "usage: OpenApiParts <file to write>");
    Path file = Path.of(args[0]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), join(read()));
  }

  /** The parts on the class path by name, in the order of {@link #PARTS}. */
  static Map<String, JsonNode> read() {
    Map<String, JsonNode> parts = new LinkedHashMap<>();
    for (String name : PARTS) {
      try {
        parts.put(name, JSON.readTree(resource(name)));
      } catch (IOException unreadable) {
        throw new UncheckedIOException("OpenAPI part " + name + " is not JSON", unreadable);
      }
    }
    return parts;
  }

  /**
   * One document from {@code parts} in their iteration order, the first of which is the root.
   *
   * @throws IllegalArgumentException when two parts define one path or component, a part other than
   *     the root says what only the root says, or a part holds what no OpenAPI document does
   */
  static ObjectNode join(Map<String, JsonNode> parts) {
    checkArgument(!parts.isEmpty(), "no OpenAPI parts");
    ObjectNode document = JSON.createObjectNode();
    ObjectNode paths = JSON.createObjectNode();
    Map<String, ObjectNode> components = new LinkedHashMap<>();
    Map<String, String> definedIn = new HashMap<>();
    String root = parts.keySet().iterator().next();
    parts.forEach(
        (part, content) -> {
          checkArgument(content.isObject(), "OpenAPI part %s is not a JSON object", part);
          for (Map.Entry<String, JsonNode> field : content.properties()) {
            String name = field.getKey();
            if (name.equals(PATHS)) {
              addAll(paths, field.getValue(), part, "path ", definedIn);
            } else if (name.equals(COMPONENTS)) {
              checkArgument(
                  field.getValue().isObject(),
                  "components in OpenAPI part %s are not a JSON object",
                  part);
              for (Map.Entry<String, JsonNode> kind : field.getValue().properties()) {
                checkArgument(
                    COMPONENT_KINDS.contains(kind.getKey()),
                    "OpenAPI part %s has components of no known kind: %s",
                    part,
                    kind.getKey());
                ObjectNode named =
                    components.computeIfAbsent(kind.getKey(), any -> JSON.createObjectNode());
                addAll(named, kind.getValue(), part, "component " + kind.getKey() + "/", definedIn);
              }
            } else {
              checkArgument(
                  DOCUMENT_FIELDS.contains(name) || name.startsWith("x-"),
                  "OpenAPI part %s has an unknown field %s",
                  part,
                  name);
              checkArgument(
                  part.equals(root), "%s belongs in the root part %s, not in %s", name, root, part);
              document.set(name, field.getValue());
            }
          }
        });
    document.set(PATHS, paths);
    ObjectNode ordered = document.putObject(COMPONENTS);
    COMPONENT_KINDS.stream()
        .filter(components::containsKey)
        .forEach(kind -> ordered.set(kind, components.get(kind)));
    return document;
  }

  private static byte[] resource(String part) throws IOException {
    try (InputStream in = OpenApiParts.class.getResourceAsStream(DIRECTORY + part)) {
      if (in == null) {
        throw new IllegalStateException("missing OpenAPI part " + DIRECTORY + part);
      }
      return in.readAllBytes();
    }
  }

  private static void addAll(
      ObjectNode into, JsonNode entries, String part, String what, Map<String, String> definedIn) {
    checkArgument(entries.isObject(), "%s in OpenAPI part %s is not a JSON object", what, part);
    for (Map.Entry<String, JsonNode> entry : entries.properties()) {
      String previous = definedIn.putIfAbsent(what + entry.getKey(), part);
      checkArgument(
          previous == null,
          "%s%s is defined in both %s and %s",
          what,
          entry.getKey(),
          previous,
          part);
      into.set(entry.getKey(), entry.getValue());
    }
  }
}
