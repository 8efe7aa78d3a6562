package org.opentermin.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateRangeTest {

  private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
  private static final LocalDate MARCH_6 = LocalDate.of(2026, 3, 6);

  @Test
  void closedRangeIncludesBothDaysAndEndsTheDayAfterTheLast() {
    DateRange workWeek = DateRange.closed(MARCH_2, MARCH_6);

    assertThat(workWeek.start()).isEqualTo(MARCH_2);
    assertThat(workWeek.endExclusive()).isEqualTo(LocalDate.of(2026, 3, 7));
    assertThat(workWeek.last()).isEqualTo(MARCH_6);
    assertThat(workWeek.lengthInDays()).isEqualTo(5);
    assertThat(workWeek.contains(MARCH_2)).isTrue();
    assertThat(workWeek.contains(MARCH_6)).isTrue();
  }

  @Test
  void halfOpenRangeContainsItsStartButNotItsEnd() {
    DateRange range = new DateRange(MARCH_2, MARCH_6);

    assertThat(range.contains(MARCH_2.minusDays(1))).isFalse();
    assertThat(range.contains(MARCH_2)).isTrue();
    assertThat(range.contains(MARCH_6.minusDays(1))).isTrue();
    assertThat(range.contains(MARCH_6)).isFalse();
  }

  @Test
  void singleDayContainsOnlyThatDay() {
    DateRange day = DateRange.ofDay(MARCH_2);

    assertThat(day.contains(MARCH_2)).isTrue();
    assertThat(day.contains(MARCH_2.minusDays(1))).isFalse();
    assertThat(day.contains(MARCH_2.plusDays(1))).isFalse();
    assertThat(day.lengthInDays()).isEqualTo(1);
    assertThat(day.isEmpty()).isFalse();
    assertThat(day.last()).isEqualTo(MARCH_2);
  }

  @Test
  void closedRangeOverTheTurnOfTheYearInALeapYear() {
    DateRange range = DateRange.closed(LocalDate.of(2027, 12, 30), LocalDate.of(2028, 3, 1));

    assertThat(range.lengthInDays()).isEqualTo(2 + 31 + 29 + 1);
    assertThat(range.contains(LocalDate.of(2028, 2, 29))).isTrue();
  }

  @Test
  void rangeEndingBeforeItStartsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new DateRange(MARCH_6, MARCH_2))
        .withMessageContaining("2026-03-02")
        .withMessageContaining("2026-03-06");
  }

  @Test
  void closedRangeWithLastDayBeforeFirstIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DateRange.closed(MARCH_6, MARCH_2))
        .withMessageContaining("2026-03-02");
  }

  @Test
  void rangeFromADayToItselfIsEmptyAndHasNoLastDay() {
    DateRange empty = new DateRange(MARCH_2, MARCH_2);

    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.lengthInDays()).isZero();
    assertThat(empty.contains(MARCH_2)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(empty::last);
  }

  @Test
  void alwaysContainsTheEarliestAndTheLastRepresentableDays() {
    assertThat(DateRange.ALWAYS.contains(LocalDate.MIN)).isTrue();
    assertThat(DateRange.ALWAYS.contains(LocalDate.MIN.plusDays(1))).isTrue();
    assertThat(DateRange.ALWAYS.contains(MARCH_2)).isTrue();
    assertThat(DateRange.ALWAYS.contains(LocalDate.MAX.minusDays(1))).isTrue();
    assertThat(DateRange.ALWAYS.isEmpty()).isFalse();
  }

  @Test
  void startingOnRunsUntilFurtherNotice() {
    DateRange fromMarch = DateRange.startingOn(MARCH_2);

    assertThat(fromMarch.contains(MARCH_2.minusDays(1))).isFalse();
    assertThat(fromMarch.contains(MARCH_2)).isTrue();
    assertThat(fromMarch.contains(LocalDate.of(9999, 12, 31))).isTrue();
    assertThat(fromMarch.endExclusive()).isEqualTo(LocalDate.MAX);
  }

  @Test
  void closedRangeUntilTheLastRepresentableDayDoesNotOverflow() {
    assertThat(DateRange.closed(MARCH_2, LocalDate.MAX)).isEqualTo(DateRange.startingOn(MARCH_2));
  }

  @Test
  void overlappingRangesIntersectInTheCommonDays() {
    DateRange march = DateRange.closed(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    DateRange easterHolidays =
        DateRange.closed(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 10));

    DateRange common = DateRange.closed(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 31));
    assertThat(march.intersection(easterHolidays)).isEqualTo(common);
    assertThat(easterHolidays.intersection(march)).isEqualTo(common);
  }

  @Test
  void rangeInsideAnotherIsItsOwnIntersection() {
    DateRange week = DateRange.closed(MARCH_2, MARCH_6);

    assertThat(DateRange.ALWAYS.intersection(week)).isEqualTo(week);
    assertThat(week.intersection(DateRange.ALWAYS)).isEqualTo(week);
  }

  @Test
  void disjointRangesIntersectInAnEmptyRangeAtTheLaterStart() {
    DateRange january = DateRange.closed(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
    DateRange march = DateRange.closed(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    DateRange none = january.intersection(march);

    assertThat(none.isEmpty()).isTrue();
    assertThat(none.start()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(march.intersection(january)).isEqualTo(none);
  }

  @Test
  void adjacentRangesDoNotShareADay() {
    DateRange first = new DateRange(MARCH_2, MARCH_6);
    DateRange second = new DateRange(MARCH_6, MARCH_6.plusDays(3));

    DateRange common = first.intersection(second);

    assertThat(common.isEmpty()).isTrue();
    assertThat(common.contains(MARCH_6)).isFalse();
  }
}
