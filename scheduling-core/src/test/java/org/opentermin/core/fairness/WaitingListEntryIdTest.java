package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentermin.core.catalog.OfficeId;

class WaitingListEntryIdTest {

  private static final String UUID_TEXT = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
  private static final WaitingListEntryId MITTE_ENTRY =
      new WaitingListEntryId(OfficeId.of("sbh-mitte"), UUID.fromString(UUID_TEXT));

  @Test
  void textFormIsOfficeDotUuid() {
    assertThat(MITTE_ENTRY).hasToString("sbh-mitte." + UUID_TEXT);
  }

  @Test
  void textFormParsesBackToTheSameEntry() {
    assertThat(WaitingListEntryId.parse(MITTE_ENTRY.toString())).contains(MITTE_ENTRY);
  }

  @Test
  void parsedEntryNamesItsOfficeAndUuid() {
    WaitingListEntryId parsed = WaitingListEntryId.parse("B_12." + UUID_TEXT).orElseThrow();

    assertThat(parsed.office()).isEqualTo(OfficeId.of("B_12"));
    assertThat(parsed.uuid()).isEqualTo(UUID.fromString(UUID_TEXT));
  }

  @Test
  void officeIdOfTheMaximumSixtyFourCharactersIsParsed() {
    String office = "o".repeat(64);

    assertThat(WaitingListEntryId.parse(office + "." + UUID_TEXT))
        .contains(new WaitingListEntryId(OfficeId.of(office), UUID.fromString(UUID_TEXT)));
  }

  @Test
  void officeIdOfSixtyFiveCharactersIsNotParsed() {
    assertThat(WaitingListEntryId.parse("o".repeat(65) + "." + UUID_TEXT)).isEmpty();
  }

  @Test
  void nullIsNotParsed() {
    assertThat(WaitingListEntryId.parse(null)).isEmpty();
  }

  @Test
  void overlyLongInputIsNotParsed() {
    assertThat(WaitingListEntryId.parse("a".repeat(10_000) + "." + UUID_TEXT)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        ".",
        "sbh-mitte",
        "sbh-mitte.",
        "." + UUID_TEXT,
        "-mitte." + UUID_TEXT,
        "sbh mitte." + UUID_TEXT,
        "sbh.mitte." + UUID_TEXT,
        "sbh-mitte.7C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F",
        "sbh-mitte.1-2-3-4-5",
        "sbh-mitte.7c1d2e3f4a5b4c6d8e7f9a0b1c2d3e4f",
        "sbh-mitte.7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f ",
        "sbh-mitte.{7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f}",
      })
  void malformedTextIsNotParsed(String text) {
    assertThat(WaitingListEntryId.parse(text)).isEmpty();
  }

  @Test
  void entryWithoutOfficeIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> new WaitingListEntryId(null, UUID.fromString(UUID_TEXT)));
  }

  @Test
  void entryWithoutUuidIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> new WaitingListEntryId(OfficeId.of("sbh-mitte"), null));
  }
}
