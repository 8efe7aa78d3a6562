package org.opentermin.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.ErasedBooking;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.jdbc.BookingSql.AppointmentRow;
import org.opentermin.jdbc.BookingSql.EventRow;
import org.opentermin.ports.out.BookingStore;

/**
 * Rows of the appointment tables as the core's types and back: an appointment row as the state it
 * is in, events, actors and idempotency matches. Shared by the stores that read these tables.
 */
final class AppointmentRows {

  private AppointmentRows() {}

  static BookingStore.IdempotencyMatch match(OfficeId office, ClaimSql.IdempotencyRow row) {
    return new BookingStore.IdempotencyMatch(
        new AppointmentId(office, row.appointmentId()),
        row.fingerprint(),
        row.payload() == null ? new byte[0] : row.payload());
  }

  /**
   * The services of a row, whose two arrays run in parallel; for every store that keeps services
   * so.
   */
  static ImmutableList<BookedService> bookedServices(String[] serviceIds, Integer[] persons) {
    ImmutableList.Builder<BookedService> services = ImmutableList.builder();
    for (int i = 0; i < serviceIds.length; i++) {
      services.add(new BookedService(ServiceId.of(serviceIds[i]), persons[i]));
    }
    return services.build();
  }

  /** A row as the state it is in: a hold, a booking, or a booking whose personal data is erased. */
  static Appointment appointment(AppointmentRow row) {
    AppointmentStatus status = AppointmentStatus.valueOf(row.status());
    if (status == AppointmentStatus.HELD) {
      return new Hold(
          new AppointmentId(OfficeId.of(row.officeId()), row.appointmentId()),
          ResourceId.of(row.resourceId()),
          row.startsAt().toInstant(),
          row.endsAt().toInstant(),
          bookedServices(row.serviceIds(), row.persons()),
          Channel.valueOf(row.channel()),
          AppointmentMode.valueOf(row.mode()),
          row.expiresAt().toInstant());
    }
    if (row.erasedAt() != null) {
      return new ErasedBooking(
          new AppointmentId(OfficeId.of(row.officeId()), row.appointmentId()),
          ResourceId.of(row.resourceId()),
          row.startsAt().toInstant(),
          row.endsAt().toInstant(),
          bookedServices(row.serviceIds(), row.persons()),
          Channel.valueOf(row.channel()),
          status,
          AppointmentMode.valueOf(row.mode()),
          row.erasedAt().toInstant());
    }
    return booking(row);
  }

  /** A row of a booking that is not erased (found by its reference, which erasure clears). */
  static Booking booking(AppointmentRow row) {
    return new Booking(
        new AppointmentId(OfficeId.of(row.officeId()), row.appointmentId()),
        ResourceId.of(row.resourceId()),
        row.startsAt().toInstant(),
        row.endsAt().toInstant(),
        bookedServices(row.serviceIds(), row.persons()),
        Channel.valueOf(row.channel()),
        AppointmentStatus.valueOf(row.status()),
        AppointmentMode.valueOf(row.mode()),
        new BookingReference(row.reference()),
        new Citizen(
            row.citizenName(),
            Optional.ofNullable(row.citizenEmail()),
            Optional.ofNullable(row.citizenPhone()),
            Optional.ofNullable(row.citizenNote())),
        Optional.ofNullable(row.videoLink()).map(VideoLink::of));
  }

  static EventRow eventRow(BookingEvent event) {
    return new EventRow(
        event.appointment().office().value(),
        event.appointment().uuid(),
        JdbiBookingStore.utc(event.at()),
        event.actor().kind(),
        event.actor().id(),
        event.from().name(),
        event.to().name(),
        event.note());
  }

  static BookingEvent event(EventRow row) {
    return new BookingEvent(
        new AppointmentId(OfficeId.of(row.officeId()), row.appointmentId()),
        row.at().toInstant(),
        actor(row.actorKind(), row.actorId()),
        AppointmentStatus.valueOf(row.fromStatus()),
        AppointmentStatus.valueOf(row.toStatus()),
        row.note());
  }

  /** The actor as the columns {@code actor_kind} and {@code actor_id} store it. */
  static Actor actor(String kind, String id) {
    return switch (kind) {
      case "CITIZEN" -> Actor.CITIZEN;
      case "STAFF" -> Actor.staff(id);
      default -> Actor.SYSTEM;
    };
  }
}
