package org.opentermin.ports.in;

import org.opentermin.core.booking.Hold;

/** The hold, or why there is none. */
public sealed interface HoldResult permits HoldResult.Held, Refused {

  /** The start is held until {@code hold.expiresAt()}. */
  record Held(Hold hold) implements HoldResult {}
}
