package org.opentermin.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a request line, URI, header or HTTP version it cannot take: 400, 414, 431,
 * 505) as problem documents with the security headers, like every other answer, instead of Jetty's
 * HTML page. Says nothing of the request (Jetty's message may quote it) and no stack trace.
 */
public final class JettyProblems extends ErrorHandler {

  private static final ObjectMapper PROBLEMS = new ObjectMapper();

  /** The security headers every answer carries, whoever writes it. */
  public static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Content-Security-Policy", "frame-ancestors 'none'",
          "Referrer-Policy", "no-referrer");

  private final int maximumBodyBytes;

  /** {@code maximumBodyBytes} is named in answers to bodies that are too large. */
  public JettyProblems(int maximumBodyBytes) {
    this.maximumBodyBytes = maximumBodyBytes;
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    byte[] body = document(code, request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
    addHeaders(headers, body.length);
    response.setStatus(code);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** For a request Jetty could not even parse, answered without a request object. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    byte[] body = document(status, null);
    addHeaders(fields, body.length);
    return ByteBuffer.wrap(body);
  }

  private static void addHeaders(HttpFields.Mutable headers, int length) {
    SECURITY_HEADERS.forEach(headers::put);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put(HttpHeader.CONTENT_TYPE, ErrorMapping.PROBLEM_JSON);
    headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(length));
  }

  private byte[] document(int status, String acceptLanguage) {
    ApiProblem problem = problem(status);
    ProblemDocument document =
        new ProblemDocument(
            ProblemTitles.TYPE_BASE + problem.type(),
            ProblemTitles.title(problem.type(), acceptLanguage),
            problem.status(),
            problem.detail(),
            problem.errors());
    try {
      return PROBLEMS.writeValueAsBytes(document);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("problem documents always serialize", impossible);
    }
  }

  private ApiProblem problem(int status) {
    return switch (status) {
      case 404 -> ApiProblem.notFound("no such resource: check the path");
      case 405 -> new ApiProblem(405, "method-not-allowed", "method not allowed");
      case 413 ->
          new ApiProblem(
              413,
              "payload-too-large",
              "request bodies are limited to " + maximumBodyBytes / 1024 + " KiB");
      case 414 -> new ApiProblem(414, "invalid-request", "the request target is too long");
      case 431 -> new ApiProblem(431, "invalid-request", "the request headers are too large");
      case 505 ->
          new ApiProblem(
              505, "invalid-request", "only HTTP/1.0, HTTP/1.1 and HTTP/2 are spoken here");
      default ->
          status >= 500
              ? new ApiProblem(status, "internal-error", "something went wrong on our side")
              : new ApiProblem(
                  status,
                  "invalid-request",
                  "the request is not valid HTTP, or its target or headers are malformed");
    };
  }
}
