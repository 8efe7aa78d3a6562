package org.opentermin.core.worktime;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import org.opentermin.core.time.TimeOfDayRange;

/**
 * One-off working time on a single date, on top of the weekly rules, e.g. an extra Saturday
 * morning. It applies on holidays too (someone entered it for that very day), but not during
 * absences or office closures, and weekly breaks do not cut into it. Immutable.
 */
public record ExtraTime(LocalDate date, TimeOfDayRange hours) {

  public ExtraTime {
    checkNotNull(date, "date");
    checkNotNull(hours, "hours");
  }

  public static ExtraTime of(LocalDate date, String start, String end) {
    return new ExtraTime(date, TimeOfDayRange.of(start, end));
  }
}
