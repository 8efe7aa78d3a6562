package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import org.opentermin.core.catalog.ResourceId;

/**
 * Time in which a resource is taken, {@code [start, end)}: by a confirmed booking, or by a hold
 * that stops counting at {@code expiresAt} whether or not anyone has cleaned it up yet. Immutable.
 *
 * @param expiresAt when the claim ends; {@link Instant#MAX} for bookings
 */
public record BusyPeriod(ResourceId resource, Instant start, Instant end, Instant expiresAt) {

  public BusyPeriod {
    checkNotNull(resource, "resource");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkNotNull(expiresAt, "expiresAt");
    checkArgument(
        start.isBefore(end), "busy period must end after it starts: %s to %s", start, end);
  }

  /** A confirmed booking: busy until someone cancels it. */
  public static BusyPeriod booking(ResourceId resource, Instant start, Instant end) {
    return new BusyPeriod(resource, start, end, Instant.MAX);
  }

  /** A hold that frees its time at {@code expiresAt}. */
  public static BusyPeriod hold(
      ResourceId resource, Instant start, Instant end, Instant expiresAt) {
    return new BusyPeriod(resource, start, end, expiresAt);
  }

  /** Whether the claim still counts at {@code now}. */
  public boolean isActiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
