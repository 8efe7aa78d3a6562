package org.opentermin.core.calendar;

import static java.util.Comparator.comparing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class GermanHolidayCalendarPropertyTest {

  @Property
  void everyStateKeepsTheNineNationwideHolidays(
      @ForAll @IntRange(min = 1995, max = 2200) int year, @ForAll GermanState state) {
    LocalDate easter = Easter.sunday(year);

    List<LocalDate> dates =
        GermanHolidayCalendar.of(state).holidaysIn(year).stream().map(Holiday::date).toList();

    assertThat(dates)
        .contains(
            LocalDate.of(year, 1, 1),
            easter.minusDays(2),
            easter.plusDays(1),
            LocalDate.of(year, 5, 1),
            easter.plusDays(39),
            easter.plusDays(50),
            LocalDate.of(year, 10, 3),
            LocalDate.of(year, 12, 25),
            LocalDate.of(year, 12, 26));
  }

  @Property
  void movableFeastsFallOnTheirWeekdays(
      @ForAll @IntRange(min = 1995, max = 2200) int year, @ForAll GermanState state) {
    GermanHolidayCalendar calendar = GermanHolidayCalendar.of(state);

    assertThat(dayOf(calendar, year, "Karfreitag")).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(dayOf(calendar, year, "Ostermontag")).isEqualTo(DayOfWeek.MONDAY);
    assertThat(dayOf(calendar, year, "Christi Himmelfahrt")).isEqualTo(DayOfWeek.THURSDAY);
    assertThat(dayOf(calendar, year, "Pfingstmontag")).isEqualTo(DayOfWeek.MONDAY);
  }

  @Property
  void holidaysAreSortedByDate(
      @ForAll @IntRange(min = 1995, max = 2200) int year, @ForAll GermanState state) {
    assertThat(GermanHolidayCalendar.of(state).holidaysIn(year))
        .isSortedAccordingTo(comparing(Holiday::date))
        .allSatisfy(holiday -> assertThat(holiday.date().getYear()).isEqualTo(year));
  }

  @Property
  void saxonDayOfRepentanceIsAWednesdayFrom16To22November(
      @ForAll @IntRange(min = 1995, max = 2200) int year) {
    List<LocalDate> novemberHolidays =
        GermanHolidayCalendar.of(GermanState.SAXONY).holidaysIn(year).stream()
            .map(Holiday::date)
            .filter(date -> date.getMonth() == Month.NOVEMBER)
            .toList();

    assertThat(novemberHolidays)
        .singleElement()
        .satisfies(
            date -> {
              assertThat(date.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
              assertThat(date.getDayOfMonth()).isBetween(16, 22);
            });
  }

  @Property
  void easterSundayIsASundayBetween22MarchAnd25April(
      @ForAll @IntRange(min = 1583, max = 9999) int year) {
    LocalDate easter = Easter.sunday(year);

    assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
  }

  private static DayOfWeek dayOf(GermanHolidayCalendar calendar, int year, String name) {
    return calendar.holidaysIn(year).stream()
        .filter(holiday -> holiday.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " missing in " + year))
        .date()
        .getDayOfWeek();
  }
}
