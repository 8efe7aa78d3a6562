package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;

/** A non-empty half-open span of time {@code [start, end)}. Immutable. */
public record TimeWindow(Instant start, Instant end) {

  public TimeWindow {
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(
        start.isBefore(end), "a time window must end after it starts: %s to %s", start, end);
  }

  /** Whether {@code at} lies in {@code [start, end)}. */
  public boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  public Duration duration() {
    return Duration.between(start, end);
  }
}
