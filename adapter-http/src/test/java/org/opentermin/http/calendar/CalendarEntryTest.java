package org.opentermin.http.calendar;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalendarEntryTest {

  private static final Instant START = Instant.parse("2026-12-01T07:00:00Z");
  private static final Instant END = Instant.parse("2026-12-01T07:30:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void appointmentCannotEndBeforeItStarts() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> entry("b-1", 0, END, START, BERLIN, "Beratung", Optional.empty()))
        .withMessageContaining("must be before end");
  }

  @Test
  void appointmentCannotBeEmpty() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> entry("b-1", 0, START, START, BERLIN, "Beratung", Optional.empty()));
  }

  @Test
  void sequenceCannotBeNegative() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> entry("b-1", -1, START, END, BERLIN, "Beratung", Optional.empty()))
        .withMessageContaining("-1");
  }

  @Test
  void uidAndSummaryCannotBeBlank() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> entry(" ", 0, START, END, BERLIN, "Beratung", Optional.empty()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> entry("b-1", 0, START, END, BERLIN, "\t", Optional.empty()));
  }

  @Test
  void locationIsEitherMissingOrSaysSomething() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> entry("b-1", 0, START, END, BERLIN, "Beratung", Optional.of("  ")));
  }

  @Test
  void fixedOffsetIsNoZoneForAnAppointment() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> entry("b-1", 0, START, END, ZoneOffset.ofHours(1), "Beratung", Optional.empty()))
        .withMessageContaining("+01:00");
  }

  @Test
  void urlMustBeAbsolute() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new CalendarEntry(
                    "b-1",
                    0,
                    START,
                    START,
                    END,
                    BERLIN,
                    "Videotermin",
                    Optional.empty(),
                    "",
                    false,
                    Optional.of(java.net.URI.create("/rooms/abc"))))
        .withMessageContaining("/rooms/abc");
  }

  private static CalendarEntry entry(
      String uid,
      int sequence,
      Instant start,
      Instant end,
      ZoneId zone,
      String summary,
      Optional<String> location) {
    return new CalendarEntry(
        uid,
        sequence,
        Instant.parse("2026-11-20T09:30:00Z"),
        start,
        end,
        zone,
        summary,
        location,
        "",
        false);
  }
}
