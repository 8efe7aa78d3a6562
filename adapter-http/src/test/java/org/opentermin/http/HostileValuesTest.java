package org.opentermin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

/** The rules that keep hostile values out before anything computes with them. */
class HostileValuesTest {

  private static final String HOLD = "{\"officeId\": \"sbh-mitte\", \"services\": [{\"serviceId\": \"wohngeld\", \"persons\": 1}],"
      + " \"start\": %s}";

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
    assertThatThrownBy(() -> JsonBodies.MAPPER.readValue(HOLD.formatted("\"+999999999-12-31T08:00:00Z\""), Requests.NewHold.class))
        .isInstanceOfSatisfying(StrictJsonValues.Refusal.class, refusal -> assertThat(refusal.rule()).isEqualTo(DateBounds.RULE));
  }

  @Test
  void aDateTimeGivenAsANumberOrAnArrayIsTheWrongType() {
    assertThatThrownBy(() -> JsonBodies.MAPPER.readValue(HOLD.formatted("123"), Requests.NewHold.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> JsonBodies.MAPPER.readValue(HOLD.formatted("[2026, 12, 1, 8, 0]"), Requests.NewHold.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void textWithALoneSurrogateIsRefusedAndPairedSurrogatesPass() throws IOException {
    assertThat(StrictJsonValues.hasLoneSurrogate("a\ud800b")).isTrue();
    assertThat(StrictJsonValues.hasLoneSurrogate("\udc00")).isTrue();
    assertThat(StrictJsonValues.hasLoneSurrogate("x\ud83d")).isTrue();
    assertThat(StrictJsonValues.hasLoneSurrogate("Erika 😀 Müller")).isFalse();
    assertThatThrownBy(() -> JsonBodies.MAPPER.readValue("{\"name\": \"Erika \\ud800\"}", Requests.CitizenData.class))
        .isInstanceOf(StrictJsonValues.Refusal.class);
    assertThat(JsonBodies.MAPPER.readValue("{\"name\": \"Erika \\ud83d\\ude00\"}", Requests.CitizenData.class).name())
        .isEqualTo("Erika 😀");
  }

  @Test
  void onlyWellFormedPercentEscapesPass() {
    assertThat(RequestTargets.wellEscaped("/api/v1/offices/sbh%2Dmitte")).isTrue();
    assertThat(RequestTargets.wellEscaped(null)).isTrue();
    assertThat(RequestTargets.wellEscaped("/api/v1/offices/%u002e")).isFalse();
    assertThat(RequestTargets.wellEscaped("from=%zz")).isFalse();
    assertThat(RequestTargets.wellEscaped("a%")).isFalse();
    assertThat(RequestTargets.wellEscaped("a%2")).isFalse();
  }

  @Test
  void aBodyThatBreaksHttpOrEndsEarlyIsTheClientsFault() {
    assertThat(UnreadableRequests.problem(new RuntimeException(new BadMessageException("bad chunk"))))
        .hasValueSatisfying(problem -> assertThat(problem.status()).isEqualTo(400));
    assertThat(UnreadableRequests.problem(new EofException("early EOF")))
        .hasValueSatisfying(problem -> assertThat(problem.status()).isEqualTo(400));
    assertThat(UnreadableRequests.problem(new IllegalStateException("ours"))).isEmpty();
  }

  @Test
  void anOffsetDateTimeIsJudgedByTheDayTheClientWrote() {
    assertThat(DateBounds.contains(OffsetDateTime.parse("2199-12-31T23:00:00-05:00"))).isTrue();
    assertThat(DateBounds.contains(OffsetDateTime.parse("2000-01-01T00:30:00+01:00"))).isTrue();
  }
}
