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
 * A confirmed appointment whose personal data is kept: it always has a reference and the citizen,
 * its status is a booking status (never {@link AppointmentStatus#HELD}), and only a video booking
 * has a video link, which one that is confirmed or checked in always has. Immutable.
 */
public record Booking(
    AppointmentId id,
    ResourceId resource,
    Instant start,
    Instant end,
    ImmutableList<BookedService> services,
    Channel channel,
    AppointmentStatus status,
    AppointmentMode mode,
    BookingReference reference,
    Citizen citizen,
    Optional<VideoLink> videoLink)
    implements Appointment {

  public Booking {
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
    checkArgument(status.isBooking(), "a booking is not %s", status);
    checkNotNull(mode, "mode");
    checkNotNull(reference, "reference");
    checkNotNull(citizen, "citizen");
    checkNotNull(videoLink, "videoLink");
    checkArgument(
        videoLink.isEmpty() || mode == AppointmentMode.VIDEO,
        "only video bookings have a video link");
    boolean active =
        status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.CHECKED_IN;
    checkArgument(
        !(active && mode == AppointmentMode.VIDEO) || videoLink.isPresent(),
        "a video booking has a video link");
  }

  /** This booking in another booking status. */
  public Booking withStatus(AppointmentStatus newStatus) {
    return new Booking(
        id, resource, start, end, services, channel, newStatus, mode, reference, citizen,
        videoLink);
  }

  /**
   * This booking moved to the time, resource and services of {@code hold}, which must be of the
   * same mode; the booking keeps its channel, mode and video link.
   */
  public Booking movedTo(Hold hold) {
    checkArgument(
        hold.mode() == mode,
        "a %s booking moves only to a %s hold, not %s",
        mode,
        mode,
        hold.mode());
    return new Booking(
        id,
        hold.resource(),
        hold.start(),
        hold.end(),
        hold.services(),
        channel,
        status,
        mode,
        reference,
        citizen,
        videoLink);
  }

  /** This booking without its personal data (reference, citizen, video link), erased {@code at}. */
  public ErasedBooking erased(Instant at) {
    return new ErasedBooking(id, resource, start, end, services, channel, status, mode, at);
  }
}
