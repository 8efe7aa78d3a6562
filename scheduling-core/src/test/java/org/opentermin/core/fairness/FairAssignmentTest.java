package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.fairness.FairnessFixtures.ANNA;
import static org.opentermin.core.fairness.FairnessFixtures.BERLIN;
import static org.opentermin.core.fairness.FairnessFixtures.BERND;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.ResourceId;

class FairAssignmentTest {

  private static final ResourceId CEM = ResourceId.of("cem");

  @Test
  void fewestBookedMinutesComesFirst() {
    assertThat(
            FairAssignment.equalWeights()
                .order(List.of(ANNA, BERND, CEM), Map.of(ANNA, 300L, BERND, 120L, CEM, 200L)))
        .containsExactly(BERND, CEM, ANNA);
  }

  @Test
  void partTimeWeightHalvesTheMinutesAResourceShouldGet() {
    FairAssignment halfTimeAnna = new FairAssignment(ImmutableMap.of(ANNA, 50));

    // Anna: 100 / 50 = 2 per percent; Bernd: 180 / 100 = 1.8.
    assertThat(halfTimeAnna.order(List.of(ANNA, BERND), Map.of(ANNA, 100L, BERND, 180L)))
        .containsExactly(BERND, ANNA);
    // Anna: 80 / 50 = 1.6 comes before Bernd's 1.8.
    assertThat(halfTimeAnna.order(List.of(ANNA, BERND), Map.of(ANNA, 80L, BERND, 180L)))
        .containsExactly(ANNA, BERND);
  }

  @Test
  void equalLoadIsBrokenByResourceIdAndMissingMinutesCountAsNone() {
    FairAssignment weighted = new FairAssignment(ImmutableMap.of(CEM, 200));

    assertThat(weighted.order(List.of(CEM, BERND, ANNA), Map.of(CEM, 200L, BERND, 100L)))
        .containsExactly(ANNA, BERND, CEM);
    assertThat(weighted.order(List.of(BERND, ANNA, BERND), Map.of())).containsExactly(ANNA, BERND);
  }

  @Test
  void weekRunsFromMondayToMondayLocally() {
    TimeWindow week = FairAssignment.weekOf(Instant.parse("2027-06-16T12:00:00Z"), BERLIN);

    assertThat(week)
        .isEqualTo(
            new TimeWindow(
                Instant.parse("2027-06-13T22:00:00Z"), Instant.parse("2027-06-20T22:00:00Z")));
  }

  @Test
  void weekWithTheSpringForwardDayIsAnHourShorter() {
    TimeWindow week = FairAssignment.weekOf(Instant.parse("2027-03-28T12:00:00Z"), BERLIN);

    assertThat(week.start()).isEqualTo(Instant.parse("2027-03-21T23:00:00Z"));
    assertThat(week.end()).isEqualTo(Instant.parse("2027-03-28T22:00:00Z"));
    assertThat(week.duration()).isEqualTo(Duration.ofDays(7).minusHours(1));
  }

  @Test
  void sundayEveningLocallyBelongsToTheWeekThatEnds() {
    // 23:30 on Sunday in Berlin, while UTC is still at 21:30.
    assertThat(FairAssignment.weekOf(Instant.parse("2027-06-20T21:30:00Z"), BERLIN).end())
        .isEqualTo(Instant.parse("2027-06-20T22:00:00Z"));
  }

  @Test
  void weightsOutOfBoundsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FairAssignment(ImmutableMap.of(ANNA, 0)))
        .withMessageContaining("1 to 1000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FairAssignment(ImmutableMap.of(ANNA, 1001)));
  }
}
