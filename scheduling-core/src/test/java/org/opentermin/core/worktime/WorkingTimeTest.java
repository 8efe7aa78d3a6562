package org.opentermin.core.worktime;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentermin.core.time.TimeOfDayRange;

class WorkingTimeTest {

  private static final WeeklyRule MONDAY_MORNING =
      WeeklyRule.weekly(Set.of(MONDAY), "08:00", "12:00");
  private static final WeeklyRule THURSDAY_AFTERNOON =
      WeeklyRule.weekly(Set.of(THURSDAY), "14:00", "18:00");
  private static final WeeklyRule FRIDAY_MORNING =
      WeeklyRule.weekly(Set.of(FRIDAY), "08:00", "12:00");
  private static final WeeklyRule LUNCH_BREAK =
      WeeklyRule.weekly(Set.of(MONDAY, THURSDAY), "12:00", "12:30");
  private static final WeeklyRule COFFEE_BREAK =
      WeeklyRule.weekly(Set.of(MONDAY), "10:00", "10:15");
  private static final ExtraTime EXTRA_SATURDAY =
      ExtraTime.of(LocalDate.of(2026, 3, 7), "09:00", "13:00");
  private static final ExtraTime EXTRA_SUNDAY =
      ExtraTime.of(LocalDate.of(2026, 3, 8), "10:00", "12:00");
  private static final Absence LEAVE =
      Absence.wholeDays(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 20));
  private static final Absence TRAINING =
      Absence.partOfDay(LocalDate.of(2026, 3, 23), TimeOfDayRange.of("08:00", "10:00"));

  @Test
  void builderCollectsEveryPartInTheOrderGiven() {
    WorkingTime workingTime =
        WorkingTime.builder()
            .rule(MONDAY_MORNING, THURSDAY_AFTERNOON)
            .rules(List.of(FRIDAY_MORNING))
            .breakRule(LUNCH_BREAK)
            .breakRules(List.of(COFFEE_BREAK))
            .extraTime(EXTRA_SATURDAY)
            .extraTimes(List.of(EXTRA_SUNDAY))
            .absence(LEAVE)
            .absences(List.of(TRAINING))
            .build();

    assertThat(workingTime.rules())
        .containsExactly(MONDAY_MORNING, THURSDAY_AFTERNOON, FRIDAY_MORNING);
    assertThat(workingTime.breaks()).containsExactly(LUNCH_BREAK, COFFEE_BREAK);
    assertThat(workingTime.extraTimes()).containsExactly(EXTRA_SATURDAY, EXTRA_SUNDAY);
    assertThat(workingTime.absences()).containsExactly(LEAVE, TRAINING);
  }

  @Test
  void partsAddedAfterBuildingDoNotChangeTheBuiltWorkingTime() {
    WorkingTime.Builder builder = WorkingTime.builder().rule(MONDAY_MORNING);
    WorkingTime built = builder.build();

    builder.rule(FRIDAY_MORNING).absence(LEAVE);

    assertThat(built.rules()).containsExactly(MONDAY_MORNING);
    assertThat(built.absences()).isEmpty();
  }

  @Test
  void noneHasNoWorkingTimeAtAll() {
    WorkingTime none = WorkingTime.none();

    assertThat(none.rules()).isEmpty();
    assertThat(none.breaks()).isEmpty();
    assertThat(none.extraTimes()).isEmpty();
    assertThat(none.absences()).isEmpty();
  }

  @Test
  void extraTimeIsParsedFromLocalTimes() {
    assertThat(EXTRA_SATURDAY.hours()).isEqualTo(TimeOfDayRange.of("09:00", "13:00"));
    assertThat(EXTRA_SATURDAY.date()).isEqualTo(LocalDate.of(2026, 3, 7));
  }
}
