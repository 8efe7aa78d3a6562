package org.opentermin.core.booking;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;

/**
 * A claim on one resource's time, {@code [start, end)}, in one of three states: a {@link Hold}
 * while the citizen fills in the form, a {@link Booking} with a reference and the citizen's data
 * once it is confirmed, and an {@link ErasedBooking} once that personal data is erased (after the
 * office's retention period, or early at the citizen's request). Each state holds only the fields
 * it has, so a hold has no reference and an erased booking no citizen by construction. Its {@link
 * AppointmentMode mode} is set with the hold and never changes. Holds are never erased; they are
 * deleted. Implementations are immutable records.
 */
public sealed interface Appointment permits Hold, Booking, ErasedBooking {

  AppointmentId id();

  ResourceId resource();

  Instant start();

  Instant end();

  ImmutableList<BookedService> services();

  Channel channel();

  AppointmentStatus status();

  AppointmentMode mode();

  default OfficeId office() {
    return id().office();
  }

  /** Whether this booking's personal data has been erased. */
  default boolean isErased() {
    return this instanceof ErasedBooking;
  }

  /** Whether this is a hold that still counts at {@code now}. */
  default boolean isLiveHoldAt(Instant now) {
    return this instanceof Hold hold && now.isBefore(hold.expiresAt());
  }

  /** A new hold in person that counts until {@code expiresAt}. */
  static Hold hold(
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
  static Hold hold(
      AppointmentId id,
      ResourceId resource,
      Instant start,
      Instant end,
      Iterable<BookedService> services,
      Channel channel,
      Instant expiresAt,
      AppointmentMode mode) {
    return new Hold(
        id, resource, start, end, ImmutableList.copyOf(services), channel, mode, expiresAt);
  }
}
