package org.opentermin.core.availability;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.time.TimeOfDayRange;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.ExtraTime;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;

/**
 * A resource's working time compiled for fast daily lookups in the office's zone: rules and breaks
 * by weekday, extra times by date, absences as merged epoch-minute intervals. Immutable.
 */
final class ResourcePlan {

  private static final WeeklyRule[] NO_RULES = new WeeklyRule[0];

  final Resource resource;
  private final WeeklyRule[][] rulesByDay;
  private final WeeklyRule[][] breaksByDay;
  private final ImmutableListMultimap<LocalDate, TimeOfDayRange> extraTimes;
  private final long[] absenceStarts;
  private final long[] absenceEnds;

  ResourcePlan(ScheduledResource scheduled, ZoneId zone) {
    this.resource = scheduled.resource();
    WorkingTime workingTime = scheduled.workingTime();
    this.rulesByDay = byWeekday(workingTime.rules());
    this.breaksByDay = byWeekday(workingTime.breaks());
    this.extraTimes =
        workingTime.extraTimes().stream()
            .collect(
                ImmutableListMultimap.toImmutableListMultimap(ExtraTime::date, ExtraTime::hours));
    long[][] absences = mergedAbsences(workingTime.absences(), zone);
    this.absenceStarts = absences[0];
    this.absenceEnds = absences[1];
  }

  /** Whether anything could make the resource work on {@code date}; a cheap pre-check. */
  boolean mayWorkOn(LocalDate date, boolean holiday) {
    return (!holiday && rulesByDay[date.getDayOfWeek().ordinal()].length > 0)
        || extraTimes.containsKey(date);
  }

  /**
   * Fills {@code free} with the minutes of {@code day} in which the resource works and is neither
   * absent nor busy with a claim that is active at {@code now}.
   */
  void freeTime(
      DayFrame day,
      boolean holiday,
      Occupancy.ResourceBusyTimes busy,
      Instant now,
      IntervalBuffer free) {
    free.clear();
    LocalDate date = day.date;
    int weekday = date.getDayOfWeek().ordinal();
    if (!holiday) {
      for (WeeklyRule rule : rulesByDay[weekday]) {
        if (rule.appliesOn(date)) {
          free.add(
              day.rangeStart(rule.hours().startMinute()), day.rangeEnd(rule.hours().endMinute()));
        }
      }
      free.normalize();
      for (WeeklyRule pause : breaksByDay[weekday]) {
        if (pause.appliesOn(date)) {
          free.subtract(
              day.rangeStart(pause.hours().startMinute()), day.rangeEnd(pause.hours().endMinute()));
        }
      }
    }
    ImmutableList<TimeOfDayRange> extras = extraTimes.get(date);
    if (!extras.isEmpty()) {
      for (TimeOfDayRange extra : extras) {
        free.add(day.rangeStart(extra.startMinute()), day.rangeEnd(extra.endMinute()));
      }
      free.normalize();
    }
    if (free.size() == 0) {
      return;
    }
    long dayStart = day.startEpochMinute;
    long dayEnd = day.endEpochMinute();
    for (int i = firstAbsenceEndingAfter(dayStart);
        i < absenceStarts.length && absenceStarts[i] < dayEnd;
        i++) {
      free.subtract(day.clamp(absenceStarts[i]), day.clamp(absenceEnds[i]));
    }
    long[] busyStarts = busy.startMinutes;
    long[] busyEnds = busy.endMinutes;
    for (int i = busy.firstReaching(dayStart);
        i < busyStarts.length && busyStarts[i] < dayEnd;
        i++) {
      if (busyEnds[i] > dayStart && now.isBefore(busy.expiries[i])) {
        free.subtract(day.clamp(busyStarts[i]), day.clamp(busyEnds[i]));
      }
    }
  }

  private int firstAbsenceEndingAfter(long epochMinute) {
    int index = Arrays.binarySearch(absenceEnds, epochMinute);
    // Merged absences end strictly increasing; one ending exactly at the day's start is irrelevant.
    return index >= 0 ? index + 1 : -index - 1;
  }

  private static WeeklyRule[][] byWeekday(ImmutableList<WeeklyRule> rules) {
    WeeklyRule[][] byDay = new WeeklyRule[7][];
    for (DayOfWeek weekday : DayOfWeek.values()) {
      byDay[weekday.ordinal()] =
          rules.stream().filter(rule -> rule.days().contains(weekday)).toArray(WeeklyRule[]::new);
      if (byDay[weekday.ordinal()].length == 0) {
        byDay[weekday.ordinal()] = NO_RULES;
      }
    }
    return byDay;
  }

  private static long[][] mergedAbsences(ImmutableList<Absence> absences, ZoneId zone) {
    long[][] intervals =
        absences.stream()
            .map(
                absence ->
                    new long[] {
                      EpochMinutes.floor(ZonedDateTime.of(absence.start(), zone).toInstant()),
                      EpochMinutes.ceil(
                          ZonedDateTime.of(absence.end(), zone)
                              .withLaterOffsetAtOverlap()
                              .toInstant())
                    })
            .sorted(Comparator.comparingLong(interval -> interval[0]))
            .toArray(long[][]::new);
    long[] starts = new long[intervals.length];
    long[] ends = new long[intervals.length];
    int merged = 0;
    for (long[] interval : intervals) {
      if (merged > 0 && interval[0] <= ends[merged - 1]) {
        ends[merged - 1] = Math.max(ends[merged - 1], interval[1]);
      } else {
        starts[merged] = interval[0];
        ends[merged] = interval[1];
        merged++;
      }
    }
    return new long[][] {Arrays.copyOf(starts, merged), Arrays.copyOf(ends, merged)};
  }
}
