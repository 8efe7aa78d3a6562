package org.opentermin.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TimeOfDayRangeTest {

  @Test
  void morningHoursAreCountedInMinutesFromMidnight() {
    TimeOfDayRange morning = TimeOfDayRange.of("08:30", "12:15");

    assertThat(morning.startMinute()).isEqualTo(8 * 60 + 30);
    assertThat(morning.endMinute()).isEqualTo(12 * 60 + 15);
  }

  @Test
  void rangeCanStartAtMidnightAndEndAtOneMinuteToMidnight() {
    TimeOfDayRange wholeDay = new TimeOfDayRange(LocalTime.MIDNIGHT, LocalTime.of(23, 59));

    assertThat(wholeDay.startMinute()).isZero();
    assertThat(wholeDay.endMinute()).isEqualTo(1439);
  }

  @Test
  void rangeContainsItsStartButNotItsEnd() {
    TimeOfDayRange morning = TimeOfDayRange.of("08:00", "12:00");

    assertThat(morning.contains(LocalTime.of(7, 59))).isFalse();
    assertThat(morning.contains(LocalTime.of(8, 0))).isTrue();
    assertThat(morning.contains(LocalTime.of(11, 59, 59))).isTrue();
    assertThat(morning.contains(LocalTime.of(12, 0))).isFalse();
  }

  @Test
  void rangeEndingWhenItStartsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TimeOfDayRange.of("09:00", "09:00"))
        .withMessageContaining("09:00");
  }

  @Test
  void rangeEndingBeforeItStartsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TimeOfDayRange.of("18:00", "08:00"))
        .withMessageContaining("18:00");
  }

  @Test
  void startWithSecondsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TimeOfDayRange(LocalTime.of(8, 0, 30), LocalTime.of(12, 0)))
        .withMessageContaining("08:00:30");
  }

  @Test
  void endWithSecondsIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> TimeOfDayRange.of("08:00", "12:00:01"));
  }

  @Test
  void endWithFractionOfASecondIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TimeOfDayRange(LocalTime.of(8, 0), LocalTime.of(12, 0, 0, 1)));
  }

  @Test
  void printsAsStartDashEnd() {
    assertThat(TimeOfDayRange.of("08:00", "12:30")).hasToString("08:00-12:30");
  }
}
