package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;

/**
 * Staff: the bookings of one office on one local day, in every status, ordered by start. Only staff
 * whose grant reaches the office see it; the office is named in the request, so the refusal tells
 * nothing new.
 */
public interface ViewDay {

  /**
   * The day's bookings; refused with {@code NOT_PERMITTED} where {@code viewer} does not reach the
   * office, with {@code NOT_FOUND} where the office is unknown. The read is recorded in the audit
   * log as {@code viewer}'s before the bookings are returned.
   */
  DayResult bookingsOn(OfficeId office, LocalDate date, AccessGrant viewer);

  /** The day, or why the viewer does not get it. */
  sealed interface DayResult permits Day, Refused {}

  /** One office's bookings on one day. Immutable. */
  record Day(Office office, LocalDate date, ImmutableList<Appointment> bookings)
      implements DayResult {
    public Day {
      checkNotNull(office, "office");
      checkNotNull(date, "date");
      bookings = ImmutableList.copyOf(checkNotNull(bookings, "bookings"));
    }
  }
}
