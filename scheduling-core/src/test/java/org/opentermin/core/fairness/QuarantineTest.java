package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.fairness.FairnessFixtures.OFFICE_ID;
import static org.opentermin.core.fairness.FairnessFixtures.SECRET;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.AppointmentId;

class QuarantineTest {

  private static final Instant CANCELLED_AT = Instant.parse("2027-06-10T12:00:00Z");

  @Test
  void reopensWithinDelayPlusWindow() {
    Quarantine quarantine = AccessPolicy.RECOMMENDED_QUARANTINE;
    Set<Instant> distinct = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      AppointmentId id = new AppointmentId(OFFICE_ID, new UUID(42, i));
      Instant reopens = quarantine.reopensAt(SECRET, id, CANCELLED_AT);

      assertThat(reopens)
          .isAfterOrEqualTo(CANCELLED_AT.plus(Duration.ofMinutes(15)))
          .isBefore(CANCELLED_AT.plus(Duration.ofMinutes(15)).plus(Duration.ofHours(3)));
      distinct.add(reopens);
    }
    assertThat(distinct).hasSizeGreaterThan(1_900);
  }

  @Test
  void sameCancellationReopensAtTheSameInstantEverywhere() {
    AppointmentId id = new AppointmentId(OFFICE_ID, new UUID(1, 2));

    assertThat(
            AccessPolicy.RECOMMENDED_QUARANTINE.reopensAt(
                FairnessSecret.of(SECRET.toUuid()), id, CANCELLED_AT))
        .isEqualTo(AccessPolicy.RECOMMENDED_QUARANTINE.reopensAt(SECRET, id, CANCELLED_AT));
  }

  @Test
  void withoutWindowReopensExactlyAfterTheDelay() {
    assertThat(
            new Quarantine(Duration.ofMinutes(5), Duration.ZERO)
                .reopensAt(SECRET, new AppointmentId(OFFICE_ID, new UUID(1, 2)), CANCELLED_AT))
        .isEqualTo(CANCELLED_AT.plus(Duration.ofMinutes(5)));
  }

  @Test
  void durationsBeyondAWeekOrNegativeAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Quarantine(Duration.ofDays(8), Duration.ZERO))
        .withMessageContaining("7 days");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Quarantine(Duration.ZERO, Duration.ofSeconds(-1)));
  }

  @Test
  void aCancellationJustInsideDelayPlusWindowMayStillBeClosedAndOneBeforeItHasReopened() {
    Quarantine quarantine = new Quarantine(Duration.ofMinutes(30), Duration.ofMinutes(90));
    Instant now = Instant.parse("2027-03-01T10:00:00Z");

    Instant since = quarantine.stillClosedSince(now);

    assertThat(since).isEqualTo(Instant.parse("2027-03-01T08:00:00Z"));
    for (int i = 0; i < 200; i++) {
      AppointmentId cancelled = new AppointmentId(OFFICE_ID, new UUID(7, i));
      assertThat(quarantine.reopensAt(SECRET, cancelled, since.minusMillis(1)))
          .isBeforeOrEqualTo(now);
    }
  }
}
