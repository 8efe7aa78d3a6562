package org.opentermin.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the simulation moves forward by hand; it never goes back. Not thread-safe. */
final class SimulatedClock extends Clock {

  private Instant now;

  SimulatedClock(Instant start) {
    this.now = checkNotNull(start, "start");
  }

  void moveTo(Instant instant) {
    checkArgument(
        !instant.isBefore(now), "the simulated clock does not go back: %s before %s", instant, now);
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock runs in UTC");
  }
}
