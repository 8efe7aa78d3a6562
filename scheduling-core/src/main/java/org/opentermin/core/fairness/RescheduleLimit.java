package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * At most {@code maxReschedules} moves of one booking, so that a booking cannot be kept alive and
 * traded by moving it again and again; 0 forbids moving. Immutable.
 *
 * @param maxReschedules 0 to 100
 */
public record RescheduleLimit(int maxReschedules) {

  public RescheduleLimit {
    checkArgument(
        maxReschedules >= 0 && maxReschedules <= 100,
        "a reschedule limit allows 0 to 100 reschedules, not %s",
        maxReschedules);
  }

  /** Whether a booking moved {@code done} times may move once more. */
  public boolean allowsAnotherAfter(int done) {
    checkArgument(done >= 0, "reschedules done must not be negative: %s", done);
    return done < maxReschedules;
  }
}
