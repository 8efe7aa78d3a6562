package org.opentermin.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fairness simulation on a small office: repeatable by seed, and it tells the policies apart.
 */
class FairnessSimulationTest {

  private static final List<FairnessScenario> SCENARIOS =
      List.of(
          FairnessScenario.FCFS,
          FairnessScenario.RECOMMENDED,
          FairnessScenario.RECOMMENDED_DISTINCT_IDENTITIES);

  private static ImmutableList<FairnessResult> first;
  private static ImmutableList<FairnessResult> second;

  /**
   * One caseworker (120 slots), 100 citizens, 2 operators with 4 identities on 2 mailboxes each.
   */
  private static FairnessSettings small() {
    return FairnessSettings.parse(
        Map.of("citizens", "100", "bots", "2", "identities", "4", "caseworkers", "1"));
  }

  @BeforeAll
  static void runTwice() {
    first = FairnessSimulation.run(small(), SCENARIOS);
    second = FairnessSimulation.run(small(), SCENARIOS);
  }

  @Test
  void sameSeedPrintsTheSameReport() {
    ImmutableList<String> report = FairnessSimulation.format(small(), first);

    assertThat(FairnessSimulation.format(small(), second)).isEqualTo(report);
    assertThat(report.get(report.size() - 1))
        .matches("fairness: bot-share=\\d+\\.\\d% citizen-share=\\d+\\.\\d%");
  }

  @Test
  void botsTakeMostSlotsUnderFirstComeFirstServedAndFewUnderThePreset() {
    FairnessResult fcfs = first.get(0);
    FairnessResult recommended = first.get(1);

    assertThat(fcfs.slots()).isEqualTo(120);
    assertThat(fcfs.botShare()).isGreaterThan(0.5);
    assertThat(recommended.botShare()).isLessThan(fcfs.botShare());
    assertThat(recommended.citizenShare()).isGreaterThan(fcfs.citizenShare());
  }

  @Test
  void botsWithDistinctIdentitiesStillBookLessThanUnderFirstComeFirstServed() {
    FairnessResult fcfs = first.get(0);
    FairnessResult distinct = first.get(2);

    assertThat(distinct.slots()).isEqualTo(120);
    assertThat(distinct.botBookings() + distinct.citizenBookings())
        .isPositive()
        .isLessThanOrEqualTo(distinct.slots());
    assertThat(distinct.botShare()).isLessThan(fcfs.botShare());
  }
}
