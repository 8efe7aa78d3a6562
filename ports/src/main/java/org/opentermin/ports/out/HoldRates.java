package org.opentermin.ports.out;

import java.time.Instant;
import org.opentermin.core.catalog.OfficeId;

/**
 * How many citizens' hold attempts an office received in the last minute: the load signal that
 * switches an office's challenge on. With several app instances the count should be theirs
 * together, so that the office's threshold means the same however many instances share the load
 * (the PostgreSQL adapter's is). It is a signal, not a ledger: a count may arrive a second or two
 * late or, under races, be a little low. Implementations are thread-safe.
 */
public interface HoldRates {

  /** Counts one hold attempt at {@code office} at {@code now}. */
  void record(OfficeId office, Instant now);

  /** Attempts counted for the office in the minute up to and including {@code now}'s second. */
  int lastMinute(OfficeId office, Instant now);
}
