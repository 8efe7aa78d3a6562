package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.booking.Booking;

/** The confirmed booking with its manage token, or why there is none. */
public sealed interface BookingResult permits BookingResult.Confirmed, Refused {

  /** The booking; {@code manageToken} is the citizen's secret to see, change or cancel it. */
  record Confirmed(Booking booking, String manageToken) implements BookingResult {
    public Confirmed {
      checkNotNull(booking, "booking");
      checkNotNull(manageToken, "manageToken");
    }

    @Override
    public String toString() {
      return "Confirmed[" + booking.id() + ", manage token hidden]";
    }
  }
}
