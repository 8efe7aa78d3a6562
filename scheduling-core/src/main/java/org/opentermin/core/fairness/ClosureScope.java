package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.Iterables;
import java.time.Instant;
import org.opentermin.core.availability.BusyPeriod;

/**
 * Which of an access policy's closures a query or a hold respects: all of them for citizens and
 * staff, fewer for the offers the system makes itself, so that a waiting list or a lottery can hand
 * out capacity before it opens to everyone.
 */
public enum ClosureScope {
  /** Release, contingents and quarantine. */
  ALL,
  /**
   * A waiting-list offer: cancelled capacity goes to the waiting list before it reopens to
   * everyone, so quarantine does not apply.
   */
  NO_QUARANTINE,
  /**
   * A lottery draw books the wave it draws before that wave opens to everyone: capacity whose
   * release is at most {@link LotteryPolicy#DRAW_GRACE} away. Later waves stay closed.
   */
  DRAWN_WAVE;

  /** The periods of {@code closed} that stay closed at {@code now} under this scope. */
  public Iterable<BusyPeriod> select(ClosedCapacity closed, Instant now) {
    checkNotNull(closed, "closed");
    checkNotNull(now, "now");
    if (this != DRAWN_WAVE) {
      return closed.all();
    }
    Instant drawnWaveOpens = now.plus(LotteryPolicy.DRAW_GRACE);
    return Iterables.concat(
        closed.withoutRelease(),
        Iterables.filter(closed.byRelease(), period -> period.expiresAt().isAfter(drawnWaveOpens)));
  }

  /** Whether recently cancelled time stays closed under this scope (only for everyone's holds). */
  public boolean keepsQuarantine() {
    return this == ALL;
  }
}
