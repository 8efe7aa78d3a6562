package org.opentermin.http.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one rule for every date the API reads, in a query, a path or a body: it lies in the years
 * 2000 to 2199. No appointment, closure, draw or audit entry lies outside them, while dates near
 * java.time's limits overflow date arithmetic and PostgreSQL's timestamps end in the year 294276;
 * such a date is refused as bad input before anything computes with it. A fixed range rather than
 * one around today, so that a request means the same whenever it is sent.
 */
public final class DateBounds {

  public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
  public static final LocalDate LAST = LocalDate.of(2199, 12, 31);

  /** What a field error says about a date outside the bounds. */
  public static final String RULE = "must lie from " + FIRST + " to " + LAST;

  /** What a field error says about a date parameter that is no date or outside the bounds. */
  public static final String DATE_RULE = "must be a date YYYY-MM-DD from " + FIRST + " to " + LAST;

  private DateBounds() {}

  public static boolean contains(LocalDate date) {
    return !date.isBefore(FIRST) && !date.isAfter(LAST);
  }

  public static boolean contains(LocalDateTime dateTime) {
    return contains(dateTime.toLocalDate());
  }

  /** By the date at the given offset: the day the client wrote. */
  public static boolean contains(OffsetDateTime dateTime) {
    return contains(dateTime.toLocalDate());
  }

  /** {@code text} as an ISO date within the bounds; empty when it is no date or outside them. */
  public static Optional<LocalDate> date(String text) {
    try {
      LocalDate date = LocalDate.parse(text);
      return contains(date) ? Optional.of(date) : Optional.empty();
    } catch (DateTimeParseException malformed) {
      return Optional.empty();
    }
  }

  /** {@code text} as an ISO date-time with offset within the bounds; empty otherwise. */
  public static Optional<OffsetDateTime> dateTime(String text) {
    try {
      OffsetDateTime dateTime = OffsetDateTime.parse(text);
      return contains(dateTime) ? Optional.of(dateTime) : Optional.empty();
    } catch (DateTimeParseException malformed) {
      return Optional.empty();
    }
  }
}
