package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentermin.core.catalog.OfficeId;

class AppointmentIdTest {

  private static final String UUID_TEXT = "3f2b8c1e-9d4a-4b7e-a1c2-5e6f7a8b9c0d";
  private static final AppointmentId MITTE_ID =
      new AppointmentId(OfficeId.of("buergeramt-mitte"), UUID.fromString(UUID_TEXT));

  @Test
  void textFormIsOfficeDotUuid() {
    assertThat(MITTE_ID).hasToString("buergeramt-mitte." + UUID_TEXT);
  }

  @Test
  void textFormParsesBackToTheSameId() {
    assertThat(AppointmentId.parse(MITTE_ID.toString())).contains(MITTE_ID);
  }

  @Test
  void parsedIdNamesItsOfficeAndUuid() {
    AppointmentId parsed = AppointmentId.parse("B_12." + UUID_TEXT).orElseThrow();

    assertThat(parsed.office()).isEqualTo(OfficeId.of("B_12"));
    assertThat(parsed.uuid()).isEqualTo(UUID.fromString(UUID_TEXT));
  }

  @Test
  void officeIdOfTheMaximumSixtyFourCharactersIsParsed() {
    String office = "o".repeat(64);

    assertThat(AppointmentId.parse(office + "." + UUID_TEXT))
        .contains(new AppointmentId(OfficeId.of(office), UUID.fromString(UUID_TEXT)));
  }

  @Test
  void officeIdOfSixtyFiveCharactersIsNotParsed() {
    assertThat(AppointmentId.parse("o".repeat(65) + "." + UUID_TEXT)).isEmpty();
  }

  @Test
  void nullIsNotParsed() {
    assertThat(AppointmentId.parse(null)).isEmpty();
  }

  @Test
  void overlyLongInputIsNotParsed() {
    assertThat(AppointmentId.parse("a".repeat(10_000) + "." + UUID_TEXT)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        ".",
        "buergeramt-mitte",
        "buergeramt-mitte3f2b8c1e-9d4a-4b7e-a1c2-5e6f7a8b9c0d",
        "buergeramt-mitte.",
        "." + UUID_TEXT,
        "-mitte." + UUID_TEXT,
        "buergeramt mitte." + UUID_TEXT,
        "buergeramt/mitte." + UUID_TEXT,
        "buergeramt.mitte." + UUID_TEXT,
        "buergeramt-mitte.3F2B8C1E-9D4A-4B7E-A1C2-5E6F7A8B9C0D",
        "buergeramt-mitte.1-2-3-4-5",
        "buergeramt-mitte.3f2b8c1e-9d4a-4b7e-a1c2-5e6f7a8b9c0",
        "buergeramt-mitte.3f2b8c1e9d4a4b7ea1c25e6f7a8b9c0d",
        "buergeramt-mitte.3f2b8c1e-9d4a-4b7e-a1c2-5e6f7a8b9c0d ",
        " buergeramt-mitte.3f2b8c1e-9d4a-4b7e-a1c2-5e6f7a8b9c0d",
        "buergeramt-mitte.{3f2b8c1e-9d4a-4b7e-a1c2-5e6f7a8b9c0d}",
        "buergeramt-mitte.zf2b8c1e-9d4a-4b7e-a1c2-5e6f7a8b9c0d",
      })
  void malformedTextIsNotParsed(String text) {
    assertThat(AppointmentId.parse(text)).isEmpty();
  }

  @Test
  void idWithoutOfficeIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> new AppointmentId(null, UUID.fromString(UUID_TEXT)));
  }

  @Test
  void idWithoutUuidIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> new AppointmentId(OfficeId.of("buergeramt-mitte"), null));
  }
}
