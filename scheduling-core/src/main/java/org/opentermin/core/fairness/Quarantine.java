package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import org.opentermin.core.booking.AppointmentId;

/**
 * Keeps the time of a cancelled booking closed to ONLINE holds for a while, so that a booking
 * cannot be handed to a buyer by cancelling it and rebooking at once: it reopens at {@code
 * cancelledAt + delay} plus a keyed-random part (whole milliseconds) of {@code randomWindow}. Staff
 * and waiting-list offers may use the time at once.
 *
 * <p>Invariants: both durations at least 0 and at most {@value #MAXIMUM_DAYS} days. Immutable and
 * thread-safe.
 */
public record Quarantine(Duration delay, Duration randomWindow) {

  public static final int MAXIMUM_DAYS = 7;

  public Quarantine {
    checkNotNull(delay, "delay");
    checkNotNull(randomWindow, "randomWindow");
    Duration maximum = Duration.ofDays(MAXIMUM_DAYS);
    checkArgument(
        !delay.isNegative() && delay.compareTo(maximum) <= 0,
        "the quarantine's delay must be 0 to %s days, not %s",
        MAXIMUM_DAYS,
        delay);
    checkArgument(
        !randomWindow.isNegative() && randomWindow.compareTo(maximum) <= 0,
        "the quarantine's random window must be 0 to %s days, not %s",
        MAXIMUM_DAYS,
        randomWindow);
  }

  /** When the time of {@code cancelled} reopens to ONLINE holds. */
  public Instant reopensAt(FairnessSecret secret, AppointmentId cancelled, Instant cancelledAt) {
    checkNotNull(secret, "secret");
    checkNotNull(cancelled, "cancelled");
    checkNotNull(cancelledAt, "cancelledAt");
    Instant earliest = cancelledAt.plus(delay);
    long windowMillis = randomWindow.toMillis();
    if (windowMillis == 0) {
      return earliest;
    }
    long offset = (long) (secret.unit("quarantine", cancelled) * windowMillis);
    return earliest.plusMillis(offset);
  }

  /**
   * The earliest cancellation instant whose time may still be closed at {@code now}: a cancellation
   * before it has reopened, whatever its random part.
   */
  public Instant stillClosedSince(Instant now) {
    checkNotNull(now, "now");
    return now.minus(delay).minus(randomWindow);
  }
}
