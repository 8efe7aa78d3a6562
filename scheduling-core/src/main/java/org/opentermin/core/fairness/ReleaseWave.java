package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One wave of a {@link ReleasePolicy}: it opens {@code daysBefore} days before the appointment day
 * and carries {@code sharePercent} of the day's grid cells. Immutable.
 *
 * @param daysBefore 0 to {@value #MAXIMUM_DAYS_BEFORE}; 0 opens on the day itself
 * @param sharePercent 1 to 100
 */
public record ReleaseWave(int daysBefore, int sharePercent) {

  /** A year ahead, leap years included: no office plans further. */
  public static final int MAXIMUM_DAYS_BEFORE = 366;

  public ReleaseWave {
    checkArgument(
        daysBefore >= 0 && daysBefore <= MAXIMUM_DAYS_BEFORE,
        "a release wave opens 0 to %s days before the day, not %s",
        MAXIMUM_DAYS_BEFORE,
        daysBefore);
    checkArgument(
        sharePercent >= 1 && sharePercent <= 100,
        "a release wave's share must be 1 to 100 percent, not %s",
        sharePercent);
  }
}
