package org.opentermin.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Hostile requests drawn from the API's own description: an operation of the served {@code
 * openapi.json} with its parameters and body made from its examples and schemas, then broken in one
 * to three places (wrong types, huge numbers, dates at java.time's ends, odd Unicode, missing and
 * extra fields, long strings, bad percent escapes). Each request comes from one seed alone, so that
 * a request that found something is replayed by its seed.
 *
 * <p>Writes go to the fuzzing office only, and the admin token goes only with reads and with writes
 * that cannot touch what other tests set up, so that the running app shared by all end-to-end tests
 * stays as they expect it.
 */
final class RequestFuzzer {

  /** Marks every personal datum and secret sent, so that the log can be searched for them. */
  static final String PERSON_MARKER = "Fuzzperson";

  static final String SECRET_MARKER = "fuzzsecret";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> METHODS = List.of("get", "post", "put", "delete");
  private static final List<String> ODD_METHODS =
      List.of("PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND");
  private static final List<String> BAD_ESCAPES =
      List.of(
          "%u002e",
          "%", "%zz", "%2", "%00", "..%2f..%2f", "%ff%fe", "%e2%80%ae", "%ED%A0%80", "%C0%AE");
  private static final List<String> EXTREME_DATES =
      List.of(
          "+999999999-12-31",
          "-999999999-01-01",
          "+294277-01-01",
          "0000-01-01",
          "1970-01-01",
          "2026-02-30",
          "2026-13-01",
          "9999-12-31",
          "1899-12-31",
          "2200-01-01",
          "2026-12-01T25:00:00Z",
          "+999999999-12-31T23:59:59.999999999-18:00",
          "-999999999-01-01T00:00:00+18:00",
          "2026-12-01T08:00:00+25:00",
          "2026-12-01T08:00",
          "P1D",
          "now",
          "");
  private static final List<String> ODD_TEXT =
      List.of(
          "\ud800",
          "a\udc00b",
          "\u0000",
          "\u202eevil",
          "😀👩‍👩‍👧‍👦",
          "Ǆ\u0301\u0308",
          "\uffff\ufffe",
          "\r\nX-Injected: yes",
          "<script>alert(1)</script>",
          "' OR 1=1 --",
          "${jndi:ldap://x}",
          "../../etc/passwd",
          "NaN",
          "-0",
          "1e309",
          " ",
          "\t",
          "ß".repeat(40));

  private final ObjectNode document;
  private final List<Operation> operations = new ArrayList<>();
  private final String fuzzOffice;
  private final String fuzzService;
  private final String adminToken;

  /** One operation of the description: method, path template, parameters and JSON body, if any. */
  record Operation(
      String method,
      String path,
      List<JsonNode> parameters,
      JsonNode bodySchema,
      JsonNode bodyExample) {}

  /** A request as sent: method, target (path and query), headers and body. */
  record Request(
      long seed, String method, String target, Map<String, String> headers, String body) {

    String raw() {
      StringBuilder raw =
          new StringBuilder(method)
              .append(' ')
              .append(target)
              .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      headers.forEach((name, value) -> raw.append(name).append(": ").append(value).append("\r\n"));
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        raw.append("Content-Type: application/json\r\nContent-Length: ")
            .append(bytes.length)
            .append("\r\n");
      }
      raw.append("Connection: close\r\n\r\n");
      return body == null ? raw.toString() : raw + body;
    }

