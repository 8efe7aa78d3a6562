package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.Citizen;

/**
 * Turns a live hold into a booking with the citizen's minimal data. The result carries the
 * booking's reference and its manage token, which is shown only here and stored only as a hash.
 * With an idempotency key, a retry returns the same booking and token.
 *
 * <p>Minimal data: a name, and for a citizen who books online also an email address or a phone
 * number (else {@code INVALID_REQUEST}), so that the office can reach them about the appointment.
 * Staff who book for a caller or a walk-in need only a name; they know how they reached the person.
 * An appointment by phone needs the phone number, whoever books it. A note is optional and
 * sensitive (see {@link Citizen}).
 */
public interface ConfirmBooking {

  BookingResult confirm(Command command);

  /** What to confirm, for whom. Immutable. */
  record Command(
      AppointmentId hold, Citizen citizen, Actor actor, Optional<String> idempotencyKey) {
    public Command {
      checkNotNull(hold, "hold");
      checkNotNull(citizen, "citizen");
      checkNotNull(actor, "actor");
      checkNotNull(idempotencyKey, "idempotencyKey");
    }
  }
}
