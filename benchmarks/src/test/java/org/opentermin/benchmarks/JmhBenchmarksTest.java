package org.opentermin.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.opentermin.core.availability.Availability;
import org.opentermin.core.catalog.OfficeId;

/**
 * The JMH benchmarks at a tiny size: each benchmark method called directly on a small setup,
 * checked for a plausible answer, and one benchmark run through the JMH harness in this JVM, so
 * that the generated benchmark list keeps working. Only outcomes are checked, never times.
 */
class JmhBenchmarksTest {

  private static final String BLACKHOLE_CHALLENGE =
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

  @Test
  void slotGenerationBenchmarksAnswerAlikeOnASmallOffice() {
    SlotGenerationBenchmark benchmark = new SlotGenerationBenchmark();
    benchmark.resources = 2;
    benchmark.days = 7;
    benchmark.setUp();

    Availability all = benchmark.allFreeStarts();

    assertThat(all.slots()).isNotEmpty();
    assertThat(benchmark.allFreeStartsIncludingIndexing()).isEqualTo(all);
    assertThat(benchmark.firstFreeStart()).contains(all.slots().get(0));
    assertThat(benchmark.compileSchedule()).isNotNull();
    benchmark.monthCalendar(new Blackhole(BLACKHOLE_CHALLENGE));
  }

  @Test
  void routingBenchmarkRoutesTheCitizenOnTheSplitStreet() {
    RoutingBenchmark benchmark = new RoutingBenchmark();
    benchmark.postalCodes = 10;
    benchmark.setUp();

    assertThat(benchmark.routeACitizen())
        .hasValueSatisfying(
            routing -> assertThat(routing.office()).isEqualTo(OfficeId.of("office-23")));
  }

  @Test
  void jmhHarnessRunsABenchmarkInThisJvm() throws Exception {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(SlotGenerationBenchmark.class.getName() + ".firstFreeStart$")
                    .param("resources", "2")
                    .param("days", "7")
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200))
                    .timeUnit(TimeUnit.MICROSECONDS)
                    .shouldFailOnError(true)
                    .build())
            .run();

    assertThat(results).hasSize(1);
    assertThat(results.iterator().next().getPrimaryResult().getSampleCount()).isPositive();
  }
}
