package org.opentermin.core.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.opentermin.core.time.TimeOfDayRange;

class AbsenceTest {

  private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
  private static final LocalDate MARCH_4 = LocalDate.of(2026, 3, 4);

  @Test
  void wholeDaysRunFromTheFirstMidnightToTheMidnightAfterTheLastDay() {
    Absence leave = Absence.wholeDays(MARCH_2, MARCH_4);

    assertThat(leave.start()).isEqualTo(LocalDateTime.of(2026, 3, 2, 0, 0));
    assertThat(leave.end()).isEqualTo(LocalDateTime.of(2026, 3, 5, 0, 0));
  }

  @Test
  void wholeDaysCoverBothBoundaryDaysCompletely() {
    Absence leave = Absence.wholeDays(MARCH_2, MARCH_4);

    assertThat(leave.covers(LocalDateTime.of(2026, 3, 1, 23, 59))).isFalse();
    assertThat(leave.covers(LocalDateTime.of(2026, 3, 2, 0, 0))).isTrue();
    assertThat(leave.covers(LocalDateTime.of(2026, 3, 3, 12, 0))).isTrue();
    assertThat(leave.covers(LocalDateTime.of(2026, 3, 4, 23, 59))).isTrue();
    assertThat(leave.covers(LocalDateTime.of(2026, 3, 5, 0, 0))).isFalse();
  }

  @Test
  void singleWholeDayCoversThatDayOnly() {
    Absence sickDay = Absence.wholeDays(MARCH_2, MARCH_2);

    assertThat(sickDay.covers(MARCH_2.atTime(8, 0))).isTrue();
    assertThat(sickDay.covers(MARCH_2.plusDays(1).atStartOfDay())).isFalse();
  }

  @Test
  void wholeDaysEndingBeforeTheyStartAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Absence.wholeDays(MARCH_4, MARCH_2))
        .withMessageContaining("2026-03-02");
  }

  @Test
  void partOfDayCoversItsStartButNotItsEnd() {
    Absence training = Absence.partOfDay(MARCH_2, TimeOfDayRange.of("09:00", "11:30"));

    assertThat(training.start()).isEqualTo(MARCH_2.atTime(9, 0));
    assertThat(training.end()).isEqualTo(MARCH_2.atTime(11, 30));
    assertThat(training.covers(MARCH_2.atTime(8, 59))).isFalse();
    assertThat(training.covers(MARCH_2.atTime(9, 0))).isTrue();
    assertThat(training.covers(MARCH_2.atTime(11, 29))).isTrue();
    assertThat(training.covers(MARCH_2.atTime(11, 30))).isFalse();
    assertThat(training.covers(MARCH_2.plusDays(1).atTime(10, 0))).isFalse();
  }

  @Test
  void absenceMayRunOverNight() {
    Absence trip =
        new Absence(LocalDateTime.of(2026, 3, 2, 15, 0), LocalDateTime.of(2026, 3, 3, 10, 0));

    assertThat(trip.covers(LocalDateTime.of(2026, 3, 2, 23, 0))).isTrue();
    assertThat(trip.covers(LocalDateTime.of(2026, 3, 3, 9, 59))).isTrue();
    assertThat(trip.covers(LocalDateTime.of(2026, 3, 3, 10, 0))).isFalse();
  }

  @Test
  void absenceEndingWhenItStartsIsRejected() {
    LocalDateTime nine = MARCH_2.atTime(9, 0);

    assertThatIllegalArgumentException().isThrownBy(() -> new Absence(nine, nine));
  }

  @Test
  void absenceEndingBeforeItStartsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Absence(MARCH_2.atTime(12, 0), MARCH_2.atTime(9, 0)));
  }
}
