package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.fairness.FairnessFixtures.ANNA;
import static org.opentermin.core.fairness.FairnessFixtures.BERLIN;
import static org.opentermin.core.fairness.FairnessFixtures.OFFICE_ID;
import static org.opentermin.core.fairness.FairnessFixtures.OTHER_SECRET;
import static org.opentermin.core.fairness.FairnessFixtures.SECRET;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.ResourceId;

class ReleasePolicyTest {

  private static final ReleasePolicy TWO_WAVES =
      new ReleasePolicy(
          LocalTime.of(8, 0),
          Duration.ofHours(2),
          ImmutableList.of(new ReleaseWave(14, 50), new ReleaseWave(7, 50)));
  private static final LocalDate DAY = LocalDate.of(2027, 6, 14);

  @Test
  void secretsFromTheSameUuidGiveTheSameOpenings() {
    FairnessSecret one = FairnessSecret.of(SECRET.toUuid());
    FairnessSecret other = FairnessSecret.of(UUID.fromString(SECRET.toUuid().toString()));
    Instant cell = Instant.parse("2027-06-14T08:30:00Z");

    for (int wave = 0; wave < 2; wave++) {
      assertThat(one.equals(other)).isTrue();
      assertThat(TWO_WAVES.waveOpensAt(one, OFFICE_ID, BERLIN, DAY, wave))
          .isEqualTo(TWO_WAVES.waveOpensAt(other, OFFICE_ID, BERLIN, DAY, wave));
    }
    assertThat(TWO_WAVES.cellOpensAt(one, OFFICE_ID, BERLIN, ANNA, cell))
        .isEqualTo(TWO_WAVES.cellOpensAt(other, OFFICE_ID, BERLIN, ANNA, cell));
  }

  @Test
  void differentSecretsOpenSomeDaysAtDifferentTimes() {
    int differing = 0;
    for (int i = 0; i < 60; i++) {
      LocalDate day = DAY.plusDays(i);
      if (!TWO_WAVES
          .waveOpensAt(SECRET, OFFICE_ID, BERLIN, day, 0)
          .equals(TWO_WAVES.waveOpensAt(OTHER_SECRET, OFFICE_ID, BERLIN, day, 0))) {
        differing++;
      }
    }
    assertThat(differing).isGreaterThan(50);
  }

  @Test
  void waveOpensWithinItsRandomWindowOnTheRightDay() {
    for (int i = 0; i < 400; i++) {
      LocalDate day = DAY.plusDays(i);
      for (int wave = 0; wave < 2; wave++) {
        int daysBefore = TWO_WAVES.waves().get(wave).daysBefore();
        Instant base =
            ZonedDateTime.of(day.minusDays(daysBefore), LocalTime.of(8, 0), BERLIN).toInstant();

        assertThat(TWO_WAVES.waveOpensAt(SECRET, OFFICE_ID, BERLIN, day, wave))
            .isAfterOrEqualTo(base)
            .isBefore(base.plus(Duration.ofHours(2)));
      }
    }
  }

  @Test
  void withoutRandomWindowAWaveOpensExactlyAtItsTime() {
    ReleasePolicy exact =
        new ReleasePolicy(
            LocalTime.of(7, 0), Duration.ZERO, ImmutableList.of(new ReleaseWave(3, 100)));

    assertThat(exact.waveOpensAt(SECRET, OFFICE_ID, BERLIN, DAY, 0))
        .isEqualTo(Instant.parse("2027-06-11T05:00:00Z"));
  }

  @Test
  void openingInTheSpringForwardGapMovesToTheNextValidTime() {
    ReleasePolicy atHalfPastTwo =
        new ReleasePolicy(
            LocalTime.of(2, 30), Duration.ZERO, ImmutableList.of(new ReleaseWave(1, 100)));

    assertThat(atHalfPastTwo.waveOpensAt(SECRET, OFFICE_ID, BERLIN, LocalDate.of(2027, 3, 29), 0))
        .isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
  }

