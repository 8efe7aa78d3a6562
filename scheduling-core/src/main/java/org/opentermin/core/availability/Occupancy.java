package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentermin.core.catalog.ResourceId;

/**
 * The busy periods of an office's resources, indexed for slot generation: per resource, sorted by
 * start, in whole minutes (starts rounded down, ends rounded up, so a claim never shrinks). Build
 * it once per query from what the store returns. Immutable and thread-safe.
 */
public final class Occupancy {

  /** The most busy periods one occupancy holds; far above an office's bookings in a horizon. */
  public static final int MAXIMUM_SIZE = 1 << 24;

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
      checkArgument(count < MAXIMUM_SIZE, "at most %s busy periods per occupancy", MAXIMUM_SIZE);
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
    /** Positions take the low bits of a sort key; starts (minutes after the earliest) the rest. */
    private static final int POSITION_BITS = 24;

    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;

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
      int n = periods.size();
      long[] starts = new long[n];
      long[] ends = new long[n];
      Instant[] expiries = new Instant[n];
      // Sort by start through primitive keys (start minute, then position): far cheaper than
      // comparing Instants, and stable, so equal inputs give equal indexes.
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = EpochMinutes.floor(periods.get(i).start());
      }
      long base = n == 0 ? 0 : Arrays.stream(keys).min().getAsLong();
      for (int i = 0; i < n; i++) {
        keys[i] = ((keys[i] - base) << POSITION_BITS) | i;
      }
      Arrays.sort(keys);
      long longest = 0;
      for (int i = 0; i < n; i++) {
        BusyPeriod period = periods.get((int) (keys[i] & POSITION_MASK));
        starts[i] = (keys[i] >>> POSITION_BITS) + base;
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
