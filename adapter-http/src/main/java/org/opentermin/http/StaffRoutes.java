package org.opentermin.http;

import static com.google.common.base.Preconditions.checkNotNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.LocalDate;
import java.util.Optional;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ViewDay;

/** Staff run their day: the day's bookings, check-in, completion, no-show, cancellation. */
final class StaffRoutes {

  private final UseCases useCases;
  private final Authentication authentication;
  private final OfficeCache offices;

  StaffRoutes(UseCases useCases, Authentication authentication, OfficeCache offices) {
    this.useCases = checkNotNull(useCases, "useCases");
    this.authentication = checkNotNull(authentication, "authentication");
    this.offices = checkNotNull(offices, "offices");
  }

  /** A status change by staff, on the booking they may reach. */
  @FunctionalInterface
  private interface StaffChange {
    ChangeResult apply(BookingReference reference, BookingAccess access, Context ctx);
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/staff/offices/{officeId}/bookings", this::day);
    routes.post("/api/v1/staff/bookings/{reference}/check-in",
        change((reference, access, ctx) -> useCases.manage().checkIn(reference, access)));
    routes.post("/api/v1/staff/bookings/{reference}/complete",
        change((reference, access, ctx) -> useCases.manage().complete(reference, access)));
    routes.post("/api/v1/staff/bookings/{reference}/no-show",
        change((reference, access, ctx) -> useCases.manage().markNoShow(reference, access)));
    routes.post("/api/v1/staff/bookings/{reference}/cancel",
        change((reference, access, ctx) -> useCases.manage().cancel(reference, access, reason(ctx))));
  }

  private void day(Context ctx) {
    OfficeId officeId = authentication.officeForStaff(ctx);
    Office office = offices.office(officeId);
    LocalDate date = Parameters.date(ctx, "date").orElseGet(() -> LocalDate.now(useCases.clock().withZone(office.zone())));
    ViewDay.Day day = useCases.day().bookingsOn(officeId, date).orElseThrow(() -> ApiProblem.notFound("unknown office " + officeId));
    ctx.json(new Views.DayBookingsView(officeId.value(), date.toString(),
        day.bookings().stream().map(booking -> Views.StaffBookingView.of(booking, office.zone())).toList()));
  }

  private Handler change(StaffChange change) {
    return ctx -> {
      AccessGrant grant = authentication.required(ctx);
      BookingReference reference = Parameters.reference(ctx);
      BookingAccess access = BookingAccess.byStaff(grant.tokenId());
      Appointment booking = useCases.manage().find(reference, access).orElseThrow(() -> ApiProblem.notFound("unknown booking"));
      Authentication.requireReach(grant, booking.office());
      ChangeResult result = change.apply(reference, access, ctx);
      if (result instanceof Refused refused) {
        throw ErrorMapping.problem(refused);
      }
      Appointment changed = ((ChangeResult.Changed) result).booking();
      ctx.json(Views.StaffBookingView.of(changed, offices.zone(changed.office())));
    };
  }

  private static String reason(Context ctx) {
    if (ctx.bodyAsBytes().length == 0) {
      return "";
    }
    return Optional.ofNullable(JsonBodies.read(ctx, Requests.Cancellation.class).reason()).orElse("");
  }
}
