package org.opentermin.core.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.booking.Appointment;

/**
 * How many days an office keeps the personal data of a booking after it is no longer needed: after
 * the appointment's end, or after its cancellation if that came first. Then the data is erased and
 * only anonymous statistics remain. 1 to {@value #MAXIMUM_DAYS} days, {@value #DEFAULT_DAYS} unless
 * the office sets its own. Days are 24 hours. Immutable.
 */
public record RetentionPeriod(int days) {

  public static final int MINIMUM_DAYS = 1;
  public static final int MAXIMUM_DAYS = 3650;
  public static final int DEFAULT_DAYS = 30;

  /** What an office keeps without a period of its own. */
  public static final RetentionPeriod DEFAULT = new RetentionPeriod(DEFAULT_DAYS);

  public RetentionPeriod {
    checkArgument(
        days >= MINIMUM_DAYS && days <= MAXIMUM_DAYS,
        "a retention period is %s to %s days, not %s",
        MINIMUM_DAYS,
        MAXIMUM_DAYS,
        days);
  }

  public static RetentionPeriod ofDays(int days) {
    return new RetentionPeriod(days);
  }

  public Duration duration() {
    return Duration.ofDays(days);
  }

  /**
   * The latest instant at which a booking may have ended (or been cancelled) for its data to be
   * erased at {@code now}: what has finished by then is due.
   */
  public Instant finishedBy(Instant now) {
    checkNotNull(now, "now");
    return now.minus(duration());
  }

  /**
   * When the personal data of {@code booking}, cancelled at {@code cancelledAt} if it was, is due
   * for erasure: this period after its end, or after the cancellation if that came earlier.
   */
  public Instant erasureDue(Appointment booking, Optional<Instant> cancelledAt) {
    checkNotNull(booking, "booking");
    checkNotNull(cancelledAt, "cancelledAt");
    checkArgument(booking.status().isBooking(), "holds are deleted, not erased");
    Instant finished = cancelledAt.filter(at -> at.isBefore(booking.end())).orElse(booking.end());
    return finished.plus(duration());
  }
}
