package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;

/**
 * A short-lived claim on capacity while the citizen fills in the form: it counts until {@code
 * expiresAt} and has neither reference nor citizen. Its status is always {@link
 * AppointmentStatus#HELD}. Immutable.
 */
public record Hold(
    AppointmentId id,
    ResourceId resource,
    Instant start,
    Instant end,
    ImmutableList<BookedService> services,
    Channel channel,
    AppointmentMode mode,
    Instant expiresAt)
    implements Appointment {

  public Hold {
    checkNotNull(id, "id");
    checkNotNull(resource, "resource");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(
        start.isBefore(end), "appointment must end after it starts: %s to %s", start, end);
    services = ImmutableList.copyOf(checkNotNull(services, "services"));
    checkArgument(!services.isEmpty(), "an appointment is for at least one service");
    checkNotNull(channel, "channel");
    checkNotNull(mode, "mode");
    checkNotNull(expiresAt, "expiresAt");
  }

  @Override
  public AppointmentStatus status() {
    return AppointmentStatus.HELD;
  }

  /** This hold (not a video one) confirmed as a booking. */
  public Booking confirmed(BookingReference reference, Citizen citizen) {
    return confirmed(reference, citizen, Optional.empty());
  }

  /** This hold confirmed as a booking, with the video link exactly when it is a video hold. */
  public Booking confirmed(
      BookingReference reference, Citizen citizen, Optional<VideoLink> videoLink) {
    return new Booking(
        id,
        resource,
        start,
        end,
        services,
        channel,
        AppointmentStatus.CONFIRMED,
        mode,
        reference,
        citizen,
        videoLink);
  }
}
