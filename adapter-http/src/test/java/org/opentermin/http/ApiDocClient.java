package org.opentermin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.opentermin.http.problem.ProblemTitles;

/**
 * Calls the running API and checks every answer against the documented contract, collecting what
 * does not fit instead of failing at once, so a test shows all mismatches together.
 */
public final class ApiDocClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;
  private final JsonNode document;
  private final ApiDocContract contract;
  private final List<String> violations = new ArrayList<>();

  ApiDocClient(int port, String documentText) {
    this.base = "http://127.0.0.1:" + port;
    this.contract = new ApiDocContract(documentText);
    try {
      this.document = JSON.readTree(documentText);
    } catch (IOException notJson) {
      throw new UncheckedIOException(notJson);
    }
  }

  /** A client for the API at {@code port}, checking against the document that API serves. */
  public static ApiDocClient forServerAt(int port) {
    try {
      String document =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + ApiDocumentation.OPENAPI_PATH))
                      .build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
              .body();
      return new ApiDocClient(port, document);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** Asserts the answer's status, showing its body when it differs. */
  public static void expect(int status, Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
  }

  /** Asserts the answer is a problem document of {@code type} with {@code status}. */
  public static void expectProblem(int status, String type, Answer answer) {
    expect(status, answer);
    assertThat(answer.text("type")).isEqualTo(ProblemTitles.TYPE_BASE + type);
  }

  /** An answer with its body as text. */
  public record Answer(int status, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException notJson) {
        throw new AssertionError("not JSON: " + body, notJson);
      }
    }

    public String text(String field) {
      return json().path(field).asText();
    }
  }

  public Answer get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  /**
   * A POST of {@code body}, which may be a JSON string or an object to write as JSON, or null for
   * none.
   */
  public Answer post(String path, Object body, String... headers) {
    return send("POST", path, body, headers);
  }

  public Answer put(String path, Object body, String... headers) {
    return send("PUT", path, body, headers);
  }

  /** Sends a request; {@code headers} are name-value pairs and replace those set here. */
  public Answer send(String method, String path, Object body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    String text = body == null ? null : json(body);
    if (text == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    }
    String requestType = "application/json";
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
      if (headers[i].equalsIgnoreCase("Content-Type")) {
        requestType = headers[i + 1].split(";", 2)[0].trim();
      }
    }
    HttpResponse<String> response;
    try {
      response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
    String template = template(URI.create(base + path).getPath());
    if (template == null) {
      violations.add(method + " " + path + " matches no documented path");
    } else {
      violations.addAll(
          contract.violations(
              method,
              template,
              text,
              requestType,
              response.statusCode(),
              response.headers().firstValue("Content-Type").orElse(null),
              response.body()));
    }
    return new Answer(response.statusCode(), response.body());
  }

  /** What the answers so far did not fit in the document. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * The documented path template that {@code path} fills in, e.g. {@code
   * /api/v1/offices/{officeId}}.
   */
  private String template(String path) {
    for (Iterator<String> templates = document.get("paths").fieldNames(); templates.hasNext(); ) {
      String template = templates.next();
      if (path.matches(template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."))) {
        return template;
      }
    }
    return null;
  }

  private static String json(Object body) {
    if (body instanceof String text) {
      return text;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    }
  }
}