    @Override
    public String toString() {
      String shownBody =
          body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
      String shownTarget = target.length() > 300 ? target.substring(0, 300) + "…" : target;
      return "seed "
          + seed
          + ": "
          + method
          + " "
          + shownTarget
          + " "
          + headers.keySet()
          + shownBody;
    }
  }

  RequestFuzzer(JsonNode openApi, String fuzzOffice, String fuzzService, String adminToken) {
    this.document = (ObjectNode) openApi;
    this.fuzzOffice = fuzzOffice;
    this.fuzzService = fuzzService;
    this.adminToken = adminToken;
    openApi
        .get("paths")
        .fields()
        .forEachRemaining(
            path -> {
              List<JsonNode> shared = list(path.getValue().get("parameters"));
              for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                  continue;
                }
                List<JsonNode> parameters = new ArrayList<>(shared);
                parameters.addAll(list(operation.get("parameters")));
                parameters.replaceAll(this::resolve);
                JsonNode content =
                    operation.path("requestBody").path("content").path("application/json");
                JsonNode example =
                    content.path("examples").elements().hasNext()
                        ? content.path("examples").elements().next().path("value")
                        : content.path("example");
                operations.add(
                    new Operation(
                        method.toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        parameters,
                        content.isMissingNode() ? null : resolve(content.path("schema")),
                        example.isMissingNode() ? null : example));
              }
            });
    if (operations.isEmpty()) {
      throw new AssertionError("the served openapi.json describes no operation");
    }
  }

  List<Operation> operations() {
    return operations;
  }

  /** The request of {@code seed}: the same seed gives the same request. */
  Request request(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Operation operation = operations.get(random.nextInt(operations.size()));
    boolean write = !operation.method().equals("GET");
    Map<String, String> pathValues = new LinkedHashMap<>();
    List<String[]> query = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    for (JsonNode parameter : operation.parameters()) {
      String name = parameter.path("name").asText();
      String in = parameter.path("in").asText();
      boolean required = parameter.path("required").asBoolean(false) || in.equals("path");
      if (!required && random.nextInt(3) == 0) {
        continue;
      }
      String value =
          text(name, resolve(parameter.path("schema")), parameter.path("example"), write, random);
      switch (in) {
        case "path" -> pathValues.put(name, encode(value));
        case "query" -> query.add(new String[] {name, encode(value)});
        case "header" -> headers.put(name, value.replaceAll("[\\r\\n]", ""));
        default -> {}
      }
    }
    JsonNode body = null;
    if (operation.bodySchema() != null) {
      body =
          operation.bodyExample() != null && random.nextBoolean()
              ? personalise(operation.bodyExample().deepCopy(), write, random)
              : value("", operation.bodySchema(), write, random, 0);
    }
    String method = operation.method();
    String rawBody = body == null ? null : body.toString();
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      switch (random.nextInt(10)) {
        case 0, 1 -> {
          if (!pathValues.isEmpty()) {
            String name = pick(new ArrayList<>(pathValues.keySet()), random);
            pathValues.put(
                name,
                random.nextBoolean() ? pick(BAD_ESCAPES, random) : encode(hostileText(random)));
          } else {
            query.add(
                new String[] {
                  pick(
                      List.of("from", "to", "date", "service", "mode", "limit", "cursor", "x"),
                      random),
                  pick(BAD_ESCAPES, random)
                });
          }
        }
        case 2, 3 -> {
          if (!query.isEmpty()) {
            query.get(random.nextInt(query.size()))[1] =
                random.nextInt(3) == 0 ? pick(BAD_ESCAPES, random) : encode(hostileText(random));
          } else {
            query.add(new String[] {"from", encode(pick(EXTREME_DATES, random))});
          }
        }
        case 4, 5, 6, 7 -> {
          if (body != null) {
            body = mutate(body, random);
            rawBody = body.toString();
          } else {
            headers.put(
                pick(
                    List.of("X-Manage-Token", "X-Entry-Token", "Accept-Language", "If-None-Match"),
                    random),
                SECRET_MARKER + random.nextInt(1_000_000));
          }
        }
        case 8 -> {
          if (rawBody != null) {
            rawBody =
                pick(
                    List.of(
                        "[]",
                        "null",
                        "{",
                        "{} {}",
                        "\"text\"",
                        "{\"a\":" + "[".repeat(3000) + "}",
                        rawBody + rawBody,
                        rawBody.substring(0, rawBody.length() / 2),
                        "{\"officeId\": \"\\ud800\"}",
                        "{\"x\": 1e999999}"),
                    random);
          }
        }
        default -> method = random.nextInt(4) == 0 ? pick(ODD_METHODS, random) : method;
      }
    }
    String path = operation.path();
    for (Map.Entry<String, String> value : pathValues.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", value.getValue());
    }
    StringBuilder target = new StringBuilder(path);
    for (int i = 0; i < query.size(); i++) {
      target.append(i == 0 ? '?' : '&').append(query.get(i)[0]).append('=').append(query.get(i)[1]);
    }
    authorise(operation, method, target.toString(), headers, random);
    return new Request(
        seed,
        method,
        target.toString(),
        headers,
        method.equals("GET") || method.equals("DELETE") ? null : rawBody);
  }

  private void authorise(
      Operation operation,
      String method,
      String target,
      Map<String, String> headers,
      SplittableRandom random) {
    if (!operation.path().startsWith("/api/v1/staff/")
        && !operation.path().startsWith("/api/v1/admin/")) {
      return;
    }
    boolean harmless =
        method.equals("GET")
            || target.contains("/" + fuzzOffice + "/")
            || target.endsWith("/" + fuzzOffice)
            || operation.path().equals("/api/v1/admin/tokens")
            || operation.path().startsWith("/api/v1/staff/bookings/");
    int choice = random.nextInt(10);
    if (harmless && choice < 7) {
      headers.put("Authorization", "Bearer " + adminToken);
    } else if (choice < 9) {
      headers.put(
          "Authorization",
          pick(
              List.of(
                  "Bearer ot_" + SECRET_MARKER + random.nextInt(1000),
                  "Basic " + SECRET_MARKER,
                  "Bearer",
                  "Bearer " + "x".repeat(5000)),
              random));
    }
  }

  /**
   * A value for a parameter: one the API knows for well-known names, else one fitting its schema.
   */
  private String text(
      String name, JsonNode schema, JsonNode example, boolean write, SplittableRandom random) {
    JsonNode value =
        switch (name) {
          case "officeId" ->
              NODES.textNode(
                  write ? fuzzOffice : pick(List.of("sbh-mitte", fuzzOffice, "sbh-nord"), random));
          case "service", "serviceId" ->
              NODES.textNode(pick(List.of(fuzzService, "wohngeld"), random));
          case "X-Manage-Token", "X-Entry-Token", "token" ->
              NODES.textNode(SECRET_MARKER + random.nextInt(1_000_000));
          case "from", "to", "date" ->
              NODES.textNode(
                  schema.path("format").asText().equals("date-time")
                      ? "2026-12-0" + (1 + random.nextInt(8)) + "T00:00:00Z"
                      : "2026-12-0" + (1 + random.nextInt(8)));
          default ->
              example.isMissingNode() || random.nextBoolean()
                  ? value(name, schema, write, random, 0)
                  : example;
        };
    return value.isTextual() ? value.asText() : value.toString();
  }

  /**
   * A value fitting {@code schema}, with the fuzzing office and marked personal data where names
   * say so.
   */
  private JsonNode value(
      String name, JsonNode schema, boolean write, SplittableRandom random, int depth) {
    schema = resolve(schema);
    for (String choice : List.of("oneOf", "anyOf")) {
      if (schema.has(choice)) {
        return value(name, pick(list(schema.get(choice)), random), write, random, depth);
      }
    }
    if (schema.has("allOf")) {
      return value(name, list(schema.get("allOf")).get(0), write, random, depth);
    }
    if (schema.has("enum")) {
      return pick(list(schema.get("enum")), random);
    }
    String type =
        schema.path("type").isArray()
            ? schema.path("type").get(0).asText()
            : schema.path("type").asText();
    switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        List<String> required =
            list(schema.get("required")).stream().map(JsonNode::asText).toList();
        if (depth < 6) {
          schema
              .path("properties")
              .fields()
              .forEachRemaining(
                  property -> {
                    if (required.contains(property.getKey()) || random.nextInt(3) > 0) {
                      object.set(
                          property.getKey(),
                          value(property.getKey(), property.getValue(), write, random, depth + 1));
                    }
                  });
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int size =
            depth < 6 ? random.nextInt(3) + (schema.path("minItems").asInt(0) > 0 ? 1 : 0) : 0;
        for (int i = 0; i < size; i++) {
          array.add(value(name, schema.path("items"), write, random, depth + 1));
        }
        return array;
      }
      case "integer", "number" -> {
        int minimum = schema.path("minimum").asInt(0);
        int maximum =
            Math.max(minimum, Math.min(schema.path("maximum").asInt(minimum + 60), minimum + 1000));
        return NODES.numberNode(minimum + random.nextInt(maximum - minimum + 1));
      }
      case "boolean" -> {
        return NODES.booleanNode(random.nextBoolean());
      }
      default -> {
        return NODES.textNode(string(name, schema, write, random));
      }
    }
  }

  private String string(String name, JsonNode schema, boolean write, SplittableRandom random) {
    String format = schema.path("format").asText();
    int day = 1 + random.nextInt(14);
    String date = "2026-12-" + (day < 10 ? "0" + day : day);
    return switch (format) {
      case "date" -> date;
      case "date-time" -> date + "T" + (8 + random.nextInt(4)) + ":00:00+01:00";
      case "email" ->
          PERSON_MARKER.toLowerCase(java.util.Locale.ROOT) + random.nextInt(1000) + "@example.org";
      case "time" -> (8 + random.nextInt(8)) + ":00";
      default ->
          switch (name) {
            case "officeId" -> write ? fuzzOffice : pick(List.of("sbh-mitte", fuzzOffice), random);
            case "serviceId" -> pick(List.of(fuzzService, "wohngeld"), random);
            case "name", "surname" ->
                PERSON_MARKER + " " + pick(List.of("Müller", "Öztürk", "Nguyễn"), random);
            case "email" ->
                PERSON_MARKER.toLowerCase(java.util.Locale.ROOT)
                    + random.nextInt(1000)
                    + "@example.org";
            case "phone" -> "+49 89 4711" + (100 + random.nextInt(900));
            case "note" -> PERSON_MARKER + " has a private note";
            case "timeZone" -> "Europe/Berlin";
            case "from", "to" -> (8 + random.nextInt(4)) + ":00";
            default ->
                schema.has("example") ? schema.get("example").asText() : "x" + random.nextInt(100);
          };
    };
  }

  /** An example body with its office set to the fuzzing office and its personal data marked. */
  private JsonNode personalise(JsonNode example, boolean write, SplittableRandom random) {
    if (example instanceof ObjectNode object) {
      if (object.has("officeId") && write) {
        object.put("officeId", fuzzOffice);
      }
      for (String personal : List.of("name", "surname", "note")) {
        if (object.path(personal).isTextual()) {
          object.put(personal, PERSON_MARKER + " " + random.nextInt(1000));
        }
      }
      if (object.path("email").isTextual()) {
        object.put(
            "email",
            PERSON_MARKER.toLowerCase(java.util.Locale.ROOT)
                + random.nextInt(1000)
                + "@example.org");
      }
      object.fields().forEachRemaining(field -> personalise(field.getValue(), write, random));
    } else if (example instanceof ArrayNode array) {
      array.forEach(element -> personalise(element, write, random));
    }
    return example;
  }

  /** The body broken in one place: a field removed, added, or given a hostile value. */
  private JsonNode mutate(JsonNode body, SplittableRandom random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(body, containers);
    if (containers.isEmpty()) {
      return hostile(random);
    }
    JsonNode container = pick(containers, random);
    if (container instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      int action = random.nextInt(5);
      if (names.isEmpty() || action == 0) {
        object.set(
            pick(List.of("zzz", "price", "__proto__", "officeId ", ""), random), hostile(random));
      } else if (action == 1) {
        object.remove(pick(names, random));
      } else {
        object.set(pick(names, random), hostile(random));
      }
    } else if (container instanceof ArrayNode array) {
      if (array.isEmpty() || random.nextBoolean()) {
        array.add(hostile(random));
      } else {
        array.set(random.nextInt(array.size()), hostile(random));
      }
    }
    return body;
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      for (Iterator<JsonNode> elements = node.elements(); elements.hasNext(); ) {
        collect(elements.next(), containers);
      }
    }
  }

  private static JsonNode hostile(SplittableRandom random) {
    return switch (random.nextInt(9)) {
      case 0 ->
          pick(
              List.of(
                  NODES.numberNode(123),
                  NODES.numberNode(Long.MAX_VALUE),
                  NODES.numberNode(-2147483649L),
                  NODES.numberNode(new java.math.BigInteger("9".repeat(40))),
                  NODES.numberNode(1e308),
                  NODES.numberNode(-0.5),
                  NODES.numberNode(new java.math.BigDecimal("1e-400"))),
              random);
      case 1 ->
          pick(
              List.of(
                  NODES.nullNode(),
                  NODES.booleanNode(true),
                  NODES.arrayNode(),
                  NODES.objectNode(),
                  NODES.arrayNode().add(2026).add(12).add(1)),
              random);
      case 2, 3 -> NODES.textNode(pick(EXTREME_DATES, random));
      case 4, 5 -> NODES.textNode(pick(ODD_TEXT, random));
      case 6 ->
          NODES.textNode(
              pick(List.of("x", "Ä", "\ud83d\ude00"), random).repeat(1 + random.nextInt(20_000)));
      case 7 -> NODES.textNode(PERSON_MARKER + " " + pick(ODD_TEXT, random));
      default -> NODES.textNode(pick(BAD_ESCAPES, random));
    };
  }

  private static String hostileText(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> pick(EXTREME_DATES, random);
      case 1 -> pick(ODD_TEXT, random);
      case 2 -> "y".repeat(1 + random.nextInt(9000));
      default ->
          pick(
              List.of(
                  "-1", "0", "99999999999999999999", "1e309", "NaN", "IN_PERSON", "VIDEO ", "true"),
              random);
    };
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode resolved = node;
    for (int i = 0; i < 10 && resolved.has("$ref"); i++) {
      String[] parts = resolved.get("$ref").asText().substring(2).split("/");
      JsonNode target = document;
      for (String part : parts) {
        target = target.path(part);
      }
      resolved = target;
    }
    return resolved;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(list::add);
    }
    return list;
  }

  private static <T> T pick(List<T> choices, SplittableRandom random) {
    return choices.get(random.nextInt(choices.size()));
  }
}
