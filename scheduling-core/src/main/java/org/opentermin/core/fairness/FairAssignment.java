package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import org.opentermin.core.catalog.ResourceId;

/**
 * Spreads work among staff: among free qualified resources, the one with the fewest booked minutes
 * in the week (Monday to Monday, local) divided by its weight in percent comes first (a part-time
 * caseworker at 50 gets half the minutes); ties by resource id. Resources without a weight have
 * {@value #DEFAULT_WEIGHT_PERCENT}. Immutable and thread-safe.
 *
 * @param weightPercent 1 to {@value #MAXIMUM_WEIGHT_PERCENT} per resource
 */
public record FairAssignment(ImmutableMap<ResourceId, Integer> weightPercent) {

  public static final int DEFAULT_WEIGHT_PERCENT = 100;
  public static final int MAXIMUM_WEIGHT_PERCENT = 1000;

  /** More booked minutes than a resource could have in a week, by far; keeps products exact. */
  private static final long MAXIMUM_MINUTES = 1L << 40;

  public FairAssignment {
    checkNotNull(weightPercent, "weightPercent");
    weightPercent = ImmutableMap.copyOf(weightPercent);
    weightPercent.forEach(
        (resource, weight) ->
            checkArgument(
                weight >= 1 && weight <= MAXIMUM_WEIGHT_PERCENT,
                "the weight of %s must be 1 to %s percent, not %s",
                resource,
                MAXIMUM_WEIGHT_PERCENT,
                weight));
  }

  /** Every resource weighs the same. */
  public static FairAssignment equalWeights() {
    return new FairAssignment(ImmutableMap.of());
  }

  public int weightOf(ResourceId resource) {
    return weightPercent.getOrDefault(resource, DEFAULT_WEIGHT_PERCENT);
  }

  /**
   * {@code candidates} (repeats dropped) in the order to try them, given each one's booked minutes
   * in the week ({@code 0} when missing).
   */
  public ImmutableList<ResourceId> order(
      Collection<ResourceId> candidates, Map<ResourceId, Long> bookedMinutes) {
    checkNotNull(candidates, "candidates");
    checkNotNull(bookedMinutes, "bookedMinutes");
    ImmutableSet<ResourceId> distinct = ImmutableSet.copyOf(candidates);
    for (ResourceId candidate : distinct) {
      long minutes = minutesOf(candidate, bookedMinutes);
      checkArgument(
          minutes >= 0 && minutes <= MAXIMUM_MINUTES,
          "booked minutes of %s must be 0 to %s, not %s",
          candidate,
          MAXIMUM_MINUTES,
          minutes);
    }
    // minutes(a) / weight(a) < minutes(b) / weight(b), compared exactly by cross-multiplying.
    Comparator<ResourceId> byLoad =
        (a, b) ->
            Long.compare(
                minutesOf(a, bookedMinutes) * weightOf(b),
                minutesOf(b, bookedMinutes) * weightOf(a));
    return distinct.stream()
        .sorted(byLoad.thenComparing(Comparator.naturalOrder()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The local week (Monday 00:00 to the next Monday 00:00) containing {@code at}: the minutes that
   * count.
   */
  public static TimeWindow weekOf(Instant at, ZoneId zone) {
    checkNotNull(at, "at");
    checkNotNull(zone, "zone");
    LocalDate monday =
        LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new TimeWindow(
        LocalGrid.startOfDay(zone, monday), LocalGrid.startOfDay(zone, monday.plusWeeks(1)));
  }

  private static long minutesOf(ResourceId resource, Map<ResourceId, Long> bookedMinutes) {
    Long minutes = bookedMinutes.get(resource);
    return minutes == null ? 0 : minutes;
  }
}
