package org.opentermin.http.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Citizen;

/**
 * Response parts that several features answer with, and how instants are written: start and end
 * times as local date-times with offset in the office's zone, always with seconds; other instants
 * UTC.
 */
public final class CommonViews {

  private CommonViews() {}

  /** ISO-8601 with offset and always with seconds, e.g. {@code 2026-12-01T08:00:00+01:00}. */
  private static final DateTimeFormatter OFFSET_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  public static String local(Instant instant, ZoneId zone) {
    return OFFSET_TIME.format(instant.atZone(zone));
  }

  public static String utc(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  public record ServiceItemView(String serviceId, int persons) {

    public static List<ServiceItemView> of(List<BookedService> services) {
      return services.stream()
          .map(service -> new ServiceItemView(service.service().value(), service.persons()))
          .toList();
    }
  }

  /** Who comes; the note (sensitive) only in answers for the office's staff and the citizen. */
  public record CitizenView(String name, String email, String phone, String note) {

    public CitizenView(String name, String email, String phone) {
      this(name, email, phone, null);
    }

    public static CitizenView of(Citizen citizen) {
      return new CitizenView(
          citizen.name(),
          citizen.email().orElse(null),
          citizen.phone().orElse(null),
          citizen.note().orElse(null));
    }
  }
}
