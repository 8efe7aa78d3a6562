package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code maxBookings} confirmed bookings per {@link Identity}, office and service whose
 * start lies within {@code period} before or after the new booking's start, so that one person
 * cannot hoard appointments. The database counts under a lock on each identity. Immutable.
 *
 * @param maxBookings 1 to 100
 * @param period 1 to 366 days
 */
public record IdentityLimit(int maxBookings, Duration period) {

  public IdentityLimit {
    checkArgument(
        maxBookings >= 1 && maxBookings <= 100,
        "an identity limit allows 1 to 100 bookings, not %s",
        maxBookings);
    checkNotNull(period, "period");
    checkArgument(
        period.compareTo(Duration.ofDays(1)) >= 0 && period.compareTo(Duration.ofDays(366)) <= 0,
        "an identity limit's period must be 1 to 366 days, not %s",
        period);
  }

  /** The starts of existing bookings that count against a new one at {@code start}. */
  public TimeWindow countedAround(Instant start) {
    checkNotNull(start, "start");
    return new TimeWindow(start.minus(period), start.plus(period));
  }

  /** Whether a booking is allowed beside {@code counted} existing ones. */
  public boolean admits(int counted) {
    checkArgument(counted >= 0, "counted bookings must not be negative: %s", counted);
    return counted < maxBookings;
  }
}
