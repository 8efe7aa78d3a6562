package org.opentermin.core.worktime;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentermin.core.time.DateRange;

class WeeklyRuleTest {

  // Week 10 of 2026 runs from Monday 2 March to Sunday 8 March.
  private static final LocalDate MONDAY_MARCH_2 = LocalDate.of(2026, 3, 2);
  private static final LocalDate WEDNESDAY_MARCH_4 = LocalDate.of(2026, 3, 4);
  private static final LocalDate THURSDAY_MARCH_5 = LocalDate.of(2026, 3, 5);
  private static final LocalDate FRIDAY_MARCH_6 = LocalDate.of(2026, 3, 6);
  private static final LocalDate SATURDAY_MARCH_7 = LocalDate.of(2026, 3, 7);
  private static final LocalDate SUNDAY_MARCH_8 = LocalDate.of(2026, 3, 8);

  private static final WeeklyRule MONDAY_TO_THURSDAY_MORNINGS =
      WeeklyRule.weekly(EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), "08:00", "12:00");

  private static final WeeklyRule MONDAYS = WeeklyRule.weekly(Set.of(MONDAY), "14:00", "18:00");

  @Test
  void weeklyRuleAppliesOnItsWeekdaysOnly() {
    assertThat(MONDAY_TO_THURSDAY_MORNINGS.appliesOn(MONDAY_MARCH_2)).isTrue();
    assertThat(MONDAY_TO_THURSDAY_MORNINGS.appliesOn(THURSDAY_MARCH_5)).isTrue();
    assertThat(MONDAY_TO_THURSDAY_MORNINGS.appliesOn(FRIDAY_MARCH_6)).isFalse();
    assertThat(MONDAY_TO_THURSDAY_MORNINGS.appliesOn(SATURDAY_MARCH_7)).isFalse();
    assertThat(MONDAY_TO_THURSDAY_MORNINGS.appliesOn(SUNDAY_MARCH_8)).isFalse();
  }

  @Test
  void weeklyRuleAppliesInEveryWeekByDefault() {
    assertThat(MONDAYS.everyWeeks()).isEqualTo(1);
    assertThat(MONDAYS.validity()).isEqualTo(DateRange.ALWAYS);
    assertThat(MONDAYS.appliesOn(MONDAY_MARCH_2)).isTrue();
    assertThat(MONDAYS.appliesOn(MONDAY_MARCH_2.plusWeeks(1))).isTrue();
    assertThat(MONDAYS.appliesOn(MONDAY_MARCH_2.minusWeeks(1))).isTrue();
    assertThat(MONDAYS.appliesOn(LocalDate.of(1999, 1, 4))).isTrue();
  }

  @Test
  void ruleAppliesFromTheFirstDayOfItsValidityButNotOnTheExclusiveEnd() {
    WeeklyRule march =
        MONDAYS.validDuring(new DateRange(MONDAY_MARCH_2, MONDAY_MARCH_2.plusWeeks(2)));

    assertThat(march.appliesOn(MONDAY_MARCH_2.minusWeeks(1))).isFalse();
    assertThat(march.appliesOn(MONDAY_MARCH_2)).isTrue();
    assertThat(march.appliesOn(MONDAY_MARCH_2.plusWeeks(1))).isTrue();
    assertThat(march.appliesOn(MONDAY_MARCH_2.plusWeeks(2))).isFalse();
  }

  @Test
  void ruleValidOnADayWhichIsNotOneOfItsWeekdaysDoesNotApply() {
    WeeklyRule onlyOnFriday = MONDAYS.validDuring(DateRange.ofDay(FRIDAY_MARCH_6));

    assertThat(onlyOnFriday.appliesOn(FRIDAY_MARCH_6)).isFalse();
  }

  @Test
  void fortnightlyRuleAppliesInTheAnchorWeekAndEveryOtherWeekAfter() {
    WeeklyRule fortnightly = MONDAYS.everyWeeks(2, MONDAY_MARCH_2);

    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2)).isTrue();
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.plusWeeks(1))).isFalse();
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.plusWeeks(2))).isTrue();
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.plusWeeks(3))).isFalse();
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.plusWeeks(100))).isTrue();
  }

  @Test
  void fortnightlyRuleKeepsItsRhythmBeforeTheAnchorWeek() {
    WeeklyRule fortnightly = MONDAYS.everyWeeks(2, MONDAY_MARCH_2);

    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.minusWeeks(1))).isFalse();
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.minusWeeks(2))).isTrue();
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.minusWeeks(3))).isFalse();
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.minusWeeks(52))).isTrue();
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.minusWeeks(53))).isFalse();
  }

  @Test
  void fortnightlyRuleKeepsItsRhythmAcrossAYearWithFiftyThreeIsoWeeks() {
    // 2026 has an ISO week 53, so week numbers 52 (2026) and 1 (2027) are two weeks apart.
    WeeklyRule fortnightly = MONDAYS.everyWeeks(2, LocalDate.of(2026, 12, 21));

    assertThat(fortnightly.appliesOn(LocalDate.of(2026, 12, 28))).isFalse();
    assertThat(fortnightly.appliesOn(LocalDate.of(2027, 1, 4))).isTrue();
    assertThat(fortnightly.appliesOn(LocalDate.of(2027, 1, 11))).isFalse();
  }

  @Test
  void anchorOnAWednesdayStandsForTheMondayOfItsWeek() {
    WeeklyRule fortnightly = MONDAYS.everyWeeks(2, WEDNESDAY_MARCH_4);

    assertThat(fortnightly.anchorWeek()).isEqualTo(MONDAY_MARCH_2);
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2)).isTrue();
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.plusWeeks(1))).isFalse();
  }

  @Test
  void anchorOnASundayBelongsToTheWeekThatStartedOnTheMondayBefore() {
    WeeklyRule fortnightly = MONDAYS.everyWeeks(2, SUNDAY_MARCH_8);

    assertThat(fortnightly.anchorWeek()).isEqualTo(MONDAY_MARCH_2);
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2)).isTrue();
    assertThat(fortnightly.appliesOn(MONDAY_MARCH_2.plusWeeks(1))).isFalse();
  }

  @Test
  void fortnightlyRuleOnSeveralDaysAppliesOnAllOfThemInItsWeeks() {
    WeeklyRule fortnightly = MONDAY_TO_THURSDAY_MORNINGS.everyWeeks(2, MONDAY_MARCH_2);

    assertThat(fortnightly.appliesOn(THURSDAY_MARCH_5)).isTrue();
    assertThat(fortnightly.appliesOn(THURSDAY_MARCH_5.plusWeeks(1))).isFalse();
    assertThat(fortnightly.appliesOn(FRIDAY_MARCH_6)).isFalse();
  }

  @Test
  void everyThirdWeekRule() {
    WeeklyRule everyThirdWeek = MONDAYS.everyWeeks(3, MONDAY_MARCH_2);

    assertThat(everyThirdWeek.appliesOn(MONDAY_MARCH_2)).isTrue();
    assertThat(everyThirdWeek.appliesOn(MONDAY_MARCH_2.plusWeeks(1))).isFalse();
    assertThat(everyThirdWeek.appliesOn(MONDAY_MARCH_2.plusWeeks(2))).isFalse();
    assertThat(everyThirdWeek.appliesOn(MONDAY_MARCH_2.plusWeeks(3))).isTrue();
    assertThat(everyThirdWeek.appliesOn(MONDAY_MARCH_2.minusWeeks(3))).isTrue();
    assertThat(everyThirdWeek.appliesOn(MONDAY_MARCH_2.minusWeeks(1))).isFalse();
  }

  @Test
  void rhythmAndValidityBothHaveToMatch() {
    WeeklyRule rule =
        MONDAYS
            .everyWeeks(2, MONDAY_MARCH_2)
            .validDuring(DateRange.startingOn(MONDAY_MARCH_2.plusWeeks(3)));

    assertThat(rule.appliesOn(MONDAY_MARCH_2.plusWeeks(2))).isFalse();
    assertThat(rule.appliesOn(MONDAY_MARCH_2.plusWeeks(3))).isFalse();
    assertThat(rule.appliesOn(MONDAY_MARCH_2.plusWeeks(4))).isTrue();
  }

  @Test
  void ruleWithoutWeekdaysIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WeeklyRule.weekly(EnumSet.noneOf(DayOfWeek.class), "08:00", "12:00"));
  }

  @Test
  void rhythmOfZeroWeeksIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MONDAYS.everyWeeks(0, MONDAY_MARCH_2))
        .withMessageContaining("0");
  }

  @Test
  void rhythmOfMoreThanFiftyTwoWeeksIsRejected() {
    assertThat(MONDAYS.everyWeeks(52, MONDAY_MARCH_2).everyWeeks()).isEqualTo(52);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MONDAYS.everyWeeks(53, MONDAY_MARCH_2))
        .withMessageContaining("53");
  }

  @Test
  void validityAndRhythmKeepTheOtherSettings() {
    WeeklyRule rule =
        MONDAY_TO_THURSDAY_MORNINGS
            .everyWeeks(2, WEDNESDAY_MARCH_4)
            .validDuring(DateRange.closed(MONDAY_MARCH_2, LocalDate.of(2026, 6, 30)));

    assertThat(rule.days()).containsExactlyInAnyOrder(MONDAY, TUESDAY, WEDNESDAY, THURSDAY);
    assertThat(rule.hours()).isEqualTo(MONDAY_TO_THURSDAY_MORNINGS.hours());
    assertThat(rule.everyWeeks()).isEqualTo(2);
    assertThat(rule.anchorWeek()).isEqualTo(MONDAY_MARCH_2);
    assertThat(rule.validity().last()).isEqualTo(LocalDate.of(2026, 6, 30));
  }
}
