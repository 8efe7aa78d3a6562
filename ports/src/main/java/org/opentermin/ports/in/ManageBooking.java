package org.opentermin.ports.in;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;

/**
 * Reads and changes an existing booking. A wrong manage token is answered exactly like an unknown
 * reference, so references cannot be probed.
 */
public interface ManageBooking {

  /** The booking, if the reference exists and the access is allowed. */
  Optional<Booking> find(BookingReference reference, BookingAccess access);

  /**
   * The recorded changes of the booking, oldest first; empty if it is unknown or not accessible.
   */
  ImmutableList<BookingEvent> history(BookingReference reference, BookingAccess access);

  /** Cancels the booking; {@code reason} is recorded (and may be empty). */
  ChangeResult cancel(BookingReference reference, BookingAccess access, String reason);

  /**
   * Moves the booking to the time held by {@code newHold}, keeping its reference. The new time is
   * secured by the hold before the old one is released, in one step.
   */
  ChangeResult reschedule(BookingReference reference, BookingAccess access, AppointmentId newHold);

  /** Staff: the citizen has arrived. */
  ChangeResult checkIn(BookingReference reference, BookingAccess access);

  /** Staff: the appointment took place. */
  ChangeResult complete(BookingReference reference, BookingAccess access);

  /** Staff: the citizen did not come. */
  ChangeResult markNoShow(BookingReference reference, BookingAccess access);
}
