package org.opentermin.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentermin.core.calendar.GermanState;
import org.opentermin.core.calendar.HolidayRegion;

class OfficeTest {

  private static final ZoneId BERLIN_TIME = ZoneId.of("Europe/Berlin");
  private static final BookingHorizon HORIZON = BookingHorizon.of(Duration.ofHours(2), 60);

  private static Office office(String name, int slotMinutes, Duration holdDuration) {
    return new Office(
        OfficeId.of("kvr-muenchen"),
        name,
        BERLIN_TIME,
        HolidayRegion.munich(),
        slotMinutes,
        HORIZON,
        holdDuration);
  }

  private static Office office(int slotMinutes, Duration holdDuration) {
    return office("KVR München", slotMinutes, holdDuration);
  }

  @ParameterizedTest(name = "slot grid of {0} minutes")
  @ValueSource(ints = {5, 10, 15, 20, 30})
  void slotGridsThatDivideAnHourAreAccepted(int slotMinutes) {
    assertThat(office(slotMinutes, Office.DEFAULT_HOLD_DURATION).slotMinutes())
        .isEqualTo(slotMinutes);
  }

  @ParameterizedTest(name = "slot grid of {0} minutes")
  @ValueSource(ints = {7, 0, -5, 1, 12, 45, 60})
  void otherSlotGridsAreRejected(int slotMinutes) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> office(slotMinutes, Office.DEFAULT_HOLD_DURATION));
  }

  @Test
  void slotGridOfSevenMinutesIsRejectedNamingTheGrid() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> office(7, Office.DEFAULT_HOLD_DURATION))
        .withMessageContaining("not 7");
  }

  @Test
  void holdOfOneToSixtyMinutesIsAccepted() {
    assertThat(office(15, Duration.ofMinutes(1)).holdDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(office(15, Duration.ofMinutes(60)).holdDuration()).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void holdOfZeroMinutesIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> office(15, Duration.ZERO));
  }

  @Test
  void holdOfSixtyOneMinutesIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> office(15, Duration.ofMinutes(61)))
        .withMessageContaining("PT1H1M");
  }

  @Test
  void negativeHoldIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> office(15, Duration.ofMinutes(-10)));
  }

  @Test
  void blankNameIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> office(" ", 15, Office.DEFAULT_HOLD_DURATION));
  }

  @Test
  void nameOverTwoHundredCharactersIsRejected() {
    assertThat(office("x".repeat(200), 15, Office.DEFAULT_HOLD_DURATION).name()).hasSize(200);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> office("x".repeat(201), 15, Office.DEFAULT_HOLD_DURATION));
  }

  @Test
  void officeKeepsTheHolidaysOfTheStateOfItsRegion() {
    assertThat(office(15, Office.DEFAULT_HOLD_DURATION).state()).isEqualTo(GermanState.BAVARIA);
  }
}
