package org.opentermin.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HolidayRegionTest {

  @Test
  void munichIsBavariaWithAssumptionDay() {
    HolidayRegion munich = HolidayRegion.munich();

    assertThat(munich.state()).isEqualTo(GermanState.BAVARIA);
    assertThat(munich.regionalHolidays()).containsExactly(RegionalHoliday.ASSUMPTION_DAY);
  }

  @Test
  void aStateAloneHasNoRegionalHolidays() {
    assertThat(HolidayRegion.of(GermanState.HESSE).regionalHolidays()).isEmpty();
  }

  @Test
  void corpusChristiCanBeKeptInSaxonyAndThuringia() {
    assertThat(
            HolidayRegion.of(GermanState.SAXONY, RegionalHoliday.CORPUS_CHRISTI).regionalHolidays())
        .containsExactly(RegionalHoliday.CORPUS_CHRISTI);
    assertThat(
            HolidayRegion.of(GermanState.THURINGIA, RegionalHoliday.CORPUS_CHRISTI)
                .regionalHolidays())
        .containsExactly(RegionalHoliday.CORPUS_CHRISTI);
  }

  @Test
  void bavariaCannotOptInToSaxonCorpusChristi() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HolidayRegion.of(GermanState.BAVARIA, RegionalHoliday.CORPUS_CHRISTI))
        .withMessageContaining("CORPUS_CHRISTI")
        .withMessageContaining("BAVARIA");
  }

  @Test
  void augsburgPeaceFestivalIsNotKeptInBerlin() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> HolidayRegion.of(GermanState.BERLIN, RegionalHoliday.AUGSBURG_PEACE_FESTIVAL))
        .withMessageContaining("AUGSBURG_PEACE_FESTIVAL");
  }

  @Test
  void hamburgCannotOptInToAssumptionDay() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HolidayRegion.of(GermanState.HAMBURG, RegionalHoliday.ASSUMPTION_DAY))
        .withMessageContaining("ASSUMPTION_DAY");
  }

  @Test
  void regionalHolidaysGivenTwiceAreKeptOnce() {
    HolidayRegion augsburg =
        HolidayRegion.of(
            GermanState.BAVARIA,
            RegionalHoliday.AUGSBURG_PEACE_FESTIVAL,
            RegionalHoliday.AUGSBURG_PEACE_FESTIVAL);

    assertThat(augsburg.regionalHolidays())
        .containsExactly(RegionalHoliday.AUGSBURG_PEACE_FESTIVAL);
  }
}
