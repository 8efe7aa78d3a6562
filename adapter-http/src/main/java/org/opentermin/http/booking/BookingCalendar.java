package org.opentermin.http.booking;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.OutsideText;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Service;
import org.opentermin.http.calendar.CalendarEntry;
import org.opentermin.http.calendar.CalendarFile;
import org.opentermin.http.common.OfficeCache;
import org.opentermin.http.common.Parameters;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ProblemTitles;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.BrowseCatalog;
import org.opentermin.ports.in.ManageBooking;

/**
 * A booking as a calendar file. The token comes as a query parameter because calendar apps open
 * plain links; request logs therefore never show query strings. The texts come from {@link
 * OutsideText}: the summary says only where the appointment is and how it takes place, and the
 * services are named only when none of them is sensitive. A phone appointment says that the office
 * calls (never the number) and has no location; a video appointment carries its link as location
 * and URL.
 */
final class BookingCalendar {

  private final BrowseCatalog catalog;
  private final ManageBooking manage;
  private final OfficeCache offices;

  BookingCalendar(BrowseCatalog catalog, ManageBooking manage, OfficeCache offices) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.manage = checkNotNull(manage, "manage");
    this.offices = checkNotNull(offices, "offices");
  }

  void serve(Context ctx) {
    BookingReference reference = Parameters.reference(ctx);
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    BookingAccess access = BookingAccess.byToken(token);
    Booking booking =
        manage.find(reference, access).orElseThrow(() -> ApiProblem.notFound("unknown booking"));
    ImmutableList<BookingEvent> history = manage.history(reference, access);
    Office office = offices.office(booking.office());
    Locale locale = ProblemTitles.locale(ctx.header("Accept-Language"));
    boolean german = locale.equals(Locale.GERMAN);
    String summary = OutsideText.appointmentAt(office, booking.mode(), locale);
    List<Service> booked =
        catalog.services().stream()
            .filter(
                service ->
                    booking.services().stream()
                        .anyMatch(item -> item.service().equals(service.id())))
            .toList();
    String services = String.join(", ", OutsideText.serviceNames(booked));
    String how =
        OutsideText.howToMeet(booking.mode(), booking.videoLink(), locale)
            .map(text -> text + "\n")
            .orElse("");
    Optional<String> link = booking.videoLink().map(VideoLink::text);
    String description =
        how
            + (german ? "Buchungsnummer: " : "Booking reference: ")
            + reference.value()
            + (services.isEmpty() ? "" : "\n" + services);
    // Nobody comes to the office for a call or a video meeting: its address would mislead.
    Optional<String> location =
        switch (booking.mode()) {
          case IN_PERSON -> office.address();
          case PHONE -> Optional.empty();
          case VIDEO -> link;
        };
    CalendarEntry entry =
        new CalendarEntry(
            booking.id().toString() + "@opentermin",
            // Every recorded change after the confirmation raises the sequence, so calendars
            // update.
            Math.max(0, history.size() - 1),
            history.isEmpty() ? booking.start() : history.get(history.size() - 1).at(),
            booking.start(),
            booking.end(),
            office.zone(),
            summary,
            location,
            description,
            booking.status() == AppointmentStatus.CANCELLED,
            link.map(URI::create));
    ctx.contentType("text/calendar; charset=utf-8");
    ctx.header(
        "Content-Disposition", "attachment; filename=\"termin-" + reference.value() + ".ics\"");
    ctx.result(CalendarFile.render(entry));
  }
}
