package org.opentermin.core.booking;

/**
 * Where an appointment stands. A hold is {@link #HELD} until it is confirmed or expires (an expired
 * hold is simply deleted); a booking starts {@link #CONFIRMED}.
 */
public enum AppointmentStatus {
  HELD,
  CONFIRMED,
  CHECKED_IN,
  COMPLETED,
  NO_SHOW,
  CANCELLED;

  /** Whether an appointment in this status occupies its resource's time. */
  public boolean occupiesTime() {
    return this != CANCELLED;
  }

  /** Whether this is a booking (confirmed at some point) rather than a hold. */
  public boolean isBooking() {
    return this != HELD;
  }
}
