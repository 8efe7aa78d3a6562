package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.out.HoldRates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HoldRates} summed over every instance on the database. Each instance counts its own
 * attempts in memory, exactly, and writes them to its own rows at most once a second; it reads the
 * other instances' rows at most once a second per office. So a rush costs the database two small
 * statements a second per instance and office, not one per hold, and instances never wait for each
 * other's rows; another instance's attempts arrive a second or two late. If the database cannot be
 * reached the count falls back to this instance's own, which only softens the signal (the hold that
 * follows needs the database anyway). Thread-safe.
 */
final class JdbiHoldRates implements HoldRates {

  private static final int WINDOW_SECONDS = 60;

  /** Rows older than this are deleted; a minute would do, the rest is slack for skewed clocks. */
  private static final int KEEP_SECONDS = 5 * 60;

  /** Every this many writes, the writing instance deletes old rows of all instances. */
  private static final int DELETE_EVERY = 60;

  private static final Logger LOG = LoggerFactory.getLogger(JdbiHoldRates.class);

  private final Transactions transactions;
  private final String instance = UUID.randomUUID().toString();
  private final HoldRates own;
  private final Map<Unsent, AtomicInteger> unsent = new ConcurrentHashMap<>();
  private final Map<OfficeId, Others> others = new ConcurrentHashMap<>();
  private final AtomicLong lastWrite = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong writes = new AtomicLong();

  /** Counts this instance's attempts exactly in {@code own}, which no other instance sees. */
  JdbiHoldRates(Transactions transactions, HoldRates own) {
    this.transactions = checkNotNull(transactions, "transactions");
    this.own = checkNotNull(own, "own");
  }

  @Override
  public void record(OfficeId office, Instant now) {
    checkNotNull(office, "office");
    own.record(office, now);
    unsent
        .computeIfAbsent(new Unsent(office, now.getEpochSecond()), key -> new AtomicInteger())
        .incrementAndGet();
    writeIfDue(now.getEpochSecond());
  }

  @Override
  public int lastMinute(OfficeId office, Instant now) {
    checkNotNull(office, "office");
    long second = now.getEpochSecond();
    writeIfDue(second);
    long total = (long) own.lastMinute(office, now) + others(office, second);
    return (int) Math.min(total, Integer.MAX_VALUE);
  }

  /**
   * The other instances' attempts in the minute up to {@code second}, read at most once a second.
   */
  private long others(OfficeId office, long second) {
    Others known = others.get(office);
    if (known != null && known.second() == second) {
      return known.holds();
    }
    try {
      long holds =
          transactions.singleStatement(
              handle ->
                  SharedStateSql.othersHolds(
                      handle, office.value(), second - WINDOW_SECONDS, second, instance));
      others.put(office, new Others(second, holds));
      return holds;
    } catch (RuntimeException unreachable) {
      LOG.warn(
          "Reading the other instances' hold rates failed ({}); counting this instance's only",
          unreachable.getClass().getSimpleName());
      return known == null ? 0 : known.holds();
    }
  }

  /** The first call in a new second writes what was counted since the last write. */
  private void writeIfDue(long second) {
    long previous = lastWrite.get();
    if (second <= previous || !lastWrite.compareAndSet(previous, second)) {
      return;
    }
    try {
      for (Map.Entry<Unsent, AtomicInteger> entry : unsent.entrySet()) {
        Unsent key = entry.getKey();
        int holds = entry.getValue().getAndSet(0);
        if (holds > 0) {
          transactions.singleStatement(
              handle -> {
                SharedStateSql.addHolds(
                    handle, key.office().value(), key.second(), instance, holds);
                return null;
              });
        }
        if (key.second() < second) {
          // A count that raced this removal is lost: the signal gets a little softer, no more.
          unsent.remove(key, entry.getValue());
        }
      }
      if (writes.incrementAndGet() % DELETE_EVERY == 0) {
        transactions.singleStatement(
            handle -> SharedStateSql.deleteHoldsBefore(handle, second - KEEP_SECONDS));
      }
    } catch (RuntimeException unreachable) {
      LOG.warn(
          "Writing this instance's hold rates failed ({}); other instances see them late or not at"
              + " all",
          unreachable.getClass().getSimpleName());
    }
  }

  /** Attempts at an office in one second that the database has not seen yet. */
  private record Unsent(OfficeId office, long second) {}

  /** The other instances' attempts as read at {@code second}. */
  private record Others(long second, long holds) {}
}
