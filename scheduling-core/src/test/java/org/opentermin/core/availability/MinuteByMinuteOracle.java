package org.opentermin.core.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.time.TimeOfDayRange;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.ExtraTime;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;

/**
 * The definition of a free slot, written as plainly as possible and evaluated minute by minute with
 * {@code java.time}: slow, obviously right, and independent of the interval arithmetic in {@link
 * SlotFinder}. Property tests compare the two.
 */
final class MinuteByMinuteOracle {

  private final OfficeSchedule schedule;
  private final List<BusyPeriod> busy;
  private final Instant now;
  private final ZoneId zone;

  MinuteByMinuteOracle(OfficeSchedule schedule, List<BusyPeriod> busy, Instant now) {
    this.schedule = schedule;
    this.busy = busy;
    this.now = now;
    this.zone = schedule.office().zone();
  }

  /** Every slot on the days of {@code dates}, by definition. */
  List<Slot> slots(AppointmentRequest request, LocalDate first, LocalDate last) {
    Office office = schedule.office();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Instant earliest = now.plus(office.horizon().minimumNotice());
    List<Slot> slots = new ArrayList<>();
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      if (date.isBefore(today)
          || date.isAfter(today.plusDays(office.horizon().maximumDaysAhead()))) {
        continue;
      }
      for (int minute = 0; minute < 24 * 60; minute += office.slotMinutes()) {
        LocalDateTime local = date.atTime(minute / 60, minute % 60);
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
          continue; // skipped by a daylight saving change
        }
        Instant start = ZonedDateTime.of(local, zone).withEarlierOffsetAtOverlap().toInstant();
        if (start.isBefore(earliest)) {
          continue;
        }
        int capacity = capacityAt(request, start);
        if (capacity > 0) {
          slots.add(new Slot(start, capacity));
        }
      }
    }
    return slots;
  }

  /** How many qualified resources are free for the whole appointment starting at {@code start}. */
  int capacityAt(AppointmentRequest request, Instant start) {
    int capacity = 0;
    for (ScheduledResource resource : schedule.resources()) {
      if (resource.resource().canServeAll(request.serviceIds())
          && freeThroughout(resource, start, start.plus(request.duration()))) {
        capacity++;
      }
    }
    return capacity;
  }

  private boolean freeThroughout(ScheduledResource resource, Instant start, Instant end) {
    for (Instant minute = start; minute.isBefore(end); minute = minute.plusSeconds(60)) {
      if (!works(resource.workingTime(), minute) || isBusy(resource, minute)) {
        return false;
      }
    }
    return true;
  }

  private boolean works(WorkingTime workingTime, Instant minute) {
    LocalDate date = LocalDateTime.ofInstant(minute, zone).toLocalDate();
    for (OfficeClosure closure : schedule.closures()) {
      if (closure.date().equals(date)) {
        return false;
      }
    }
    for (Absence absence : workingTime.absences()) {
      if (!minute.isBefore(rangeStart(absence.start()))
          && minute.isBefore(rangeEnd(absence.end()))) {
        return false;
      }
    }
    for (ExtraTime extra : workingTime.extraTimes()) {
      if (extra.date().equals(date) && within(date, extra.hours(), minute)) {
        return true;
      }
    }
    if (schedule.holidays().isHoliday(date)) {
      return false;
    }
    boolean byRule = false;
    for (WeeklyRule rule : workingTime.rules()) {
      byRule |= rule.appliesOn(date) && within(date, rule.hours(), minute);
    }
    for (WeeklyRule pause : workingTime.breaks()) {
      byRule &= !(pause.appliesOn(date) && within(date, pause.hours(), minute));
    }
    return byRule;
  }

  private boolean isBusy(ScheduledResource resource, Instant minute) {
    for (BusyPeriod period : busy) {
      if (period.resource().equals(resource.resource().id())
          && period.isActiveAt(now)
          && period.start().isBefore(minute.plusSeconds(60))
          && period.end().isAfter(minute)) {
        return true;
      }
    }
    return false;
  }

  private boolean within(LocalDate date, TimeOfDayRange hours, Instant minute) {
    return !minute.isBefore(rangeStart(date.atTime(hours.start())))
        && minute.isBefore(rangeEnd(date.atTime(hours.end())));
  }

  /** A range starting at a local time starts at its first occurrence (or after a gap). */
  private Instant rangeStart(LocalDateTime local) {
    return ZonedDateTime.of(local, zone).withEarlierOffsetAtOverlap().toInstant();
  }

  /** A range ending at a local time ends at its last occurrence. */
  private Instant rangeEnd(LocalDateTime local) {
    return ZonedDateTime.of(local, zone).withLaterOffsetAtOverlap().toInstant();
  }
}
