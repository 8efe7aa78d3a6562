package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;

/**
 * Staff: the bookings of one office on one local day, in every status, ordered by start. Whether
 * the caller may see the office is for the adapter that authenticated them to decide (the office
 * is named in the request, so a refusal tells nothing new).
 */
public interface ViewDay {

  /**
   * The day's bookings, or empty if the office is unknown. The read is recorded in the audit log
   * as {@code viewer}'s before the bookings are returned.
   */
  Optional<Day> bookingsOn(OfficeId office, LocalDate date, Actor viewer);

  /** One office's bookings on one day. Immutable. */
  record Day(Office office, LocalDate date, ImmutableList<Appointment> bookings) {
    public Day {
      checkNotNull(office, "office");
      checkNotNull(date, "date");
      bookings = ImmutableList.copyOf(checkNotNull(bookings, "bookings"));
    }
  }
}
