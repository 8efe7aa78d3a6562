package org.opentermin.ports.booking;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.opentermin.core.catalog.OfficeId;

/**
 * How many holds this app instance placed per office in the last minute, counted in one-second
 * buckets: the load signal that switches a challenge on. Each instance counts its own share,
 * which is what its threshold is set for. Thread-safe; a bucket may lose a count under a race,
 * which only makes the signal a little softer.
 */
final class HoldRates {

  private static final int SECONDS = 60;

  /** Per office: for each second of the minute, the epoch second it counts and its count. */
  private final ConcurrentHashMap<OfficeId, AtomicLongArray> counts = new ConcurrentHashMap<>();

  void record(OfficeId office, Instant now) {
    AtomicLongArray buckets = counts.computeIfAbsent(office, id -> new AtomicLongArray(2 * SECONDS));
    long second = now.getEpochSecond();
    int slot = (int) Math.floorMod(second, (long) SECONDS);
    if (buckets.get(2 * slot) != second) {
      buckets.set(2 * slot, second);
      buckets.set(2 * slot + 1, 0);
    }
    buckets.incrementAndGet(2 * slot + 1);
  }

  /** Holds recorded for the office in the minute up to and including {@code now}'s second. */
  int lastMinute(OfficeId office, Instant now) {
    AtomicLongArray buckets = counts.get(office);
    if (buckets == null) {
      return 0;
    }
    long second = now.getEpochSecond();
    long total = 0;
    for (int slot = 0; slot < SECONDS; slot++) {
      long stamp = buckets.get(2 * slot);
      if (stamp > second - SECONDS && stamp <= second) {
        total += buckets.get(2 * slot + 1);
      }
    }
    return (int) Math.min(total, Integer.MAX_VALUE);
  }
}
