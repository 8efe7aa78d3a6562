package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.opentermin.ports.out.SpentChallenges;

/**
 * {@link SpentChallenges} in memory, for one app instance; one lock serializes every call. Expired
 * ids are swept whenever the map has doubled since the last sweep, so it stays about as large as
 * the number of challenges spent within one lifetime.
 */
public final class InMemorySpentChallenges implements SpentChallenges {

  private static final int FIRST_SWEEP_AT = 1024;

  private final Map<String, Instant> expiryById = new HashMap<>();
  private int sweepAt = FIRST_SWEEP_AT;

  @Override
  public synchronized boolean spend(String challengeId, Instant expiresAt, Instant now) {
    checkNotNull(challengeId, "challengeId");
    checkArgument(
        !challengeId.isEmpty() && challengeId.length() <= MAXIMUM_ID_LENGTH,
        "challenge ids have 1 to %s characters",
        MAXIMUM_ID_LENGTH);
    checkNotNull(expiresAt, "expiresAt");
    checkNotNull(now, "now");
    checkArgument(
        now.isBefore(expiresAt),
        "challenge %s expired at %s, it cannot be spent at %s",
        challengeId,
        expiresAt,
        now);
    if (expiryById.size() >= sweepAt) {
      expiryById.values().removeIf(expiry -> !now.isBefore(expiry));
      sweepAt = Math.max(FIRST_SWEEP_AT, 2 * expiryById.size());
    }
    return expiryById.putIfAbsent(challengeId, expiresAt) == null;
  }
}
