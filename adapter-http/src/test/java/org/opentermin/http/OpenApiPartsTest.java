package org.opentermin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The per-feature parts of the API description and the one document joined from them: valid OpenAPI
 * 3.1, nothing defined twice, nothing lost, every reference resolvable.
 */
class OpenApiPartsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void joinedDocumentIsValidOpenApi31() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser()
            .readContents(
                new String(OpenApiParts.document(), StandardCharsets.UTF_8), null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getInfo().getTitle()).isEqualTo("OpenTermin API");
  }

  @Test
  void everyPathAndComponentOfEveryPartIsInTheJoinedDocumentOnce() throws IOException {
    JsonNode joined = JSON.readTree(OpenApiParts.document());
    List<String> defined = new ArrayList<>();
    OpenApiParts.read()
        .forEach(
            (part, content) -> {
              content
                  .path("paths")
                  .fieldNames()
                  .forEachRemaining(path -> defined.add("paths " + path));
              content
                  .path("components")
                  .properties()
                  .forEach(
                      kind ->
                          kind.getValue()
                              .fieldNames()
                              .forEachRemaining(name -> defined.add(kind.getKey() + " " + name)));
            });
    List<String> inJoined = new ArrayList<>();
    joined.path("paths").fieldNames().forEachRemaining(path -> inJoined.add("paths " + path));
    joined
        .path("components")
        .properties()
        .forEach(
            kind ->
                kind.getValue()
                    .fieldNames()
                    .forEachRemaining(name -> inJoined.add(kind.getKey() + " " + name)));

    assertThat(defined)
        .as("paths and components across the parts")
        .doesNotHaveDuplicates()
        .hasSizeGreaterThan(100);
    assertThat(inJoined).containsExactlyInAnyOrderElementsOf(defined);
  }

  @Test
  void everyReferencePointsToSomethingInTheJoinedDocument() throws IOException {
    JsonNode joined = JSON.readTree(OpenApiParts.document());
    Set<String> references = new TreeSet<>();
    collectReferences(joined, references);

    assertThat(references).as("references in the joined document").hasSizeGreaterThan(100);
    assertThat(
            references.stream()
                .filter(
                    ref -> !ref.startsWith("#/") || joined.at(ref.substring(1)).isMissingNode()))
        .as("references to nothing")
        .isEmpty();
  }

  @Test
  void everyFileBesideThePartsIsOneOfThem() throws IOException, URISyntaxException {
    Path directory = Path.of(OpenApiParts.class.getResource(OpenApiParts.DIRECTORY).toURI());
    Set<String> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files =
          listed
              .map(file -> file.getFileName().toString())
              .collect(Collectors.toCollection(TreeSet::new));
    }

    assertThat(files).containsExactlyInAnyOrderElementsOf(OpenApiParts.PARTS);
  }

  @Test
  void aPathDefinedInTwoPartsStopsTheJoin() {
    Map<String, JsonNode> parts =
        parts(
            "root.json",
                "{'openapi': '3.1.0', 'info': {'title': 't', 'version': '1'}, 'paths': {'/a': {}}}",
            "booking.json", "{'paths': {'/b': {}}}",
            "staff.json", "{'paths': {'/a': {'get': {}}}}");

    assertThatThrownBy(() -> OpenApiParts.join(parts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path /a is defined in both root.json and staff.json");
  }

  @Test
  void aComponentDefinedInTwoPartsStopsTheJoin() {
    Map<String, JsonNode> parts =
        parts(
            "root.json", "{'openapi': '3.1.0', 'info': {'title': 't', 'version': '1'}}",
            "booking.json",
                "{'components': {'schemas': {'Id': {'type': 'string'}}, 'parameters': {'Id': {}}}}",
            "shared.json", "{'components': {'schemas': {'Id': {'type': 'integer'}}}}");

    assertThatThrownBy(() -> OpenApiParts.join(parts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("component schemas/Id is defined in both booking.json and shared.json");
  }

  @Test
  void componentsOfDifferentKindsMayShareAName() {
    Map<String, JsonNode> parts =
        parts(
            "root.json",
                "{'openapi': '3.1.0', 'info': {'title': 't', 'version': '1'}, 'servers': [{'url':"
                    + " '/'}]}",
            "booking.json",
                "{'paths': {'/b': {'get': {}}}, 'components': {'schemas': {'Id': {'type':"
                    + " 'string'}}}}",
            "shared.json", "{'components': {'parameters': {'Id': {'name': 'id'}}}}");

    JsonNode joined = OpenApiParts.join(parts);

    assertThat(joined.at("/components/schemas/Id/type").asText()).isEqualTo("string");
    assertThat(joined.at("/components/parameters/Id/name").asText()).isEqualTo("id");
    assertThat(joined.at("/paths/~1b/get").isObject()).isTrue();
    assertThat(joined.at("/servers/0/url").asText()).isEqualTo("/");
  }

  @Test
  void onlyTheRootDescribesTheDocument() {
    Map<String, JsonNode> parts =
        parts(
            "root.json", "{'openapi': '3.1.0', 'info': {'title': 't', 'version': '1'}}",
            "booking.json", "{'info': {'title': 'other', 'version': '2'}}");

    assertThatThrownBy(() -> OpenApiParts.join(parts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("info belongs in the root part root.json, not in booking.json");
  }

  @Test
  void aPartWithAFieldNoOpenApiDocumentHasStopsTheJoin() {
    Map<String, JsonNode> parts =
        parts(
            "root.json", "{'openapi': '3.1.0', 'info': {'title': 't', 'version': '1'}}",
            "booking.json", "{'components': {'schema': {'Id': {'type': 'string'}}}}");

    assertThatThrownBy(() -> OpenApiParts.join(parts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OpenAPI part booking.json has components of no known kind: schema");
  }

  /** Parts from alternating names and JSON texts (with ' for "), in that order. */
  private static Map<String, JsonNode> parts(String... namesAndTexts) {
    Map<String, JsonNode> parts = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      try {
        parts.put(namesAndTexts[i], JSON.readTree(namesAndTexts[i + 1].replace('\'', '"')));
      } catch (IOException notJson) {
        throw new UncheckedIOException(notJson);
      }
    }
    return parts;
  }

  private static void collectReferences(JsonNode node, Set<String> references) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                  references.add(field.getValue().asText());
                } else {
                  collectReferences(field.getValue(), references);
                }
              });
    } else if (node.isArray()) {
      node.forEach(element -> collectReferences(element, references));
    }
  }
}
