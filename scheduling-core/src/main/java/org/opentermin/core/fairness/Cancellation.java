package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.catalog.ResourceId;

/**
 * A cancelled booking's time {@code [start, end)} on a resource and when it was cancelled: what the
 * {@link Quarantine} keeps closed. Immutable.
 */
public record Cancellation(
    AppointmentId id, ResourceId resource, Instant start, Instant end, Instant cancelledAt) {

  public Cancellation {
    checkNotNull(id, "id");
    checkNotNull(resource, "resource");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkNotNull(cancelledAt, "cancelledAt");
    checkArgument(
        start.isBefore(end), "a cancelled booking must end after it starts: %s to %s", start, end);
  }
}
