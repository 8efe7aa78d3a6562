package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;

/**
 * A claim on one resource's time, {@code [start, end)}: a hold while the citizen fills in the
 * form, then a booking with a reference and the citizen's data. A hold has an expiry and no
 * reference or citizen; a booking has both and no expiry. Its {@link AppointmentMode mode} is set
 * with the hold and never changes; only a video booking has a video link, and one that is
 * confirmed or checked in always has it until it is erased. Once its personal data is erased
 * (after the office's retention period, or early at the citizen's request), a booking keeps only
 * what anonymous statistics need: office, resource, time, services, channel, mode and status, with
 * {@code erasedAt} and neither reference, citizen nor video link. Holds are never erased; they are
 * deleted. Immutable.
 */
public record Appointment(
    AppointmentId id,
    ResourceId resource,
    Instant start,
    Instant end,
    ImmutableList<BookedService> services,
    Channel channel,
    AppointmentStatus status,
    Optional<Instant> expiresAt,
    Optional<BookingReference> reference,
    Optional<Citizen> citizen,
    AppointmentMode mode,
    Optional<VideoLink> videoLink,
    Optional<Instant> erasedAt) {

  public Appointment {
    checkNotNull(id, "id");
    checkNotNull(resource, "resource");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkArgument(start.isBefore(end), "appointment must end after it starts: %s to %s", start, end);
    services = ImmutableList.copyOf(checkNotNull(services, "services"));
    checkArgument(!services.isEmpty(), "an appointment is for at least one service");
    checkNotNull(channel, "channel");
    checkNotNull(status, "status");
    checkNotNull(expiresAt, "expiresAt");
    checkNotNull(reference, "reference");
    checkNotNull(citizen, "citizen");
    checkNotNull(erasedAt, "erasedAt");
    boolean hold = status == AppointmentStatus.HELD;
    boolean erased = erasedAt.isPresent();
    checkArgument(!(hold && erased), "a hold is deleted, never erased");
    checkArgument(hold == expiresAt.isPresent(), "exactly holds have an expiry: %s", status);
    checkArgument((!hold && !erased) == reference.isPresent(), "exactly bookings that are not erased have a reference: %s", status);
    checkArgument((!hold && !erased) == citizen.isPresent(), "exactly bookings that are not erased have a citizen: %s", status);
    checkNotNull(mode, "mode");
    checkNotNull(videoLink, "videoLink");
    checkArgument(videoLink.isEmpty() || (mode == AppointmentMode.VIDEO && !hold && !erased),
        "only video bookings that are not erased have a video link");
    boolean active = status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.CHECKED_IN;
    checkArgument(!(active && mode == AppointmentMode.VIDEO && !erased) || videoLink.isPresent(), "a video booking has a video link");
  }

  /** An appointment whose personal data is not erased: a hold, or a booking with reference and citizen. */
  public Appointment(
      AppointmentId id,
      ResourceId resource,
      Instant start,
      Instant end,
      ImmutableList<BookedService> services,
      Channel channel,
      AppointmentStatus status,
      Optional<Instant> expiresAt,
      Optional<BookingReference> reference,
      Optional<Citizen> citizen,
      AppointmentMode mode,
      Optional<VideoLink> videoLink) {
    this(id, resource, start, end, services, channel, status, expiresAt, reference, citizen, mode, videoLink, Optional.empty());
  }

  /** An appointment in person. */
  public Appointment(
      AppointmentId id,
      ResourceId resource,
      Instant start,
      Instant end,
      ImmutableList<BookedService> services,
      Channel channel,
      AppointmentStatus status,
      Optional<Instant> expiresAt,
      Optional<BookingReference> reference,
      Optional<Citizen> citizen) {
    this(id, resource, start, end, services, channel, status, expiresAt, reference, citizen, AppointmentMode.IN_PERSON,
        Optional.empty());
  }

  /** A new hold in person that counts until {@code expiresAt}. */
  public static Appointment hold(
      AppointmentId id,
      ResourceId resource,
      Instant start,
      Instant end,
      Iterable<BookedService> services,
      Channel channel,
      Instant expiresAt) {
    return hold(id, resource, start, end, services, channel, expiresAt, AppointmentMode.IN_PERSON);
  }

  /** A new hold in {@code mode} that counts until {@code expiresAt}. */
  public static Appointment hold(
      AppointmentId id,
      ResourceId resource,
      Instant start,
      Instant end,
      Iterable<BookedService> services,
      Channel channel,
      Instant expiresAt,
      AppointmentMode mode) {
    return new Appointment(
        id, resource, start, end, ImmutableList.copyOf(services), channel, AppointmentStatus.HELD,
        Optional.of(expiresAt), Optional.empty(), Optional.empty(), mode, Optional.empty());
  }

  public OfficeId office() {
    return id.office();
  }

  /** This hold (not a video one) confirmed as a booking. */
  public Appointment confirmed(BookingReference bookingReference, Citizen bookedFor) {
    return confirmed(bookingReference, bookedFor, Optional.empty());
  }

  /** This hold confirmed as a booking, with the video link exactly when it is a video hold. */
  public Appointment confirmed(BookingReference bookingReference, Citizen bookedFor, Optional<VideoLink> link) {
    checkArgument(status == AppointmentStatus.HELD, "only a hold can be confirmed, not %s", status);
    return new Appointment(
        id, resource, start, end, services, channel, AppointmentStatus.CONFIRMED,
        Optional.empty(), Optional.of(bookingReference), Optional.of(bookedFor), mode, link);
  }

  /** This booking in another status. */
  public Appointment withStatus(AppointmentStatus newStatus) {
    checkArgument(status.isBooking() && newStatus.isBooking(), "a hold changes status only by confirmation");
    return new Appointment(
        id, resource, start, end, services, channel, newStatus, expiresAt, reference, citizen, mode, videoLink, erasedAt);
  }

  /**
   * This booking moved to the time, resource and services of {@code hold}, which must be of the
   * same mode; the booking keeps its channel, mode and video link.
   */
  public Appointment movedTo(Appointment hold) {
    checkArgument(status.isBooking() && !isErased(), "only a booking that is not erased can be moved");
    checkArgument(hold.mode == mode, "a %s booking moves only to a %s hold, not %s", mode, mode, hold.mode);
    return new Appointment(
        id, hold.resource, hold.start, hold.end, hold.services, channel, status, expiresAt, reference, citizen, mode, videoLink);
  }

  /** This booking without its personal data (reference, citizen, video link), erased {@code at}. */
  public Appointment erased(Instant at) {
    checkNotNull(at, "at");
    checkArgument(status.isBooking() && !isErased(), "only a booking that is not erased yet can be erased, not %s", status);
    return new Appointment(id, resource, start, end, services, channel, status, expiresAt, Optional.empty(), Optional.empty(), mode,
        Optional.empty(), Optional.of(at));
  }

  /** Whether this booking's personal data has been erased. */
  public boolean isErased() {
    return erasedAt.isPresent();
  }

  /** Whether this is a hold that still counts at {@code now}. */
  public boolean isLiveHoldAt(Instant now) {
    return status == AppointmentStatus.HELD && now.isBefore(expiresAt.orElseThrow());
  }
}
