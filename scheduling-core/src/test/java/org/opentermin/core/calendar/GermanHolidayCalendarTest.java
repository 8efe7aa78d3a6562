package org.opentermin.core.calendar;

import static java.util.Comparator.comparing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The expected dates come from the holiday laws of the states (Feiertagsgesetze), not from the code
 * under test. In 2026 Easter Sunday is 5 April.
 */
class GermanHolidayCalendarTest {

  // Nationwide holidays of 2026.
  private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);
  private static final LocalDate GOOD_FRIDAY = LocalDate.of(2026, 4, 3);
  private static final LocalDate EASTER_MONDAY = LocalDate.of(2026, 4, 6);
  private static final LocalDate LABOUR_DAY = LocalDate.of(2026, 5, 1);
  private static final LocalDate ASCENSION = LocalDate.of(2026, 5, 14);
  private static final LocalDate WHIT_MONDAY = LocalDate.of(2026, 5, 25);
  private static final LocalDate GERMAN_UNITY = LocalDate.of(2026, 10, 3);
  private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);
  private static final LocalDate BOXING_DAY = LocalDate.of(2026, 12, 26);

  // Holidays of some states in 2026.
  private static final LocalDate EPIPHANY = LocalDate.of(2026, 1, 6);
  private static final LocalDate WOMENS_DAY = LocalDate.of(2026, 3, 8);
  private static final LocalDate EASTER_SUNDAY = LocalDate.of(2026, 4, 5);
  private static final LocalDate WHIT_SUNDAY = LocalDate.of(2026, 5, 24);
  private static final LocalDate CORPUS_CHRISTI = LocalDate.of(2026, 6, 4);
  private static final LocalDate AUGSBURG_PEACE = LocalDate.of(2026, 8, 8);
  private static final LocalDate ASSUMPTION = LocalDate.of(2026, 8, 15);
  private static final LocalDate CHILDRENS_DAY = LocalDate.of(2026, 9, 20);
  private static final LocalDate REFORMATION = LocalDate.of(2026, 10, 31);
  private static final LocalDate ALL_SAINTS = LocalDate.of(2026, 11, 1);
  private static final LocalDate REPENTANCE = LocalDate.of(2026, 11, 18);

  private static List<LocalDate> dates(GermanHolidayCalendar calendar, int year) {
    return calendar.holidaysIn(year).stream().map(Holiday::date).toList();
  }

  private static List<LocalDate> dates2026(GermanState state) {
    return dates(GermanHolidayCalendar.of(state), 2026);
  }

  private static boolean isHoliday(GermanState state, LocalDate date) {
    return GermanHolidayCalendar.of(state).isHoliday(date);
  }

  @Test
  void bavariaKeepsEpiphanyCorpusChristiAndAllSaintsButNotAssumptionStatewide() {
    assertThat(dates2026(GermanState.BAVARIA))
        .containsExactly(
            NEW_YEAR,
            EPIPHANY,
            GOOD_FRIDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_MONDAY,
            CORPUS_CHRISTI,
            GERMAN_UNITY,
            ALL_SAINTS,
            CHRISTMAS,
            BOXING_DAY);
  }

  @Test
  void munichKeepsAssumptionDayButNotTheAugsburgPeaceFestival() {
    assertThat(dates(GermanHolidayCalendar.of(HolidayRegion.munich()), 2026))
        .containsExactly(
            NEW_YEAR,
            EPIPHANY,
            GOOD_FRIDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_MONDAY,
            CORPUS_CHRISTI,
            ASSUMPTION,
            GERMAN_UNITY,
            ALL_SAINTS,
            CHRISTMAS,
            BOXING_DAY);
  }

  @Test
  void augsburgKeepsItsPeaceFestivalOnlyWithTheRegionalOption() {
    GermanHolidayCalendar augsburg =
        GermanHolidayCalendar.of(
            HolidayRegion.of(
                GermanState.BAVARIA,
                RegionalHoliday.AUGSBURG_PEACE_FESTIVAL,
                RegionalHoliday.ASSUMPTION_DAY));

    assertThat(augsburg.holidayOn(AUGSBURG_PEACE))
        .map(Holiday::name)
        .contains("Augsburger Hohes Friedensfest");
    assertThat(augsburg.isHoliday(ASSUMPTION)).isTrue();
    assertThat(augsburg.holidaysIn(2026)).hasSize(14);
    assertThat(isHoliday(GermanState.BAVARIA, AUGSBURG_PEACE)).isFalse();
    assertThat(GermanHolidayCalendar.of(HolidayRegion.munich()).isHoliday(AUGSBURG_PEACE))
        .isFalse();
  }

  @Test
  void berlinKeepsWomensDay() {
    assertThat(dates2026(GermanState.BERLIN))
        .containsExactly(
            NEW_YEAR,
            WOMENS_DAY,
            GOOD_FRIDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_MONDAY,
            GERMAN_UNITY,
            CHRISTMAS,
            BOXING_DAY);
  }

  @Test
  void berlinKeepsWomensDaySince2019Only() {
    assertThat(isHoliday(GermanState.BERLIN, LocalDate.of(2018, 3, 8))).isFalse();
    assertThat(isHoliday(GermanState.BERLIN, LocalDate.of(2019, 3, 8))).isTrue();
    assertThat(isHoliday(GermanState.BERLIN, LocalDate.of(2027, 3, 8))).isTrue();
  }

  @ParameterizedTest(name = "8 May {0} in Berlin: {1}")
  @CsvSource({
    "2019, false",
    "2020, true",
    "2021, false",
    "2024, false",
    "2025, true",
    "2026, false",
    "2030, false"
  })
  void berlinKeptLiberationDayOnlyOnTheAnniversariesIn2020And2025(int year, boolean holiday) {
    assertThat(isHoliday(GermanState.BERLIN, LocalDate.of(year, 5, 8))).isEqualTo(holiday);
  }

  @Test
  void liberationDayWasNoHolidayOutsideBerlin() {
    assertThat(isHoliday(GermanState.BRANDENBURG, LocalDate.of(2020, 5, 8))).isFalse();
    assertThat(isHoliday(GermanState.MECKLENBURG_WESTERN_POMERANIA, LocalDate.of(2025, 5, 8)))
        .isFalse();
  }

  @Test
  void saxonyKeepsReformationDayAndDayOfRepentance() {
    assertThat(dates2026(GermanState.SAXONY))
        .containsExactly(
            NEW_YEAR,
            GOOD_FRIDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_MONDAY,
            GERMAN_UNITY,
            REFORMATION,
            REPENTANCE,
            CHRISTMAS,
            BOXING_DAY);
  }

  @ParameterizedTest(name = "Buß- und Bettag {0}")
  @CsvSource({"2025-11-19", "2026-11-18", "2027-11-17", "2023-11-22", "2028-11-22", "2029-11-21"})
  void saxonyKeepsDayOfRepentanceOnTheWednesdayBeforeTheLastSundayOfTheChurchYear(LocalDate date) {
    assertThat(GermanHolidayCalendar.of(GermanState.SAXONY).holidayOn(date))
        .map(Holiday::name)
        .contains("Buß- und Bettag");
  }

  @Test
  void dayOfRepentanceIsNoHolidayOutsideSaxony() {
    assertThat(isHoliday(GermanState.BAVARIA, REPENTANCE)).isFalse();
    assertThat(isHoliday(GermanState.THURINGIA, REPENTANCE)).isFalse();
    assertThat(isHoliday(GermanState.SAXONY_ANHALT, REPENTANCE)).isFalse();
  }

  @Test
  void sorbianMunicipalitiesOfSaxonyKeepCorpusChristiWithTheRegionalOption() {
    GermanHolidayCalendar sorbian =
        GermanHolidayCalendar.of(
            HolidayRegion.of(GermanState.SAXONY, RegionalHoliday.CORPUS_CHRISTI));

    assertThat(sorbian.isHoliday(CORPUS_CHRISTI)).isTrue();
    assertThat(sorbian.holidaysIn(2026)).hasSize(12);
    assertThat(isHoliday(GermanState.SAXONY, CORPUS_CHRISTI)).isFalse();
  }

  @Test
  void thuringiaKeepsWorldChildrensDayAndReformationDay() {
    assertThat(dates2026(GermanState.THURINGIA))
        .containsExactly(
            NEW_YEAR,
            GOOD_FRIDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_MONDAY,
            CHILDRENS_DAY,
            GERMAN_UNITY,
            REFORMATION,
            CHRISTMAS,
            BOXING_DAY);
  }

  @Test
  void thuringiaKeepsWorldChildrensDaySince2019Only() {
    assertThat(isHoliday(GermanState.THURINGIA, LocalDate.of(2018, 9, 20))).isFalse();
    assertThat(isHoliday(GermanState.THURINGIA, LocalDate.of(2019, 9, 20))).isTrue();
    assertThat(isHoliday(GermanState.SAXONY, LocalDate.of(2019, 9, 20))).isFalse();
  }

  @Test
  void eichsfeldKeepsCorpusChristiWithTheRegionalOption() {
    GermanHolidayCalendar eichsfeld =
        GermanHolidayCalendar.of(
            HolidayRegion.of(GermanState.THURINGIA, RegionalHoliday.CORPUS_CHRISTI));

    assertThat(eichsfeld.isHoliday(CORPUS_CHRISTI)).isTrue();
    assertThat(isHoliday(GermanState.THURINGIA, CORPUS_CHRISTI)).isFalse();
  }

  @Test
  void brandenburgListsEasterSundayAndWhitSunday() {
    assertThat(dates2026(GermanState.BRANDENBURG))
        .containsExactly(
            NEW_YEAR,
            GOOD_FRIDAY,
            EASTER_SUNDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_SUNDAY,
            WHIT_MONDAY,
            GERMAN_UNITY,
            REFORMATION,
            CHRISTMAS,
            BOXING_DAY);
  }

  @Test
  void hesseListsEasterSundayWhitSundayAndCorpusChristi() {
    assertThat(dates2026(GermanState.HESSE))
        .containsExactly(
            NEW_YEAR,
            GOOD_FRIDAY,
            EASTER_SUNDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_SUNDAY,
            WHIT_MONDAY,
            CORPUS_CHRISTI,
            GERMAN_UNITY,
            CHRISTMAS,
            BOXING_DAY);
  }

  @Test
  void easterSundayIsListedOnlyInBrandenburgAndHesse() {
    for (GermanState state : GermanState.values()) {
      boolean listed = state == GermanState.BRANDENBURG || state == GermanState.HESSE;
      assertThat(isHoliday(state, EASTER_SUNDAY)).as(state.name()).isEqualTo(listed);
      assertThat(isHoliday(state, WHIT_SUNDAY)).as(state.name()).isEqualTo(listed);
    }
  }

  @Test
  void saarlandKeepsAssumptionDayStatewide() {
    assertThat(dates2026(GermanState.SAARLAND))
        .containsExactly(
            NEW_YEAR,
            GOOD_FRIDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_MONDAY,
            CORPUS_CHRISTI,
            ASSUMPTION,
            GERMAN_UNITY,
            ALL_SAINTS,
            CHRISTMAS,
            BOXING_DAY);
  }

  @Test
  void northRhineWestphaliaKeepsCorpusChristiAndAllSaints() {
    assertThat(dates2026(GermanState.NORTH_RHINE_WESTPHALIA))
        .containsExactly(
            NEW_YEAR,
            GOOD_FRIDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_MONDAY,
            CORPUS_CHRISTI,
            GERMAN_UNITY,
            ALL_SAINTS,
            CHRISTMAS,
            BOXING_DAY);
  }

  @Test
  void hamburgKeepsTheNineNationwideHolidaysAndReformationDay() {
    assertThat(dates2026(GermanState.HAMBURG))
        .containsExactly(
            NEW_YEAR,
            GOOD_FRIDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_MONDAY,
            GERMAN_UNITY,
            REFORMATION,
            CHRISTMAS,
            BOXING_DAY);
  }

  @Test
  void mecklenburgWesternPomeraniaKeepsWomensDayAndReformationDay() {
    assertThat(dates2026(GermanState.MECKLENBURG_WESTERN_POMERANIA))
        .containsExactly(
            NEW_YEAR,
            WOMENS_DAY,
            GOOD_FRIDAY,
            EASTER_MONDAY,
            LABOUR_DAY,
            ASCENSION,
            WHIT_MONDAY,
            GERMAN_UNITY,
            REFORMATION,
            CHRISTMAS,
            BOXING_DAY);
  }

  @Test
  void mecklenburgWesternPomeraniaKeepsWomensDaySince2023Only() {
    GermanState mv = GermanState.MECKLENBURG_WESTERN_POMERANIA;
    assertThat(isHoliday(mv, LocalDate.of(2022, 3, 8))).isFalse();
    assertThat(isHoliday(mv, LocalDate.of(2023, 3, 8))).isTrue();
    assertThat(isHoliday(mv, LocalDate.of(2024, 3, 8))).isTrue();
  }

  @Test
  void womensDayIsNoHolidayInBrandenburg() {
    assertThat(isHoliday(GermanState.BRANDENBURG, WOMENS_DAY)).isFalse();
  }

  @Test
  void epiphanyIsKeptInBadenWuerttembergBavariaAndSaxonyAnhaltOnly() {
    for (GermanState state : GermanState.values()) {
      boolean kept =
          state == GermanState.BADEN_WUERTTEMBERG
              || state == GermanState.BAVARIA
              || state == GermanState.SAXONY_ANHALT;
      assertThat(isHoliday(state, EPIPHANY)).as(state.name()).isEqualTo(kept);
    }
  }

  @ParameterizedTest(name = "{0} keeps Reformation Day since 2018")
  @EnumSource(
      value = GermanState.class,
      names = {"HAMBURG", "BREMEN", "LOWER_SAXONY", "SCHLESWIG_HOLSTEIN"})
  void northernStatesKeepReformationDaySince2018(GermanState state) {
    assertThat(isHoliday(state, LocalDate.of(2016, 10, 31))).isFalse();
    assertThat(isHoliday(state, LocalDate.of(2018, 10, 31))).isTrue();
    assertThat(isHoliday(state, REFORMATION)).isTrue();
  }

  @ParameterizedTest(name = "{0} kept Reformation Day in 2017")
  @EnumSource(GermanState.class)
  void everyStateKeptReformationDayOnIts500thAnniversary(GermanState state) {
    assertThat(GermanHolidayCalendar.of(state).holidayOn(LocalDate.of(2017, 10, 31)))
        .map(Holiday::name)
        .contains("Reformationstag");
  }

  @Test
  void reformationDayIsListedOnceIn2017EvenWhereItIsAlwaysKept() {
    assertThat(GermanHolidayCalendar.of(GermanState.SAXONY).holidaysIn(2017))
        .filteredOn(holiday -> holiday.date().equals(LocalDate.of(2017, 10, 31)))
        .hasSize(1);
  }

  @ParameterizedTest(name = "{0} did not keep Reformation Day in 2018")
  @EnumSource(
      value = GermanState.class,
      names = {
        "BADEN_WUERTTEMBERG",
        "BAVARIA",
        "BERLIN",
        "HESSE",
        "NORTH_RHINE_WESTPHALIA",
        "RHINELAND_PALATINATE",
        "SAARLAND"
      })
  void southernAndWesternStatesKeptReformationDayOnlyIn2017(GermanState state) {
    assertThat(isHoliday(state, LocalDate.of(2016, 10, 31))).isFalse();
    assertThat(isHoliday(state, LocalDate.of(2018, 10, 31))).isFalse();
    assertThat(isHoliday(state, REFORMATION)).isFalse();
  }

  @ParameterizedTest(name = "{0} has {1} holidays in 2026")
  @CsvSource({
    "BADEN_WUERTTEMBERG, 12",
    "BAVARIA, 12",
    "BERLIN, 10",
    "BRANDENBURG, 12",
    "BREMEN, 10",
    "HAMBURG, 10",
    "HESSE, 12",
    "MECKLENBURG_WESTERN_POMERANIA, 11",
    "LOWER_SAXONY, 10",
    "NORTH_RHINE_WESTPHALIA, 11",
    "RHINELAND_PALATINATE, 11",
    "SAARLAND, 12",
    "SAXONY, 11",
    "SAXONY_ANHALT, 11",
    "SCHLESWIG_HOLSTEIN, 10",
    "THURINGIA, 11"
  })
  void numberOfHolidaysPerStateIn2026(GermanState state, int count) {
    assertThat(GermanHolidayCalendar.of(state).holidaysIn(2026)).hasSize(count);
  }

  @Test
  void holidaysAreSortedByDateInEveryState() {
    for (GermanState state : GermanState.values()) {
      assertThat(GermanHolidayCalendar.of(state).holidaysIn(2026))
          .as(state.name())
          .isSortedAccordingTo(comparing(Holiday::date));
    }
  }

  @Test
  void ascensionAndLabourDayAreBothListedWhenTheyFellTogetherIn2008() {
    assertThat(GermanHolidayCalendar.of(GermanState.BERLIN).holidaysIn(2008))
        .filteredOn(holiday -> holiday.date().equals(LocalDate.of(2008, 5, 1)))
        .extracting(Holiday::name)
        .containsExactlyInAnyOrder("Tag der Arbeit", "Christi Himmelfahrt");
  }

  @Test
  void holidayOnNamesTheHoliday() {
    GermanHolidayCalendar bavaria = GermanHolidayCalendar.of(GermanState.BAVARIA);

    assertThat(bavaria.holidayOn(EPIPHANY)).map(Holiday::name).contains("Heilige Drei Könige");
    assertThat(bavaria.holidayOn(CORPUS_CHRISTI)).map(Holiday::name).contains("Fronleichnam");
    assertThat(bavaria.holidayOn(LocalDate.of(2026, 1, 7))).isEmpty();
  }

  @Test
  void theCalendarKnowsItsRegion() {
    assertThat(GermanHolidayCalendar.of(GermanState.SAARLAND).region())
        .isEqualTo(HolidayRegion.of(GermanState.SAARLAND));
    assertThat(GermanHolidayCalendar.of(HolidayRegion.munich()).region())
        .isEqualTo(HolidayRegion.munich());
  }

  @Test
  void aCalendarNeedsARegion() {
    assertThatNullPointerException()
        .isThrownBy(() -> GermanHolidayCalendar.of((HolidayRegion) null));
  }
}
