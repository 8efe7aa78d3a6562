package org.opentermin.ports.memory;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.out.HoldRates;

/**
 * {@link HoldRates} in this instance's memory, counted in one-second buckets: right for one
 * instance, and the local part of a shared count. Thread-safe; a bucket may lose a count under a
 * race, which only makes the signal a little softer.
 */
public final class InMemoryHoldRates implements HoldRates {

  private static final int SECONDS = 60;

  /** Per office: for each second of the minute, the epoch second it counts and its count. */
  private final ConcurrentHashMap<OfficeId, AtomicLongArray> counts = new ConcurrentHashMap<>();

  @Override
  public void record(OfficeId office, Instant now) {
    AtomicLongArray buckets =
        counts.computeIfAbsent(office, id -> new AtomicLongArray(2 * SECONDS));
    long second = now.getEpochSecond();
    int slot = (int) Math.floorMod(second, (long) SECONDS);
    if (buckets.get(2 * slot) != second) {
      buckets.set(2 * slot, second);
      buckets.set(2 * slot + 1, 0);
    }
    buckets.incrementAndGet(2 * slot + 1);
  }

  @Override
  public int lastMinute(OfficeId office, Instant now) {
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
