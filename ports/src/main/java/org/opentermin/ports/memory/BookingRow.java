package org.opentermin.ports.memory;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.ports.out.BookingStore.IdempotencyRecord;

/**
 * One appointment as {@link InMemoryBookingStore} keeps it: the appointment and what only the store
 * knows about it (the manage token's hash, idempotency records, the pseudonymous keys of client and
 * identities, how often it was moved, when it was cancelled). Immutable.
 */
record BookingRow(
    Appointment appointment,
    Optional<byte[]> manageTokenHash,
    Optional<IdempotencyRecord> holdKey,
    Optional<IdempotencyRecord> confirmKey,
    Optional<String> clientKey,
    ImmutableSet<String> identityKeys,
    int reschedules,
    Optional<Instant> cancelledAt) {

  static BookingRow hold(
      Appointment hold, Optional<IdempotencyRecord> holdKey, Optional<String> clientKey) {
    return new BookingRow(
        hold,
        Optional.empty(),
        holdKey,
        Optional.empty(),
        clientKey,
        ImmutableSet.of(),
        0,
        Optional.empty());
  }

  BookingRow with(Appointment changed) {
    return new BookingRow(
        changed,
        manageTokenHash,
        holdKey,
        confirmKey,
        clientKey,
        identityKeys,
        reschedules,
        cancelledAt);
  }

  boolean occupiesAt(Instant now) {
    AppointmentStatus status = appointment.status();
    return status == AppointmentStatus.HELD ? appointment.isLiveHoldAt(now) : status.occupiesTime();
  }
}
