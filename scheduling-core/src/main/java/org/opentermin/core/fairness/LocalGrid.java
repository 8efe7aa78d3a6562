package org.opentermin.core.fairness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Cuts time into cells of a fixed number of local minutes, aligned to local midnight. A cell
 * boundary is the instant of its local time ({@link ZonedDateTime#of} rules: a local time in a gap
 * moves past the gap, a repeated one takes its first occurrence), so the cells partition time: on
 * the spring-forward day cells in the gap are empty and never returned, on the fall-back day the
 * cell that contains the change is longer.
 */
final class LocalGrid {

  private static final int MINUTES_PER_DAY = 24 * 60;

  private LocalGrid() {}

  /** The non-empty cell of {@code minutes} (a divisor of a day) that contains {@code at}. */
  static TimeWindow cellAt(ZoneId zone, Instant at, int minutes) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    LocalDate day = local.toLocalDate();
    int index = (local.getHour() * 60 + local.getMinute()) / minutes;
    Instant start = boundary(zone, day, index, minutes);
    Instant end = boundary(zone, day, index + 1, minutes);
    // Local-to-instant is monotone, so these loops run only in zones whose changes straddle a
    // cell boundary in odd ways; they keep the answer a cell that really contains `at`.
    while (!at.isBefore(end)) {
      index++;
      start = end;
      end = boundary(zone, day, index + 1, minutes);
    }
    while (at.isBefore(start)) {
      index--;
      end = start;
      start = boundary(zone, day, index, minutes);
    }
    return new TimeWindow(start, end);
  }

  /** The start of the {@code index}-th cell of {@code day}; indexes past the day run on. */
  static Instant boundary(ZoneId zone, LocalDate day, long index, int minutes) {
    return ZonedDateTime.of(day.atStartOfDay().plusMinutes(index * minutes), zone).toInstant();
  }

  /** The instant at which {@code day} starts locally. */
  static Instant startOfDay(ZoneId zone, LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  static boolean dividesADay(int minutes) {
    return minutes > 0 && MINUTES_PER_DAY % minutes == 0;
  }
}
