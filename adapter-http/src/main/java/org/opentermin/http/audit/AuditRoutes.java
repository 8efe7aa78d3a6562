package org.opentermin.http.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.CommonViews;
import org.opentermin.http.common.DateBounds;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.ports.in.ReadAuditLog;

/**
 * The office's audit log for its administrators (and admins): who read personal data or changed
 * what, when, page by page. Staff tokens get a 403, as for the office's other settings. The entries
 * hold no personal data; the cursor is opaque to clients.
 */
public final class AuditRoutes {

  static final int DEFAULT_LIMIT = 100;

  private final ReadAuditLog audit;
  private final Authentication authentication;

  public AuditRoutes(ReadAuditLog audit, Authentication authentication) {
    this.audit = checkNotNull(audit, "audit");
    this.authentication = checkNotNull(authentication, "authentication");
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/admin/offices/{officeId}/audit", this::entries);
  }

  /** One entry: the actor is a token id for staff, absent for the citizen and the system. */
  record EntryView(
      String at,
      String actorKind,
      String actorId,
      String action,
      String appointmentId,
      String reference,
      String detail) {

    static EntryView of(AuditEntry entry) {
      return new EntryView(
          CommonViews.utc(entry.at()),
          entry.actor().kind(),
          entry.actor().id().isEmpty() ? null : entry.actor().id(),
          entry.action().name(),
          entry.appointment().map(Object::toString).orElse(null),
          entry.reference().map(Object::toString).orElse(null),
          entry.detail());
    }
  }

  /** A page of entries, oldest first, and the cursor for the next page while there is one. */
  record PageView(String officeId, List<EntryView> entries, String nextCursor) {}

  private void entries(Context ctx) {
    Authentication.InOffice admin = authentication.adminOfOffice(ctx);
    Optional<Instant> from = instant(ctx, "from");
    Optional<Instant> to = instant(ctx, "to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw ApiProblem.badRequest(
          "from does not lie before to", new ApiProblem.FieldError("to", "must lie after from"));
    }
    ReadAuditLog.Query query =
        new ReadAuditLog.Query(admin.office(), from, to, cursor(ctx), limit(ctx));
    ReadAuditLog.Page page =
        audit
            .auditEntries(query)
            .orElseThrow(() -> ApiProblem.notFound("unknown office " + admin.office()));
    ctx.json(
        new PageView(
            admin.office().value(),
            page.entries().stream().map(EntryView::of).toList(),
            page.next().isPresent() ? Long.toString(page.next().getAsLong()) : null));
  }

  private static Optional<Instant> instant(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        DateBounds.dateTime(value)
            .orElseThrow(
                () ->
                    ApiProblem.badRequest(
                        "a query parameter is not an instant",
                        new ApiProblem.FieldError(
                            name,
                            "must be a date-time with offset from "
                                + DateBounds.FIRST
                                + " to "
                                + DateBounds.LAST
                                + ", e.g. 2026-12-01T00:00:00Z")))
            .toInstant());
  }

  /** The position to read on from: what an earlier page gave as {@code nextCursor}, or none. */
  private static long cursor(Context ctx) {
    String value = ctx.queryParam("cursor");
    if (value == null || value.isEmpty()) {
      return 0;
    }
    if (!value.matches("[0-9]{1,18}")) {
      throw ApiProblem.badRequest(
          "the cursor is not one this API gave out",
          new ApiProblem.FieldError("cursor", "must be a nextCursor of an earlier page"));
    }
    return Long.parseLong(value);
  }

  private static int limit(Context ctx) {
    String value = ctx.queryParam("limit");
    if (value == null || value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    if (!value.matches("[0-9]{1,3}")
        || Integer.parseInt(value) < 1
        || Integer.parseInt(value) > ReadAuditLog.Query.MAXIMUM_LIMIT) {
      throw ApiProblem.badRequest(
          "the limit is out of range",
          new ApiProblem.FieldError(
              "limit", "must be a whole number from 1 to " + ReadAuditLog.Query.MAXIMUM_LIMIT));
    }
    return Integer.parseInt(value);
  }
}
