package org.opentermin.core.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * One local day of an office, as real minutes from the day's start: local times map onto it through
 * the zone's rules, so daylight saving days are 23 or 25 hours long.
 *
 * <p>Local times in the spring-forward gap are no start times; in the fall-back overlap a start
 * time means its first occurrence. A working range that begins in a gap begins when the gap ends,
 * and one that ends in an overlap ends at its second occurrence, as a person living through the day
 * would work it.
 */
final class DayFrame {

  final LocalDate date;

  /** Epoch minute at which the local day begins. */
  final long startEpochMinute;

  /** Real minutes until the next local day begins. */
  final int lengthMinutes;

  private final ZoneId zone;

  /** Whether local minutes equal real minutes all day (no offset change). */
  private final boolean regular;

  DayFrame(LocalDate date, ZoneId zone) {
    this.date = date;
    this.zone = zone;
    Instant start = date.atStartOfDay(zone).toInstant();
    Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
    this.startEpochMinute = EpochMinutes.floor(start);
    this.lengthMinutes = (int) (EpochMinutes.floor(end) - startEpochMinute);
    ZoneOffsetTransition next = zone.getRules().nextTransition(start);
    boolean startsAtMidnight = date.atStartOfDay(zone).toLocalTime().equals(LocalTime.MIDNIGHT);
    this.regular = startsAtMidnight && (next == null || !next.getInstant().isBefore(end));
  }

  /** Real minute at which a working range starting at local {@code minuteOfDay} starts. */
  int rangeStart(int minuteOfDay) {
    if (regular) {
      return minuteOfDay;
    }
    return relative(ZonedDateTime.of(local(minuteOfDay), zone).toInstant());
  }

  /** Real minute at which a working range ending at local {@code minuteOfDay} ends. */
  int rangeEnd(int minuteOfDay) {
    if (regular) {
      return minuteOfDay;
    }
    return relative(
        ZonedDateTime.of(local(minuteOfDay), zone).withLaterOffsetAtOverlap().toInstant());
  }

  /**
   * Real minute of the start time at local {@code minuteOfDay}, or -1 when that time does not
   * exist.
   */
  int startTime(int minuteOfDay) {
    if (regular) {
      return minuteOfDay;
    }
    LocalDateTime local = local(minuteOfDay);
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      return -1;
    }
    return relative(ZonedDateTime.of(local, zone).toInstant());
  }

  /** Real minute of the day for {@code epochMinute}, clamped to the day. */
  int clamp(long epochMinute) {
    long relative = epochMinute - startEpochMinute;
    return (int) Math.max(0, Math.min(lengthMinutes, relative));
  }

  long endEpochMinute() {
    return startEpochMinute + lengthMinutes;
  }

  Instant instantAt(int minute) {
    return Instant.ofEpochSecond((startEpochMinute + minute) * 60);
  }

  private LocalDateTime local(int minuteOfDay) {
    return date.atTime(minuteOfDay / 60, minuteOfDay % 60);
  }

  private int relative(Instant instant) {
    return (int) (EpochMinutes.floor(instant) - startEpochMinute);
  }
}
