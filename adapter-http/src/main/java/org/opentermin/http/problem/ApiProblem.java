package org.opentermin.http.problem;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A request answered with a problem document instead of its result: thrown by route handlers and
 * turned into {@code application/problem+json} in one place ({@link ErrorMapping}). {@code type} is
 * the last part of the problem type URI and the key of its localised title; {@code detail} is plain
 * English and never holds personal data.
 */
public final class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String detail;
  private final ImmutableList<FieldError> errors;

  public ApiProblem(int status, String type, String detail, List<FieldError> errors) {
    super(type + ": " + detail, null, false, false);
    this.status = status;
    this.type = checkNotNull(type, "type");
    this.detail = checkNotNull(detail, "detail");
    this.errors = ImmutableList.copyOf(errors);
  }

  public ApiProblem(int status, String type, String detail) {
    this(status, type, detail, List.of());
  }

  public static ApiProblem badRequest(String detail, FieldError... errors) {
    return new ApiProblem(400, "invalid-request", detail, List.of(errors));
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "not-found", detail);
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(403, "forbidden", detail);
  }

  public static ApiProblem unauthorized(String detail) {
    return new ApiProblem(401, "unauthorized", detail);
  }

  public static ApiProblem validationFailed(List<FieldError> errors) {
    return new ApiProblem(422, "validation-failed", "the request has invalid fields", errors);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String detail() {
    return detail;
  }

  public ImmutableList<FieldError> errors() {
    return errors;
  }

  /** One invalid field: its JSON path (e.g. {@code services[0].persons}) or parameter name. */
  public record FieldError(String field, String message) {}
}
