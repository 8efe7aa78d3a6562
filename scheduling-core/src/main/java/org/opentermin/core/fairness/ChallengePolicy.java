package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalInt;

/**
 * When an ONLINE hold needs a proof of work first, and how hard: always, or when the office's holds
 * in the last minute pass {@code holdsPerMinuteThreshold}; each doubling of the rate beyond the
 * threshold adds a bit, so a flood gets ever more expensive for its sender while one citizen waits
 * a moment. Immutable.
 *
 * @param difficultyBits leading zero bits required at the base level, 1 to {@value
 *     #MAXIMUM_DIFFICULTY_BITS}
 * @param holdsPerMinuteThreshold 0 to {@value #MAXIMUM_THRESHOLD}; 0 never asks because of load
 */
public record ChallengePolicy(boolean always, int difficultyBits, int holdsPerMinuteThreshold) {

  public static final int MAXIMUM_DIFFICULTY_BITS = 30;
  public static final int MAXIMUM_THRESHOLD = 1_000_000;

  public ChallengePolicy {
    checkArgument(
        difficultyBits >= 1 && difficultyBits <= MAXIMUM_DIFFICULTY_BITS,
        "a challenge's difficulty must be 1 to %s bits, not %s",
        MAXIMUM_DIFFICULTY_BITS,
        difficultyBits);
    checkArgument(
        holdsPerMinuteThreshold >= 0 && holdsPerMinuteThreshold <= MAXIMUM_THRESHOLD,
        "a challenge's threshold must be 0 to %s holds per minute, not %s",
        MAXIMUM_THRESHOLD,
        holdsPerMinuteThreshold);
  }

  /**
   * The difficulty in bits a hold needs, or empty when none: {@code difficultyBits +
   * floor(log2(holdsInLastMinute / threshold))} (at most {@value #MAXIMUM_DIFFICULTY_BITS}) when
   * the rate exceeds the threshold, else {@code difficultyBits} when {@code always}.
   */
  public OptionalInt requiredDifficulty(int holdsInLastMinute) {
    checkArgument(
        holdsInLastMinute >= 0,
        "holds in the last minute must not be negative: %s",
        holdsInLastMinute);
    if (holdsPerMinuteThreshold > 0 && holdsInLastMinute > holdsPerMinuteThreshold) {
      // The largest k with threshold * 2^k <= holds, in integers so no rounding can add a bit.
      int extra = 0;
      while (((long) holdsPerMinuteThreshold << (extra + 1)) <= holdsInLastMinute) {
        extra++;
      }
      return OptionalInt.of(Math.min(MAXIMUM_DIFFICULTY_BITS, difficultyBits + extra));
    }
    return always ? OptionalInt.of(difficultyBits) : OptionalInt.empty();
  }
}
