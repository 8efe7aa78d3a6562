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

  /**
   * How long after a wave's opening its capacity stays closed to first-come-first-served: the draw
   * runs at the opening and has this long to book its winners before everyone may book what is
   * left.
   */
  public static final Duration DRAW_GRACE = Duration.ofMinutes(15);

  public LotteryPolicy {
    checkNotNull(entryWindow, "entryWindow");
    checkArgument(
        entryWindow.compareTo(Duration.ofHours(1)) >= 0
            && entryWindow.compareTo(Duration.ofDays(14)) <= 0,
        "a lottery's entry window must be 1 hour to 14 days, not %s",
        entryWindow);
  }

  /** When entries for a wave that opens at {@code waveOpensAt} start to be collected. */
  public Instant entriesOpenAt(Instant waveOpensAt) {
    checkNotNull(waveOpensAt, "waveOpensAt");
    return waveOpensAt.minus(entryWindow);
  }

  /**
   * When first-come-first-served opens for a wave that opens (and is drawn) at {@code waveOpensAt}.
   */
  public static Instant firstComeFirstServedAt(Instant waveOpensAt) {
    checkNotNull(waveOpensAt, "waveOpensAt");
    return waveOpensAt.plus(DRAW_GRACE);
  }
}
