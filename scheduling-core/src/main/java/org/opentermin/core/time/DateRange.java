package org.opentermin.core.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A half-open range of local dates {@code [start, endExclusive)}.
 *
 * <p>{@link LocalDate#MIN} and {@link LocalDate#MAX} stand for "since ever" and "until further
 * notice". Immutable and thread-safe.
 */
public record DateRange(LocalDate start, LocalDate endExclusive) {

  /** The range without bounds, for rules that are always valid. */
  public static final DateRange ALWAYS = new DateRange(LocalDate.MIN, LocalDate.MAX);

  public DateRange {
    checkNotNull(start, "start");
    checkNotNull(endExclusive, "endExclusive");
    checkArgument(
        !endExclusive.isBefore(start), "end %s lies before start %s", endExclusive, start);
  }

  /** The range from {@code first} to {@code last}, both days included. */
  public static DateRange closed(LocalDate first, LocalDate last) {
    checkNotNull(last, "last");
    checkArgument(!last.isBefore(first), "last day %s lies before first day %s", last, first);
    return new DateRange(first, last.equals(LocalDate.MAX) ? LocalDate.MAX : last.plusDays(1));
  }

  /** The single day {@code day}. */
  public static DateRange ofDay(LocalDate day) {
    return closed(day, day);
  }

  /** The range from {@code first} (included) without an end. */
  public static DateRange startingOn(LocalDate first) {
    return new DateRange(first, LocalDate.MAX);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && date.isBefore(endExclusive);
  }

  public boolean isEmpty() {
    return start.equals(endExclusive);
  }

  /** The last day in the range; the range must not be empty. */
  public LocalDate last() {
    checkArgument(!isEmpty(), "an empty range has no last day");
    return endExclusive.minusDays(1);
  }

  /** Number of days in the range; only meaningful for bounded ranges. */
  public long lengthInDays() {
    return ChronoUnit.DAYS.between(start, endExclusive);
  }

  /** The days both ranges contain; empty (starting at the later start) when they do not meet. */
  public DateRange intersection(DateRange other) {
    LocalDate laterStart = start.isAfter(other.start) ? start : other.start;
    LocalDate earlierEnd =
        endExclusive.isBefore(other.endExclusive) ? endExclusive : other.endExclusive;
    return earlierEnd.isBefore(laterStart)
        ? new DateRange(laterStart, laterStart)
        : new DateRange(laterStart, earlierEnd);
  }
}
