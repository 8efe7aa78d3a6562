package org.opentermin.http.operations;

import io.javalin.http.HandlerType;
import java.util.Optional;

/**
 * The groups of routes that are rate-limited separately, so that a client reading availability does
 * not use up what it needs to book. Only paths under {@code /api/} are limited; operations ({@code
 * /health}, {@code /ready}, {@code /metrics}) and the documentation ({@code /openapi.json}, {@code
 * /docs}) never are. Under {@code /api/v1/admin/} everything is {@link #ADMIN}; under {@code
 * /api/v1/staff/} everything is {@link #STAFF}; every other API path is {@link #CITIZEN_READ} for
 * GET and HEAD and {@link #CITIZEN_WRITE} for any other method (holds, bookings, cancelling and
 * rescheduling with a manage token). The path decides, never a header: staff who book for a caller
 * through {@code /api/v1/holds} count as citizen writes, because a bearer token is not checked yet
 * when the group is chosen and must not let a made-up one pick a fresh bucket.
 */
enum RouteGroup {
  CITIZEN_READ("citizen-read"),
  CITIZEN_WRITE("citizen-write"),
  STAFF("staff"),
  ADMIN("admin");

  private final String label;

  RouteGroup(String label) {
    this.label = label;
  }

  /** The group of a request, or empty when it is not rate-limited. */
  static Optional<RouteGroup> of(HandlerType method, String path) {
    if (!under(path, "/api")) {
      return Optional.empty();
    }
    if (under(path, "/api/v1/admin")) {
      return Optional.of(ADMIN);
    }
    if (under(path, "/api/v1/staff")) {
      return Optional.of(STAFF);
    }
    boolean reads = method == HandlerType.GET || method == HandlerType.HEAD;
    return Optional.of(reads ? CITIZEN_READ : CITIZEN_WRITE);
  }

  /** The name in metrics and documentation, e.g. {@code citizen-read}. */
  String label() {
    return label;
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
