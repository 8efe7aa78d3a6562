package org.opentermin.core.calendar;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * Tells which days are public holidays. Implementations must be immutable, thread-safe and
 * deterministic; {@link GermanHolidayCalendar} is the built-in one, and a municipality can plug in
 * its own (or combine one with {@link #and}).
 */
public interface HolidayCalendar {

  /** The holidays of {@code year}, sorted by date. */
  ImmutableList<Holiday> holidaysIn(int year);

  /** Whether {@code date} is a holiday. */
  default boolean isHoliday(LocalDate date) {
    return holidayOn(date).isPresent();
  }

  /** The holiday on {@code date}, if any (the first one when two fall together). */
  default Optional<Holiday> holidayOn(LocalDate date) {
    for (Holiday holiday : holidaysIn(date.getYear())) {
      if (holiday.date().equals(date)) {
        return Optional.of(holiday);
      }
    }
    return Optional.empty();
  }

  /** A calendar holding the holidays of both this calendar and {@code other}. */
  default HolidayCalendar and(HolidayCalendar other) {
    checkNotNull(other, "other");
    HolidayCalendar self = this;
    return year ->
        ImmutableList.sortedCopyOf(
            Comparator.comparing(Holiday::date),
            ImmutableList.<Holiday>builder()
                .addAll(self.holidaysIn(year))
                .addAll(other.holidaysIn(year))
                .build());
  }

  /** A calendar without any holidays. */
  static HolidayCalendar none() {
    return year -> ImmutableList.of();
  }

  /** A calendar of exactly the given dated holidays, such as a municipality's local ones. */
  static HolidayCalendar of(Iterable<Holiday> holidays) {
    ImmutableList<Holiday> sorted =
        ImmutableList.sortedCopyOf(Comparator.comparing(Holiday::date), holidays);
    return year ->
        sorted.stream()
            .filter(holiday -> holiday.date().getYear() == year)
            .collect(ImmutableList.toImmutableList());
  }
}
