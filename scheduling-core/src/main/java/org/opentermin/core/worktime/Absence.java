package org.opentermin.core.worktime;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.opentermin.core.time.TimeOfDayRange;

/**
 * Time in which a resource does not work although its rules say so (leave, training, illness), as a
 * half-open range of local date-times {@code [start, end)}; whole or partial days. It carries no
 * reason: why a person is absent is nobody's business here. Immutable.
 */
public record Absence(LocalDateTime start, LocalDateTime end) {

  public Absence {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(start.isBefore(end), "absence must end after it starts: %s to %s", start, end);
  }

  /** Absent on every day from {@code first} to {@code last}, both included. */
  public static Absence wholeDays(LocalDate first, LocalDate last) {
    checkArgument(!last.isBefore(first), "last day %s lies before first day %s", last, first);
    return new Absence(first.atStartOfDay(), last.plusDays(1).atStartOfDay());
  }

  /** Absent on {@code date} during {@code hours}. */
  public static Absence partOfDay(LocalDate date, TimeOfDayRange hours) {
    return new Absence(date.atTime(hours.start()), date.atTime(hours.end()));
  }

  /** Whether the resource is absent at the local date-time {@code time}. */
  public boolean covers(LocalDateTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }
}
