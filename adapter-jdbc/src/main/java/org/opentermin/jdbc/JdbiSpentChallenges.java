package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.opentermin.ports.out.SpentChallenges;

/**
 * {@link SpentChallenges} in PostgreSQL: the primary key decides which spend is the first, in any
 * number of app instances. Every {@value #CLEAN_UP_EVERY}th spend first deletes up to {@value
 * #CLEAN_UP_LIMIT} expired rows, ten times as many as were added meanwhile, so the table stays
 * about as large as the challenges spent within one lifetime and no job is needed.
 */
final class JdbiSpentChallenges implements SpentChallenges {

  static final int CLEAN_UP_EVERY = 100;
  static final int CLEAN_UP_LIMIT = 1000;

  /**
   * Rows are kept this long after their expiry, so that an instance whose clock lags behind the one
   * cleaning up still finds a challenge it considers unexpired.
   */
  static final Duration CLOCK_SKEW_MARGIN = Duration.ofMinutes(1);

  private final Transactions transactions;
  private final AtomicLong spends = new AtomicLong();

  JdbiSpentChallenges(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public boolean spend(String challengeId, Instant expiresAt, Instant now) {
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
    // Before the insert: if the clean-up fails, the challenge is not spent and can be tried again.
    if (spends.getAndIncrement() % CLEAN_UP_EVERY == 0) {
      transactions.singleStatement(
          handle ->
              SpentChallengeSql.deleteExpired(
                  handle, JdbiBookingStore.utc(now.minus(CLOCK_SKEW_MARGIN)), CLEAN_UP_LIMIT));
    }
    return transactions.singleStatement(
        handle -> SpentChallengeSql.insert(handle, challengeId, JdbiBookingStore.utc(expiresAt)));
  }
}
