package org.opentermin.http.staff;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.CommonRequests;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.OfficeCache;
import org.opentermin.http.common.Parameters;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ManageBooking;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ViewDay;

/**
 * Staff run their day: the day's bookings, one booking and its history by reference, check-in,
 * completion, no-show, cancellation. A token reaches the bookings of its offices only: a day of
 * another office is a 403 (the office is in the path), a booking of another office is answered as
 * unknown. Every read is in the office's audit log.
 */
public final class StaffRoutes {

  private final ManageBooking manage;
  private final ViewDay day;
  private final Clock clock;
  private final Authentication authentication;
  private final OfficeCache offices;

  public StaffRoutes(
      ManageBooking manage,
      ViewDay day,
      Clock clock,
      Authentication authentication,
      OfficeCache offices) {
    this.manage = checkNotNull(manage, "manage");
    this.day = checkNotNull(day, "day");
    this.clock = checkNotNull(clock, "clock");
    this.authentication = checkNotNull(authentication, "authentication");
    this.offices = checkNotNull(offices, "offices");
  }

  /** A status change by staff, on the booking they may reach. */
  @FunctionalInterface
  private interface StaffChange {
    ChangeResult apply(BookingReference reference, BookingAccess access, Context ctx);
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/staff/offices/{officeId}/bookings", this::day);
    routes.get("/api/v1/staff/bookings/{reference}", this::booking);
    routes.get("/api/v1/staff/bookings/{reference}/history", this::history);
    routes.post(
        "/api/v1/staff/bookings/{reference}/check-in",
        change((reference, access, ctx) -> manage.checkIn(reference, access)));
    routes.post(
        "/api/v1/staff/bookings/{reference}/complete",
        change((reference, access, ctx) -> manage.complete(reference, access)));
    routes.post(
        "/api/v1/staff/bookings/{reference}/no-show",
        change((reference, access, ctx) -> manage.markNoShow(reference, access)));
    routes.post(
        "/api/v1/staff/bookings/{reference}/cancel",
        change((reference, access, ctx) -> manage.cancel(reference, access, reason(ctx))));
  }

  private void day(Context ctx) {
    Authentication.InOffice staff = authentication.staffOfOffice(ctx);
    OfficeId officeId = staff.office();
    Office office = offices.office(officeId);
    LocalDate date =
        Parameters.date(ctx, "date").orElseGet(() -> LocalDate.now(clock.withZone(office.zone())));
    ViewDay.DayResult result = day.bookingsOn(officeId, date, staff.grant());
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    ViewDay.Day bookings = (ViewDay.Day) result;
    ctx.json(
        new StaffViews.DayBookingsView(
            officeId.value(),
            date.toString(),
            bookings.bookings().stream()
                .map(booking -> StaffViews.StaffBookingView.of(booking, office.zone()))
                .toList()));
  }

  private void booking(Context ctx) {
    AccessGrant grant = authentication.required(ctx);
    Booking booking =
        manage
            .find(Parameters.reference(ctx), BookingAccess.byStaff(grant))
            .orElseThrow(() -> ApiProblem.notFound("unknown booking"));
    ctx.json(StaffViews.StaffBookingView.of(booking, offices.zone(booking.office())));
  }

  /**
   * The booking's recorded changes, oldest first; a booking always has at least its confirmation.
   */
  private void history(Context ctx) {
    AccessGrant grant = authentication.required(ctx);
    BookingReference reference = Parameters.reference(ctx);
    ImmutableList<BookingEvent> events = manage.history(reference, BookingAccess.byStaff(grant));
    if (events.isEmpty()) {
      throw ApiProblem.notFound("unknown booking");
    }
    ctx.json(
        new StaffViews.HistoryView(
            reference.value(), events.stream().map(StaffViews.EventView::of).toList()));
  }

  /**
   * The booking is found through the staff member's access: another office's booking is unknown,
   * never forbidden.
   */
  private Handler change(StaffChange change) {
    return ctx -> {
      AccessGrant grant = authentication.required(ctx);
      BookingReference reference = Parameters.reference(ctx);
      ChangeResult result = change.apply(reference, BookingAccess.byStaff(grant), ctx);
      if (result instanceof Refused refused) {
        throw ErrorMapping.problem(refused);
      }
      Appointment changed = ((ChangeResult.Changed) result).booking();
      ctx.json(StaffViews.StaffBookingView.of(changed, offices.zone(changed.office())));
    };
  }

  private static String reason(Context ctx) {
    if (ctx.bodyAsBytes().length == 0) {
      return "";
    }
    return Optional.ofNullable(JsonBodies.read(ctx, CommonRequests.Cancellation.class).reason())
        .orElse("");
  }
}
