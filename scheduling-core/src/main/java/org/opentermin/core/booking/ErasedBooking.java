package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;

/**
 * A booking whose personal data was erased {@code erasedAt}: it keeps only what anonymous
 * statistics need (office, resource, time, services, channel, mode and status) and has neither
 * reference, citizen nor video link. Immutable.
 */
public record ErasedBooking(
    AppointmentId id,
    ResourceId resource,
    Instant start,
    Instant end,
    ImmutableList<BookedService> services,
    Channel channel,
    AppointmentStatus status,
    AppointmentMode mode,
    Instant erasedAt)
    implements Appointment {

  public ErasedBooking {
    checkNotNull(id, "id");
    checkNotNull(resource, "resource");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(
        start.isBefore(end), "appointment must end after it starts: %s to %s", start, end);
    services = ImmutableList.copyOf(checkNotNull(services, "services"));
    checkArgument(!services.isEmpty(), "an appointment is for at least one service");
    checkNotNull(channel, "channel");
    checkNotNull(status, "status");
    checkArgument(status.isBooking(), "a hold is deleted, never erased");
    checkNotNull(mode, "mode");
    checkNotNull(erasedAt, "erasedAt");
  }

  /** This erased booking in another booking status. */
  public ErasedBooking withStatus(AppointmentStatus newStatus) {
    return new ErasedBooking(
        id, resource, start, end, services, channel, newStatus, mode, erasedAt);
  }
}
