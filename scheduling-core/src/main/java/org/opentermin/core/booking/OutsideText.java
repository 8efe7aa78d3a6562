package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Streams;
import java.util.Locale;
import java.util.Optional;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Service;

/**
 * The words about a booking that may leave the system: calendar files, emails, text messages. They
 * say that there is an appointment at the office; they name the services only when none of them is
 * sensitive, since a calendar entry or an email subject is read on lock screens, in shared
 * calendars and by mail providers, and "debt counselling" next to a name says too much. Every
 * adapter that writes such text takes it from here, and so do refusals. Stateless and thread-safe.
 */
public final class OutsideText {

  private OutsideText() {}

  /** "Appointment at <office>", or in German "Termin: <office>". */
  public static String appointmentAt(Office office, Locale locale) {
    checkNotNull(office, "office");
    checkNotNull(locale, "locale");
    return isGerman(locale) ? "Termin: " + office.name() : "Appointment at " + office.name();
  }

  /**
   * "Appointment at <office>" for an appointment in person; "Phone appointment with <office>" or
   * "Video appointment with <office>" (German "Telefontermin: ...", "Videotermin: ...") otherwise.
   */
  public static String appointmentAt(Office office, AppointmentMode mode, Locale locale) {
    checkNotNull(mode, "mode");
    return switch (mode) {
      case IN_PERSON -> appointmentAt(office, locale);
      case PHONE ->
          isGerman(locale)
              ? "Telefontermin: " + office.name()
              : "Phone appointment with " + office.name();
      case VIDEO ->
          isGerman(locale)
              ? "Videotermin: " + office.name()
              : "Video appointment with " + office.name();
    };
  }

  /**
   * How citizen and caseworker meet, for a calendar file or an email: nothing to add in person;
   * that the office calls for a phone appointment (never the number, which is personal data); the
   * link to join for a video appointment, when there is one.
   */
  public static Optional<String> howToMeet(
      AppointmentMode mode, Optional<VideoLink> link, Locale locale) {
    checkNotNull(mode, "mode");
    checkNotNull(link, "link");
    checkNotNull(locale, "locale");
    boolean german = isGerman(locale);
    return switch (mode) {
      case IN_PERSON -> Optional.empty();
      case PHONE ->
          Optional.of(
              german
                  ? "Wir rufen Sie zur gebuchten Zeit unter der Telefonnummer an, die Sie bei der"
                      + " Buchung angegeben haben."
                  : "We will call you at the booked time, at the phone number you gave when"
                      + " booking.");
      case VIDEO ->
          link.map(
              room ->
                  german
                      ? "Öffnen Sie kurz vor Beginn diesen Link zum Videotermin: " + room.text()
                      : "Open this link shortly before the start to join the video appointment: "
                          + room.text());
    };
  }

  /**
   * The names of the booked services, to show outside; none at all if any of them is sensitive, so
   * that the absence of one name cannot point to it either.
   */
  public static ImmutableList<String> serviceNames(Iterable<Service> booked) {
    checkNotNull(booked, "booked");
    if (Streams.stream(booked).anyMatch(Service::sensitive)) {
      return ImmutableList.of();
    }
    return Streams.stream(booked).map(Service::name).collect(ImmutableList.toImmutableList());
  }

  /**
   * How a refusal (which leaves the system as a problem document, and may end up in a proxy's or
   * client's log) refers to a service: by its id, or as "the requested service" if it is sensitive.
   */
  public static String inRefusal(Service service) {
    checkNotNull(service, "service");
    return service.sensitive() ? "the requested service" : "service " + service.id();
  }

  private static boolean isGerman(Locale locale) {
    return locale.getLanguage().equals(Locale.GERMAN.getLanguage());
  }
}
