package org.opentermin.ports.booking;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.availability.AppointmentRequest;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.ports.in.Refused;

/** Small checks and conversions that several booking services share. Stateless. */
final class BookingChecks {

  private BookingChecks() {}

  /**
   * The current instant at the database's precision (microseconds), so stored instants round-trip.
   */
  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Citizens book online; phone and counter bookings are made by staff. */
  static Optional<Refused> checkChannel(Channel channel, Actor actor) {
    if (actor instanceof Actor.Citizen && channel != Channel.ONLINE) {
      return Optional.of(
          new Refused(
              RefusalReason.NOT_PERMITTED, "citizens book online; " + channel + " is for staff"));
    }
    return Optional.empty();
  }

  /** The channels whose holds the actor may confirm. */
  static Set<Channel> channelsFor(Actor actor) {
    return actor instanceof Actor.Citizen
        ? EnumSet.of(Channel.ONLINE)
        : EnumSet.allOf(Channel.class);
  }

  /** A refusal with {@code detail} where a core rule gave a reason. */
  static Optional<Refused> refusedIf(Optional<RefusalReason> reason, String detail) {
    return reason.map(found -> new Refused(found, detail));
  }

  /** The idempotency key, if well formed. */
  static Step<Optional<String>> validKey(Optional<String> key) {
    if (key.isPresent() && !Secrets.IDEMPOTENCY_KEY.matcher(key.get()).matches()) {
      return Step.stop(
          RefusalReason.INVALID_REQUEST,
          "an idempotency key is 16 to 200 characters: letters, digits, _ . : -");
    }
    return Step.go(key);
  }

  static ImmutableList<BookedService> booked(AppointmentRequest request) {
    return request.services().stream()
        .map(requested -> new BookedService(requested.service().id(), requested.persons()))
        .collect(ImmutableList.toImmutableList());
  }

  static List<ServiceId> serviceIds(Appointment appointment) {
    return appointment.services().stream().map(BookedService::service).toList();
  }
}
