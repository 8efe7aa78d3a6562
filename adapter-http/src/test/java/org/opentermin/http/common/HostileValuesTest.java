package org.opentermin.http.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The rules that keep hostile values out before anything computes with them. */
class HostileValuesTest {

  private static final String TIMED = "{\"officeId\": \"sbh-mitte\", \"start\": %s}";

  /** A request body with a date-time, as a hold has one. */
  record Timed(String officeId, OffsetDateTime start) {}

  @Test
  void datesOutsideTheYears2000To2199AreRefusedWhereverTheyAreRead() {
    assertThat(DateBounds.date("2000-01-01")).contains(LocalDate.of(2000, 1, 1));
    assertThat(DateBounds.date("2199-12-31")).contains(LocalDate.of(2199, 12, 31));
    assertThat(DateBounds.date("1999-12-31")).isEmpty();
    assertThat(DateBounds.date("2200-01-01")).isEmpty();
    assertThat(DateBounds.date("+999999999-12-31")).isEmpty();
    assertThat(DateBounds.date("-999999999-01-01")).isEmpty();
    assertThat(DateBounds.date("2026-02-30")).isEmpty();
    assertThat(DateBounds.dateTime("+294277-01-01T00:00:00Z")).isEmpty();
    assertThat(DateBounds.dateTime("2026-12-01T08:00:00+01:00")).isPresent();
  }

  @Test
  void aBodyDateOutsideTheBoundsIsRefusedNamingTheRule() {
    assertThatThrownBy(
            () ->
                JsonBodies.MAPPER.readValue(
                    TIMED.formatted("\"+999999999-12-31T08:00:00Z\""), Timed.class))
        .isInstanceOfSatisfying(
            StrictJsonValues.BrokenRule.class,
            refusal -> assertThat(refusal.rule()).isEqualTo(DateBounds.RULE));
  }

  @Test
  void aDateTimeGivenAsANumberOrAnArrayIsTheWrongType() {
    assertThatThrownBy(() -> JsonBodies.MAPPER.readValue(TIMED.formatted("123"), Timed.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(
            () -> JsonBodies.MAPPER.readValue(TIMED.formatted("[2026, 12, 1, 8, 0]"), Timed.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void textWithALoneSurrogateIsRefusedAndPairedSurrogatesPass() throws IOException {
    assertThat(StrictJsonValues.hasLoneSurrogate("a\ud800b")).isTrue();
    assertThat(StrictJsonValues.hasLoneSurrogate("\udc00")).isTrue();
    assertThat(StrictJsonValues.hasLoneSurrogate("x\ud83d")).isTrue();
    assertThat(StrictJsonValues.hasLoneSurrogate("Erika 😀 Müller")).isFalse();
    assertThatThrownBy(
            () ->
                JsonBodies.MAPPER.readValue(
                    "{\"name\": \"Erika \\ud800\"}", CommonRequests.CitizenData.class))
        .isInstanceOf(StrictJsonValues.BrokenRule.class);
    assertThat(
            JsonBodies.MAPPER
                .readValue("{\"name\": \"Erika \\ud83d\\ude00\"}", CommonRequests.CitizenData.class)
                .name())
        .isEqualTo("Erika 😀");
  }

  @Test
  void anOffsetDateTimeIsJudgedByTheDayTheClientWrote() {
    assertThat(DateBounds.contains(OffsetDateTime.parse("2199-12-31T23:00:00-05:00"))).isTrue();
    assertThat(DateBounds.contains(OffsetDateTime.parse("2000-01-01T00:30:00+01:00"))).isTrue();
  }
}
