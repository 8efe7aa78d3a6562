package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Streams;
import java.util.Locale;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Service;

/**
 * The words about a booking that may leave the system: calendar files, emails, text messages.
 * They say that there is an appointment at the office; they name the services only when none of
 * them is sensitive, since a calendar entry or an email subject is read on lock screens, in shared
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
   * The names of the booked services, to show outside; none at all if any of them is sensitive,
   * so that the absence of one name cannot point to it either.
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
