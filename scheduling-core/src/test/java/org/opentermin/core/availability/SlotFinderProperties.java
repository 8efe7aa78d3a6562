package org.opentermin.core.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Slot generation agrees with its definition on random offices: every offered start lies on the
 * grid, within the horizon, inside the working time of as many qualified resources as its capacity
 * says for the whole duration, outside absences, closures, holidays and active claims; and no start
 * that fits that definition is missing. The definition is {@link MinuteByMinuteOracle}; scenarios
 * come from a seed ({@link RandomScenario}).
 */
class SlotFinderProperties {

  @Property(tries = 400)
  void offeredSlotsAreExactlyTheStartsThatFitTheDefinition(@ForAll long seed) {
    checkAgainstDefinition(RandomScenario.fromSeed(seed));
  }

  @Property(tries = 200)
  void firstFreeSlotAndCalendarAgreeWithTheFullListing(@ForAll long seed) {
    RandomScenario scenario = RandomScenario.fromSeed(seed);
    SlotFinder finder = SlotFinder.of(scenario.schedule());
    Occupancy occupancy = Occupancy.of(scenario.busy());
    ZoneId zone = scenario.schedule().office().zone();
    LocalDate today = LocalDate.ofInstant(scenario.now(), zone);
    LocalDate horizonEnd =
        today.plusDays(scenario.schedule().office().horizon().maximumDaysAhead());
    Availability everything =
        finder.findSlots(
            scenario.request(),
            new org.opentermin.core.time.DateRange(today, horizonEnd.plusDays(1)),
            occupancy,
            scenario.now());

    Optional<Slot> first =
        finder.firstFreeSlot(scenario.request(), scenario.now(), occupancy, scenario.now());
    assertThat(first).isEqualTo(everything.slots().stream().findFirst());

    Set<LocalDate> calendar = new TreeSet<>();
    for (YearMonth month = YearMonth.from(today);
        !month.isAfter(YearMonth.from(horizonEnd));
        month = month.plusMonths(1)) {
      calendar.addAll(
          finder.daysWithFreeSlots(scenario.request(), month, occupancy, scenario.now()));
    }
    assertThat(calendar)
        .containsExactlyElementsOf(everything.days().stream().map(DayAvailability::date).toList());

    for (Slot slot : everything.slots()) {
      assertThat(
              finder.freeResourcesAt(scenario.request(), slot.start(), occupancy, scenario.now()))
          .as("free resources at %s", slot.start())
          .hasSize(slot.capacity())
          .isSorted();
    }
  }

  @Property(tries = 100)
  void resultDoesNotDependOnTheOrderOfBusyPeriods(@ForAll long seed) {
    RandomScenario scenario = RandomScenario.fromSeed(seed);
    SlotFinder finder = SlotFinder.of(scenario.schedule());
    List<BusyPeriod> shuffled = new ArrayList<>(scenario.busy());
    Collections.shuffle(shuffled, new Random(seed));

    Availability inOrder =
        finder.findSlots(
            scenario.request(), scenario.dates(), Occupancy.of(scenario.busy()), scenario.now());
    Availability reordered =
        finder.findSlots(
            scenario.request(), scenario.dates(), Occupancy.of(shuffled), scenario.now());

    assertThat(reordered).isEqualTo(inOrder);
  }

  private static void checkAgainstDefinition(RandomScenario scenario) {
    SlotFinder finder = SlotFinder.of(scenario.schedule());
    Instant now = scenario.now();

    Availability availability =
        finder.findSlots(scenario.request(), scenario.dates(), Occupancy.of(scenario.busy()), now);
    List<Slot> expected =
        new MinuteByMinuteOracle(scenario.schedule(), scenario.busy(), now)
            .slots(scenario.request(), scenario.dates().start(), scenario.dates().last());

    Statistics.label("days with slots").collect(Math.min(availability.days().size(), 3));
    assertThat(availability.slots()).as("%s", scenario).isEqualTo(expected);
    assertThat(availability.slots()).extracting(Slot::start).isSorted().doesNotHaveDuplicates();
    ZoneId zone = scenario.schedule().office().zone();
    for (DayAvailability day : availability.days()) {
      assertThat(day.slots())
          .allSatisfy(
              slot -> assertThat(LocalDate.ofInstant(slot.start(), zone)).isEqualTo(day.date()));
    }
  }
}
