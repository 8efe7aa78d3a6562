package org.opentermin.http.problem;

import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * Failures that are the client's, found only while reading its request: a body that breaks HTTP (a
 * chunk size beyond any number, a bad chunk) or ends before it was declared to (the client closed
 * the connection). They get a 4xx and a quiet debug line, never a 500 and an error log.
 */
final class UnreadableRequests {

  /** Causes are followed no deeper than this; a chain longer than that is not the client's. */
  private static final int MAXIMUM_DEPTH = 8;

  private UnreadableRequests() {}

  /** The problem to answer when {@code failure} is the client's, or empty. */
  static Optional<ApiProblem> problem(Throwable failure, int maximumBodyBytes) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAXIMUM_DEPTH; depth++) {
      if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        return Optional.of(
            http.getCode() == 413
                ? new ApiProblem(
                    413,
                    "payload-too-large",
                    "request bodies are limited to " + maximumBodyBytes / 1024 + " KiB")
                : new ApiProblem(
                    400,
                    "invalid-request",
                    "the request body could not be read: it breaks HTTP or ended early"));
      }
      if (cause instanceof EofException) {
        return Optional.of(new ApiProblem(400, "invalid-request", "the request body ended early"));
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    return Optional.empty();
  }
}
