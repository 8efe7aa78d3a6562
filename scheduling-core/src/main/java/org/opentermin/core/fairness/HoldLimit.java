package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * At most {@code maxLiveHoldsPerClient} live holds per client (a keyed hash of the remote address
 * made by the HTTP adapter), so that no client can sit on capacity. Immutable.
 *
 * @param maxLiveHoldsPerClient 1 to 100
 */
public record HoldLimit(int maxLiveHoldsPerClient) {

  public HoldLimit {
    checkArgument(
        maxLiveHoldsPerClient >= 1 && maxLiveHoldsPerClient <= 100,
        "a hold limit allows 1 to 100 live holds per client, not %s",
        maxLiveHoldsPerClient);
  }
}
