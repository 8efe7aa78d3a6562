package org.opentermin.core.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;

/** Concrete offices, instants and appointments shared by the booking tests. */
final class BookingFixtures {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static final OfficeId MITTE = OfficeId.of("buergeramt-mitte");
  static final OfficeId PANKOW = OfficeId.of("buergeramt-pankow");
  static final ResourceId DESK_1 = ResourceId.of("desk-1");
  static final ResourceId DESK_2 = ResourceId.of("desk-2");
  static final BookedService PASSPORT = new BookedService(ServiceId.of("passport"), 1);
  static final BookedService ID_CARD = new BookedService(ServiceId.of("id-card"), 2);

  /** Wednesday 11 June 2025, 09:00 in Berlin (summer time, UTC+2), i.e. 07:00Z. */
  static final Instant START = berlin(2025, 6, 11, 9, 0);

  static final Instant END = START.plus(Duration.ofMinutes(20));

  /** When the hold that became the booking (and the fresh holds of the tests) expire. */
  static final Instant HOLD_EXPIRES = berlin(2025, 6, 2, 10, 15);

  static final BookingReference REFERENCE = new BookingReference("K7M2QX9P");

  static final Citizen ERIKA =
      new Citizen(
          "Erika Mustermann", Optional.of("erika@example.org"), Optional.of("+49 30 9015 2763"));

  private BookingFixtures() {}

  static Instant berlin(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(BERLIN).toInstant();
  }

  static AppointmentId appointmentId(OfficeId office, long number) {
    return new AppointmentId(
        office, new UUID(0x1234_5678_9abc_4defL, 0x8000_0000_0000_0000L | number));
  }

  /** A hold on desk 1 for a passport, online, at Mitte from {@link #START} to {@link #END}. */
  static Hold hold(Instant expiresAt) {
    return Appointment.hold(
        appointmentId(MITTE, 1), DESK_1, START, END, List.of(PASSPORT), Channel.ONLINE, expiresAt);
  }

  /** A hold at another time, as made to reschedule a booking. */
  static Hold holdAt(OfficeId office, Instant start, Instant expiresAt) {
    return Appointment.hold(
        appointmentId(office, 2),
        DESK_2,
        start,
        start.plus(Duration.ofMinutes(30)),
        List.of(ID_CARD),
        Channel.PHONE,
        expiresAt);
  }

  /** Erika's booking from {@link #START} to {@link #END} in {@code status}. */
  static Booking booking(AppointmentStatus status) {
    return hold(HOLD_EXPIRES).confirmed(REFERENCE, ERIKA).withStatus(status);
  }
}
