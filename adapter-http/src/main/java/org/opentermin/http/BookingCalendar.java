package org.opentermin.http;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Service;
import org.opentermin.http.calendar.CalendarEntry;
import org.opentermin.http.calendar.CalendarFile;
import org.opentermin.ports.in.BookingAccess;

/**
 * A booking as a calendar file. The token comes as a query parameter because calendar apps open
 * plain links; request logs therefore never show query strings. Sensitive services are never
 * named: the summary says only where the appointment is and how it takes place. A phone
 * appointment says that the office calls (never the number); a video appointment carries its link
 * as location and URL.
 */
final class BookingCalendar {

  private final UseCases useCases;
  private final OfficeCache offices;

  BookingCalendar(UseCases useCases, OfficeCache offices) {
    this.useCases = checkNotNull(useCases, "useCases");
    this.offices = checkNotNull(offices, "offices");
  }

  void serve(Context ctx) {
    BookingReference reference = Parameters.reference(ctx);
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    BookingAccess access = BookingAccess.byToken(token);
    Appointment booking = useCases.manage().find(reference, access).orElseThrow(() -> ApiProblem.notFound("unknown booking"));
    ImmutableList<BookingEvent> history = useCases.manage().history(reference, access);
    Office office = offices.office(booking.office());
    boolean german = ProblemTitles.locale(ctx.header("Accept-Language")).equals(Locale.GERMAN);
    String summary = switch (booking.mode()) {
      case IN_PERSON -> (german ? "Termin: " : "Appointment: ") + office.name();
      case PHONE -> (german ? "Telefontermin: " : "Phone appointment: ") + office.name();
      case VIDEO -> (german ? "Videotermin: " : "Video appointment: ") + office.name();
    };
    Optional<String> link = booking.videoLink().map(VideoLink::text);
    String how = switch (booking.mode()) {
      case IN_PERSON -> "";
      case PHONE -> german
          ? "Wir rufen Sie zur gebuchten Zeit unter der Telefonnummer an, die Sie bei der Buchung angegeben haben.\n"
          : "We will call you at the booked time, at the phone number you gave when booking.\n";
      case VIDEO -> link.map(url -> german
          ? "Videotermin: Öffnen Sie kurz vor Beginn diesen Link: " + url + "\n"
          : "Video appointment: open this link shortly before the start: " + url + "\n").orElse("");
    };
    String services = useCases.catalog().services().stream()
        .filter(service -> !service.sensitive())
        .filter(service -> booking.services().stream().anyMatch(booked -> booked.service().equals(service.id())))
        .map(Service::name)
        .collect(Collectors.joining(", "));
    String description = how + (german ? "Buchungsnummer: " : "Booking reference: ") + reference.value()
        + (services.isEmpty() ? "" : "\n" + services);
    // Nobody comes to the office for a call or a video meeting: its address would mislead.
    Optional<String> location = switch (booking.mode()) {
      case IN_PERSON -> office.address();
      case PHONE -> Optional.empty();
      case VIDEO -> link;
    };
    CalendarEntry entry = new CalendarEntry(
        booking.id().toString() + "@opentermin",
        // Every recorded change after the confirmation raises the sequence, so calendars update.
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
    ctx.header("Content-Disposition", "attachment; filename=\"termin-" + reference.value() + ".ics\"");
    ctx.result(CalendarFile.render(entry));
  }
}
