package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.ports.out.BookingStore.ClientQuota;

/**
 * A hold to place with {@link BookingStore#placeHold}: everything but the resource, which the store
 * picks from the candidates; with a client quota, the hold also records its client. The hold keeps
 * its mode for good.
 */
public record HoldClaim(
    AppointmentId id,
    ImmutableList<ResourceId> candidates,
    Instant start,
    Instant end,
    ImmutableList<BookedService> services,
    Channel channel,
    Instant expiresAt,
    Optional<ClientQuota> clientQuota,
    AppointmentMode mode) {

  public HoldClaim {
    checkNotNull(id, "id");
    candidates = ImmutableList.copyOf(checkNotNull(candidates, "candidates"));
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    services = ImmutableList.copyOf(checkNotNull(services, "services"));
    checkNotNull(channel, "channel");
    checkNotNull(expiresAt, "expiresAt");
    checkNotNull(clientQuota, "clientQuota");
    checkNotNull(mode, "mode");
  }

  /** A claim for an appointment in person. */
  public HoldClaim(
      AppointmentId id,
      ImmutableList<ResourceId> candidates,
      Instant start,
      Instant end,
      ImmutableList<BookedService> services,
      Channel channel,
      Instant expiresAt,
      Optional<ClientQuota> clientQuota) {
    this(
        id,
        candidates,
        start,
        end,
        services,
        channel,
        expiresAt,
        clientQuota,
        AppointmentMode.IN_PERSON);
  }

  /** A claim in person without a client quota. */
  public HoldClaim(
      AppointmentId id,
      ImmutableList<ResourceId> candidates,
      Instant start,
      Instant end,
      ImmutableList<BookedService> services,
      Channel channel,
      Instant expiresAt) {
    this(id, candidates, start, end, services, channel, expiresAt, Optional.empty());
  }

  /** The hold this claim becomes on {@code resource}. */
  public Hold on(ResourceId resource) {
    return Appointment.hold(id, resource, start, end, services, channel, expiresAt, mode);
  }
}
