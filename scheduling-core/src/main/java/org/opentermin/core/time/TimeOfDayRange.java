package org.opentermin.core.time;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalTime;

/**
 * A half-open range of local times within one day, {@code [start, end)}, in whole minutes.
 *
 * <p>Ranges do not cross midnight; the latest possible end is 23:59. Immutable and thread-safe.
 */
public record TimeOfDayRange(LocalTime start, LocalTime end) {

  public TimeOfDayRange {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkWholeMinute(start);
    checkWholeMinute(end);
    checkArgument(start.isBefore(end), "time range must end after it starts: %s-%s", start, end);
  }

  /** Parses two times such as {@code "08:00"} and {@code "12:30"}. */
  public static TimeOfDayRange of(String start, String end) {
    return new TimeOfDayRange(LocalTime.parse(start), LocalTime.parse(end));
  }

  /** Minutes from local midnight to the start. */
  public int startMinute() {
    return start.getHour() * 60 + start.getMinute();
  }

  /** Minutes from local midnight to the end. */
  public int endMinute() {
    return end.getHour() * 60 + end.getMinute();
  }

  public boolean contains(LocalTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }

  private static void checkWholeMinute(LocalTime time) {
    checkArgument(
        time.getSecond() == 0 && time.getNano() == 0, "times are whole minutes, not %s", time);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
