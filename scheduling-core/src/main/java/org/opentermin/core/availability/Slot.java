package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * A start time an office can offer, and how many appointments of the requested kind can still start
 * there (the number of qualified resources free for the whole duration). Immutable.
 */
public record Slot(Instant start, int capacity) {

  public Slot {
    checkNotNull(start, "start");
    checkArgument(capacity >= 1, "a slot has a capacity of at least 1, not %s", capacity);
  }
}
