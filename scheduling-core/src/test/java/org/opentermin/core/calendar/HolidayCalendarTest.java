package org.opentermin.core.calendar;

import static java.util.Comparator.comparing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

  private static final Holiday ROSE_MONDAY_2026 =
      new Holiday(LocalDate.of(2026, 2, 16), "Rosenmontag");
  private static final Holiday ROSE_MONDAY_2027 =
      new Holiday(LocalDate.of(2027, 2, 8), "Rosenmontag");
  private static final Holiday CITY_FESTIVAL_2026 =
      new Holiday(LocalDate.of(2026, 7, 10), "Stadtfest");

  @Test
  void noneHasNoHolidaysInAnyYear() {
    HolidayCalendar none = HolidayCalendar.none();

    assertThat(none.holidaysIn(2026)).isEmpty();
    assertThat(none.isHoliday(LocalDate.of(2026, 12, 25))).isFalse();
    assertThat(none.holidayOn(LocalDate.of(2026, 1, 1))).isEmpty();
  }

  @Test
  void ownCalendarListsItsHolidaysOfTheAskedYearSortedByDate() {
    HolidayCalendar local =
        HolidayCalendar.of(List.of(CITY_FESTIVAL_2026, ROSE_MONDAY_2027, ROSE_MONDAY_2026));

    assertThat(local.holidaysIn(2026)).containsExactly(ROSE_MONDAY_2026, CITY_FESTIVAL_2026);
    assertThat(local.holidaysIn(2027)).containsExactly(ROSE_MONDAY_2027);
    assertThat(local.holidaysIn(2025)).isEmpty();
  }

  @Test
  void ownCalendarAnswersForASingleDate() {
    HolidayCalendar local = HolidayCalendar.of(List.of(ROSE_MONDAY_2026));

    assertThat(local.isHoliday(LocalDate.of(2026, 2, 16))).isTrue();
    assertThat(local.holidayOn(LocalDate.of(2026, 2, 16))).contains(ROSE_MONDAY_2026);
    assertThat(local.isHoliday(LocalDate.of(2026, 2, 17))).isFalse();
    assertThat(local.isHoliday(LocalDate.of(2027, 2, 16))).isFalse();
  }

  @Test
  void ownCalendarIsNotChangedByLaterChangesToTheGivenList() {
    List<Holiday> holidays = new ArrayList<>(List.of(ROSE_MONDAY_2026));
    HolidayCalendar local = HolidayCalendar.of(holidays);

    holidays.add(CITY_FESTIVAL_2026);

    assertThat(local.holidaysIn(2026)).containsExactly(ROSE_MONDAY_2026);
  }

  @Test
  void cologneOfficeKeepsTheStateHolidaysAndItsOwnRoseMonday() {
    HolidayCalendar cologne =
        GermanHolidayCalendar.of(GermanState.NORTH_RHINE_WESTPHALIA)
            .and(HolidayCalendar.of(List.of(ROSE_MONDAY_2026)));

    assertThat(cologne.holidaysIn(2026))
        .extracting(Holiday::date)
        .containsExactly(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 2, 16),
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 5, 14),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 6, 4),
            LocalDate.of(2026, 10, 3),
            LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 26));
    assertThat(cologne.holidayOn(LocalDate.of(2026, 2, 16))).contains(ROSE_MONDAY_2026);
    assertThat(cologne.isHoliday(LocalDate.of(2026, 11, 1))).isTrue();
    assertThat(cologne.isHoliday(LocalDate.of(2026, 2, 17))).isFalse();
  }

  @Test
  void combinedCalendarKeepsBothHolidaysOnTheSameDay() {
    Holiday localFeast = new Holiday(LocalDate.of(2026, 10, 3), "Kirchweih");
    HolidayCalendar combined =
        GermanHolidayCalendar.of(GermanState.BERLIN).and(HolidayCalendar.of(List.of(localFeast)));

    assertThat(combined.holidaysIn(2026))
        .filteredOn(holiday -> holiday.date().equals(LocalDate.of(2026, 10, 3)))
        .hasSize(2)
        .contains(localFeast);
    assertThat(combined.holidaysIn(2026)).isSortedAccordingTo(comparing(Holiday::date));
  }

  @Test
  void combiningWithNoneChangesNothing() {
    GermanHolidayCalendar hesse = GermanHolidayCalendar.of(GermanState.HESSE);

    assertThat(hesse.and(HolidayCalendar.none()).holidaysIn(2026))
        .isEqualTo(hesse.holidaysIn(2026));
  }

  @Test
  void combiningWithNothingIsAProgrammingError() {
    assertThatNullPointerException().isThrownBy(() -> HolidayCalendar.none().and(null));
  }

  @Test
  void aHolidayNeedsAName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Holiday(LocalDate.of(2026, 1, 1), " "));
  }
}
