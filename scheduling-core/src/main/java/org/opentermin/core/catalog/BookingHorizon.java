package org.opentermin.core.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * How far ahead an office can be booked: a start must lie at least {@code minimumNotice} after the
 * moment of booking, and on a local date at most {@code maximumDaysAhead} days after today (today
 * itself is day 0). Immutable.
 */
public record BookingHorizon(Duration minimumNotice, int maximumDaysAhead) {

  /** The longest horizon an office may configure: two years. */
  public static final int MAXIMUM_DAYS_AHEAD_LIMIT = 730;

  public BookingHorizon {
    checkNotNull(minimumNotice, "minimumNotice");
    checkArgument(
        !minimumNotice.isNegative(), "minimum notice must not be negative: %s", minimumNotice);
    checkArgument(
        minimumNotice.compareTo(Duration.ofDays(MAXIMUM_DAYS_AHEAD_LIMIT)) <= 0,
        "minimum notice too long: %s",
        minimumNotice);
    checkArgument(
        maximumDaysAhead >= 0 && maximumDaysAhead <= MAXIMUM_DAYS_AHEAD_LIMIT,
        "maximum days ahead must be between 0 and %s, not %s",
        MAXIMUM_DAYS_AHEAD_LIMIT,
        maximumDaysAhead);
  }

  public static BookingHorizon of(Duration minimumNotice, int maximumDaysAhead) {
    return new BookingHorizon(minimumNotice, maximumDaysAhead);
  }
}
