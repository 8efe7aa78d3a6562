package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a waiting-list offer (a hold) stays open before the capacity moves on to the next entry.
 * Immutable.
 *
 * @param offerExpiry 5 minutes to 7 days
 */
public record WaitingListPolicy(Duration offerExpiry) {

  public WaitingListPolicy {
    checkNotNull(offerExpiry, "offerExpiry");
    checkArgument(
        offerExpiry.compareTo(Duration.ofMinutes(5)) >= 0
            && offerExpiry.compareTo(Duration.ofDays(7)) <= 0,
        "a waiting-list offer must stay open 5 minutes to 7 days, not %s",
        offerExpiry);
  }

  /** When an offer made at {@code offeredAt} lapses. */
  public Instant offerExpiresAt(Instant offeredAt) {
    checkNotNull(offeredAt, "offeredAt");
    return offeredAt.plus(offerExpiry);
  }
}