  @Test
  void waveSharesAreRoughlyRespectedOverTenThousandCells() {
    ReleasePolicy uneven =
        new ReleasePolicy(
            LocalTime.of(8, 0),
            Duration.ZERO,
            ImmutableList.of(
                new ReleaseWave(21, 20), new ReleaseWave(14, 30), new ReleaseWave(7, 50)));
    int[] counts = new int[3];
    Instant first = Instant.parse("2027-01-04T07:00:00Z");
    for (int i = 0; i < 10_000; i++) {
      ResourceId resource = ResourceId.of("r" + (i % 7));
      counts[
          uneven.waveOf(
              SECRET, OFFICE_ID, resource, first.plus(Duration.ofMinutes(10L * (i / 7))))]++;
    }

    assertThat(counts[0]).isBetween(1_700, 2_300);
    assertThat(counts[1]).isBetween(2_700, 3_300);
    assertThat(counts[2]).isBetween(4_700, 5_300);
  }

  @Test
  void cellOpensWithItsWaveOnItsLocalDay() {
    Instant cell = Instant.parse("2027-06-13T22:30:00Z"); // 00:30 on 14 June in Berlin
    int wave = TWO_WAVES.waveOf(SECRET, OFFICE_ID, ANNA, cell);

    assertThat(TWO_WAVES.cellOpensAt(SECRET, OFFICE_ID, BERLIN, ANNA, cell))
        .isEqualTo(TWO_WAVES.waveOpensAt(SECRET, OFFICE_ID, BERLIN, DAY, wave));
  }

  @Test
  void dayIsFullyOpenWhenItsLastWaveOpens() {
    Instant fullyOpen = TWO_WAVES.dayFullyOpenAt(SECRET, OFFICE_ID, BERLIN, DAY);

    assertThat(fullyOpen)
        .isEqualTo(TWO_WAVES.waveOpensAt(SECRET, OFFICE_ID, BERLIN, DAY, 1))
        .isAfter(TWO_WAVES.waveOpensAt(SECRET, OFFICE_ID, BERLIN, DAY, 0));
  }

  @Test
  void sharesNotSummingToAHundredAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ReleasePolicy(
                    LocalTime.of(8, 0),
                    Duration.ZERO,
                    ImmutableList.of(new ReleaseWave(14, 50), new ReleaseWave(7, 40))))
        .withMessageContaining("sum to 100")
        .withMessageContaining("90");
  }

  @Test
  void wavesOutOfOrderAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ReleasePolicy(
                    LocalTime.of(8, 0),
                    Duration.ZERO,
                    ImmutableList.of(new ReleaseWave(7, 50), new ReleaseWave(14, 50))))
        .withMessageContaining("earliest first");
  }

  @Test
  void fiveWavesAndNoWavesAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReleasePolicy(LocalTime.of(8, 0), Duration.ZERO, ImmutableList.of()))
        .withMessageContaining("1 to 4 waves");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ReleasePolicy(
                    LocalTime.of(8, 0),
                    Duration.ZERO,
                    ImmutableList.of(
                        new ReleaseWave(5, 20),
                        new ReleaseWave(4, 20),
                        new ReleaseWave(3, 20),
                        new ReleaseWave(2, 20),
                        new ReleaseWave(1, 20))));
  }

  @Test
  void randomWindowOfADayIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ReleasePolicy(
                    LocalTime.of(8, 0),
                    Duration.ofHours(24),
                    ImmutableList.of(new ReleaseWave(1, 100))))
        .withMessageContaining("24 hours");
  }

  @Test
  void waveOutsideItsBoundsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReleaseWave(367, 100))
        .withMessageContaining("366");
    assertThatIllegalArgumentException().isThrownBy(() -> new ReleaseWave(-1, 100));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReleaseWave(1, 0))
        .withMessageContaining("1 to 100");
  }
}
