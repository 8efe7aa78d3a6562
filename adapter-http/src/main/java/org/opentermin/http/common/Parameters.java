package org.opentermin.http.common;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Optional;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.http.problem.ApiProblem;

/** Path and query parameters read into domain values, or a 400/404 problem naming the parameter. */
public final class Parameters {

  private Parameters() {}

  /** The office id in the path; malformed ids cannot name an office, so they are a 404. */
  public static OfficeId officeId(Context ctx) {
    String value = ctx.pathParam("officeId");
    if (!OfficeId.isValid(value)) {
      throw ApiProblem.notFound("unknown office " + value);
    }
    return OfficeId.of(value);
  }

  public static ResourceId resourceId(Context ctx) {
    String value = ctx.pathParam("resourceId");
    if (!ResourceId.isValid(value)) {
      throw ApiProblem.notFound("unknown resource " + value);
    }
    return ResourceId.of(value);
  }

  public static ServiceId serviceId(Context ctx) {
    String value = ctx.pathParam("serviceId");
    if (!ServiceId.isValid(value)) {
      throw ApiProblem.notFound("unknown service " + value);
    }
    return ServiceId.of(value);
  }

  /** The booking reference in the path; a malformed one is answered like an unknown one. */
  public static BookingReference reference(Context ctx) {
    return BookingReference.parse(ctx.pathParam("reference"))
        .orElseThrow(() -> ApiProblem.notFound("unknown booking"));
  }

  /** A hold id from a request body; a malformed one cannot name a hold. */
  public static AppointmentId holdId(String value) {
    return AppointmentId.parse(value).orElseThrow(() -> ApiProblem.notFound("unknown hold"));
  }

  /** The {@code mode} query parameter; in person when absent. */
  public static AppointmentMode mode(Context ctx) {
    String value = ctx.queryParam("mode");
    if (value == null || value.isEmpty()) {
      return AppointmentMode.IN_PERSON;
    }
    for (AppointmentMode mode : AppointmentMode.values()) {
      if (mode.name().equals(value)) {
        return mode;
      }
    }
    throw ApiProblem.badRequest(
        "the mode is unknown",
        new ApiProblem.FieldError("mode", "must be one of IN_PERSON, PHONE, VIDEO"));
  }

  public static Optional<LocalDate> date(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        DateBounds.date(value)
            .orElseThrow(
                () ->
                    ApiProblem.badRequest(
                        "a query parameter is not a date the API accepts",
                        new ApiProblem.FieldError(name, DateBounds.DATE_RULE))));
  }
}
