package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentermin.core.catalog.ResourceId;

/**
 * The busy periods of an office's resources, indexed for slot generation: per resource, sorted by
 * start, in whole minutes (starts rounded down, ends rounded up, so a claim never shrinks).
 * Build it once per query from what the store returns. Immutable and thread-safe.
 */
public final class Occupancy {

  private static final Occupancy EMPTY = new Occupancy(ImmutableMap.of(), 0);

  private final ImmutableMap<ResourceId, ResourceBusyTimes> byResource;
  private final int size;

  private Occupancy(ImmutableMap<ResourceId, ResourceBusyTimes> byResource, int size) {
    this.byResource = byResource;
    this.size = size;
  }

  /** No resource is busy. */
  public static Occupancy empty() {
    return EMPTY;
  }

  /** Indexes {@code periods}; they may overlap and come in any order. */
  public static Occupancy of(Iterable<BusyPeriod> periods) {
    Map<ResourceId, List<BusyPeriod>> grouped = new HashMap<>();
    int count = 0;
    for (BusyPeriod period : periods) {
      checkNotNull(period, "periods must not contain null");
      grouped.computeIfAbsent(period.resource(), id -> new ArrayList<>()).add(period);
      count++;
    }
    ImmutableMap.Builder<ResourceId, ResourceBusyTimes> index =
        ImmutableMap.builderWithExpectedSize(grouped.size());
    grouped.forEach((resource, list) -> index.put(resource, ResourceBusyTimes.of(list)));
    return new Occupancy(index.buildOrThrow(), count);
  }

  /** How many busy periods this occupancy holds, active or not. */
  public int size() {
    return size;
  }

  ResourceBusyTimes of(ResourceId resource) {
    return byResource.getOrDefault(resource, ResourceBusyTimes.NONE);
  }

  /** One resource's busy periods as parallel arrays sorted by start. */
  static final class ResourceBusyTimes {
    static final ResourceBusyTimes NONE =
        new ResourceBusyTimes(new long[0], new long[0], new Instant[0], 0);

    final long[] startMinutes;
    final long[] endMinutes;
    final Instant[] expiries;
    /** The longest period, so a search by start finds every period that reaches into a day. */
    final long longestMinutes;

    private ResourceBusyTimes(
        long[] startMinutes, long[] endMinutes, Instant[] expiries, long longestMinutes) {
      this.startMinutes = startMinutes;
      this.endMinutes = endMinutes;
      this.expiries = expiries;
      this.longestMinutes = longestMinutes;
    }

    static ResourceBusyTimes of(List<BusyPeriod> periods) {
      periods.sort(Comparator.comparing(BusyPeriod::start));
      int n = periods.size();
      long[] starts = new long[n];
      long[] ends = new long[n];
      Instant[] expiries = new Instant[n];
      long longest = 0;
      for (int i = 0; i < n; i++) {
        BusyPeriod period = periods.get(i);
        starts[i] = EpochMinutes.floor(period.start());
        ends[i] = EpochMinutes.ceil(period.end());
        expiries[i] = period.expiresAt();
        longest = Math.max(longest, ends[i] - starts[i]);
      }
      return new ResourceBusyTimes(starts, ends, expiries, longest);
    }

    /** Index of the first period that may end after {@code epochMinute}. */
    int firstReaching(long epochMinute) {
      long earliestRelevantStart = epochMinute - longestMinutes;
      int low = 0;
      int high = startMinutes.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (startMinutes[mid] < earliestRelevantStart) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }
}
