package org.opentermin.http.common;

import java.util.List;
import java.util.function.Supplier;
import org.opentermin.http.problem.ApiProblem;

/**
 * Builds domain values from validated requests. The core checks its own invariants and throws
 * {@link IllegalArgumentException} with a plain message when input breaks one that the request
 * annotations cannot express (e.g. a slot grid that does not divide an hour); that is the client's
 * mistake, so it becomes a 422 problem on {@code field}.
 */
public final class DomainInput {

  private DomainInput() {}

  public static <T> T build(String field, Supplier<T> builder) {
    try {
      return builder.get();
    } catch (IllegalArgumentException invalid) {
      throw ApiProblem.validationFailed(
          List.of(new ApiProblem.FieldError(field, String.valueOf(invalid.getMessage()))));
    }
  }

  /** As {@link #build(String, Supplier)}, for invariants no single field is to blame for. */
  public static <T> T build(Supplier<T> builder) {
    try {
      return builder.get();
    } catch (IllegalArgumentException invalid) {
      throw new ApiProblem(422, "validation-failed", String.valueOf(invalid.getMessage()));
    }
  }

  public static ApiProblem invalid(String field, String message) {
    return ApiProblem.validationFailed(List.of(new ApiProblem.FieldError(field, message)));
  }
}
