package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.Cancellation;
import org.opentermin.ports.out.BookingStore.ClientQuota;
import org.opentermin.ports.out.BookingStore.IdempotencyMatch;
import org.opentermin.ports.out.BookingStore.IdempotencyRecord;
import org.opentermin.ports.out.BookingStore.IdentityQuota;
import org.opentermin.ports.out.BookingStore.Pseudonyms;

/**
 * The reads of {@link InMemoryBookingStore}: busy times, bookings, cancellations, the counts that
 * quotas check, pseudonyms and idempotency keys. Not thread-safe on its own; the store calls it
 * only under its lock.
 */
final class InMemoryBookingReads {

  private final Map<AppointmentId, BookingRow> rows;

  InMemoryBookingReads(Map<AppointmentId, BookingRow> rows) {
    this.rows = rows;
  }

  ImmutableList<BusyPeriod> busyPeriods(OfficeId office, Instant from, Instant to) {
    return rows.values().stream()
        .map(BookingRow::appointment)
        .filter(
            appointment ->
                appointment.office().equals(office) && appointment.status().occupiesTime())
        .filter(appointment -> appointment.start().isBefore(to) && appointment.end().isAfter(from))
        .map(
            appointment ->
                new BusyPeriod(
                    appointment.resource(),
                    appointment.start(),
                    appointment.end(),
                    expiryOf(appointment)))
        .collect(ImmutableList.toImmutableList());
  }

  /** When a hold stops counting; a booking counts until its status says otherwise. */
  private static Instant expiryOf(Appointment appointment) {
    return appointment instanceof Hold hold ? hold.expiresAt() : Instant.MAX;
  }

  ImmutableList<Appointment> bookings(OfficeId office, Instant from, Instant to) {
    return rows.values().stream()
        .map(BookingRow::appointment)
        .filter(
            appointment -> appointment.office().equals(office) && appointment.status().isBooking())
        .filter(
            appointment -> !appointment.start().isBefore(from) && appointment.start().isBefore(to))
        .sorted(
            Comparator.comparing(Appointment::start)
                .thenComparing(Appointment::resource)
                .thenComparing(appointment -> appointment.id().toString()))
        .collect(ImmutableList.toImmutableList());
  }

  ImmutableList<Cancellation> cancellations(
      OfficeId office, Instant from, Instant to, Instant since) {
    return rows.values().stream()
        .filter(row -> row.cancelledAt().isPresent() && !row.cancelledAt().get().isBefore(since))
        .filter(row -> row.appointment().office().equals(office))
        .filter(
            row -> row.appointment().start().isBefore(to) && row.appointment().end().isAfter(from))
        .map(
            row -> {
              Appointment booking = row.appointment();
              return new Cancellation(
                  booking.id(),
                  booking.resource(),
                  booking.start(),
                  booking.end(),
                  row.cancelledAt().get());
            })
        .collect(ImmutableList.toImmutableList());
  }

  /** How many live holds the quota's client has at {@code office} at {@code now}. */
  long liveHolds(ClientQuota quota, OfficeId office, Instant now) {
    return rows.values().stream()
        .filter(row -> row.clientKey().filter(quota.clientKey()::equals).isPresent())
        .filter(
            row -> row.appointment().office().equals(office) && row.appointment().isLiveHoldAt(now))
        .count();
  }

  boolean identityQuotaUsedUp(Appointment hold, IdentityQuota quota) {
    Set<ServiceId> services =
        hold.services().stream().map(BookedService::service).collect(ImmutableSet.toImmutableSet());
    return activeBookings(
            hold.office(), quota.identityKeys(), services, quota.windowStart(), quota.windowEnd())
        >= quota.maxBookings();
  }

  int activeBookings(
      OfficeId office,
      Set<String> identityKeys,
      Set<ServiceId> services,
      Instant from,
      Instant to) {
    return (int)
        rows.values().stream()
            .filter(row -> row.appointment().office().equals(office))
            .filter(
                row ->
                    row.appointment().status() == AppointmentStatus.CONFIRMED
                        || row.appointment().status() == AppointmentStatus.CHECKED_IN)
            .filter(row -> !Collections.disjoint(row.identityKeys(), identityKeys))
            .filter(
                row ->
                    row.appointment().services().stream()
                        .anyMatch(booked -> services.contains(booked.service())))
            .filter(
                row ->
                    !row.appointment().start().isBefore(from)
                        && row.appointment().start().isBefore(to))
            .count();
  }

  Optional<Pseudonyms> pseudonyms(AppointmentId booking) {
    return Optional.ofNullable(rows.get(checkNotNull(booking, "booking")))
        .filter(row -> row.appointment() instanceof Booking)
        .map(
            row ->
                new Pseudonyms(
                    !row.identityKeys().isEmpty(),
                    row.clientKey().isPresent(),
                    row.holdKey().isPresent() || row.confirmKey().isPresent()));
  }

  Optional<IdempotencyMatch> findByKey(
      OfficeId office,
      byte[] keyHash,
      java.util.function.Function<BookingRow, Optional<IdempotencyRecord>> key) {
    checkNotNull(keyHash, "keyHash");
    ByteBuffer wanted = ByteBuffer.wrap(keyHash);
    return rows.values().stream()
        .filter(row -> row.appointment().office().equals(office))
        .filter(
            row ->
                key.apply(row)
                    .map(record -> ByteBuffer.wrap(record.keyHash()).equals(wanted))
                    .orElse(false))
        .findFirst()
        .map(
            row -> {
              IdempotencyRecord record = key.apply(row).orElseThrow();
              return new IdempotencyMatch(
                  row.appointment().id(), record.requestFingerprint(), record.retryPayload());
            });
  }
}
