package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;

/**
 * Requests for a release wave are collected from {@code entryWindow} before the wave opens and
 * drawn by {@link Lottery} at its opening, so that speed at the opening second does not decide.
 * Immutable.
 *
 * @param entryWindow 1 hour to 14 days
 */
public record LotteryPolicy(Duration entryWindow) {

  public LotteryPolicy {
    checkNotNull(entryWindow, "entryWindow");
    checkArgument(
        entryWindow.compareTo(Duration.ofHours(1)) >= 0 && entryWindow.compareTo(Duration.ofDays(14)) <= 0,
        "a lottery's entry window must be 1 hour to 14 days, not %s",
        entryWindow);
  }

  /** When entries for a wave that opens at {@code waveOpensAt} start to be collected. */
  public Instant entriesOpenAt(Instant waveOpensAt) {
    checkNotNull(waveOpensAt, "waveOpensAt");
    return waveOpensAt.minus(entryWindow);
  }
}
