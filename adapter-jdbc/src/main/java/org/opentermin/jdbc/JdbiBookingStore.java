package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.Cancellation;
import org.opentermin.jdbc.BookingSql.AppointmentRow;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;

/**
 * {@link BookingStore} in PostgreSQL. No resource is ever claimed twice because the table's
 * exclusion constraint refuses it; this class only asks and reads the answer. Each method is one
 * transaction, retried on serialization failures and deadlocks. Erasing personal data is one
 * statement each ({@link PrivacySql}).
 */
final class JdbiBookingStore implements BookingStore {

  private static final String CONFIRM_KEY_INDEX = "appointments_confirm_key";

  /**
   * The table checks that keep video links to video bookings (V9__appointment_modes.sql), which
   * confirm_hold also names when it refuses a link.
   */
  private static final Set<String> VIDEO_LINK_CHECKS =
      Set.of("appointments_video_link_only_for_video", "appointments_video_booking_has_link");

  private final Transactions transactions;

  JdbiBookingStore(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public ImmutableList<BusyPeriod> busyPeriods(OfficeId office, Instant from, Instant to) {
    return transactions.read(
        handle ->
            BookingSql.busy(handle, office.value(), utc(from), utc(to)).stream()
                .map(
                    row ->
                        new BusyPeriod(
                            ResourceId.of(row.resourceId()),
                            row.startsAt().toInstant(),
                            row.endsAt().toInstant(),
                            row.expiresAt() == null ? Instant.MAX : row.expiresAt().toInstant()))
                .collect(ImmutableList.toImmutableList()));
  }

  @Override
  public ImmutableList<Appointment> bookings(OfficeId office, Instant from, Instant to) {
    checkNotNull(office, "office");
    return transactions.read(
        handle ->
            BookingSql.bookings(handle, office.value(), utc(from), utc(to)).stream()
                .map(AppointmentRows::appointment)
                .collect(ImmutableList.toImmutableList()));
  }

  @Override
  public int activeBookings(
      OfficeId office,
      Set<String> identityKeys,
      Set<ServiceId> services,
      Instant from,
      Instant to) {
    checkNotNull(office, "office");
    if (identityKeys.isEmpty() || services.isEmpty()) {
      return 0;
    }
    String[] keys = identityKeys.toArray(String[]::new);
    String[] serviceIds = services.stream().map(ServiceId::value).toArray(String[]::new);
    return transactions.read(
        handle ->
            BookingSql.activeBookings(
                handle, office.value(), keys, serviceIds, utc(from), utc(to)));
  }

  @Override
  public ImmutableList<Cancellation> cancellations(
      OfficeId office, Instant from, Instant to, Instant since) {
    checkNotNull(office, "office");
    return transactions.read(
        handle ->
            BookingSql.cancellations(handle, office.value(), utc(from), utc(to), utc(since))
                .stream()
                .map(
                    row ->
                        new Cancellation(
                            new AppointmentId(office, row.appointmentId()),
                            ResourceId.of(row.resourceId()),
                            row.startsAt().toInstant(),
                            row.endsAt().toInstant(),
                            row.cancelledAt().toInstant()))
                .collect(ImmutableList.toImmutableList()));
  }

  @Override
  public HoldPlacement placeHold(
      HoldClaim claim, Optional<IdempotencyRecord> idempotency, Instant now) {
    checkNotNull(idempotency, "idempotency");
    ClaimSql.HoldClaimRow row =
        new ClaimSql.HoldClaimRow(
            claim.id().office().value(),
            claim.id().uuid(),
            claim.candidates().stream().map(ResourceId::value).toArray(String[]::new),
            utc(claim.start()),
            utc(claim.end()),
            utc(claim.expiresAt()),
            claim.channel().name(),
            claim.services().stream()
                .map(service -> service.service().value())
                .toArray(String[]::new),
            claim.services().stream().map(BookedService::persons).toArray(Integer[]::new),
            idempotency.map(IdempotencyRecord::keyHash).orElse(null),
            idempotency.map(IdempotencyRecord::requestFingerprint).orElse(null),
            utc(now),
            claim.clientQuota().map(ClientQuota::clientKey).orElse(null),
            claim.clientQuota().map(ClientQuota::maxLiveHolds).orElse(null),
            claim.mode().name());
    ClaimSql.ClaimOutcome outcome =
        transactions.singleStatement(handle -> ClaimSql.claimHold(handle, row));
    HoldInsertion insertion = HoldInsertion.valueOf(outcome.outcome());
    return new HoldPlacement(
        insertion,
        insertion == HoldInsertion.INSERTED
            ? Optional.of(claim.on(ResourceId.of(outcome.resourceId())))
            : Optional.empty());
  }

  @Override
  public Optional<IdempotencyMatch> findByHoldKey(OfficeId office, byte[] keyHash) {
    return transactions.read(
        handle ->
            ClaimSql.byHoldKey(handle, office.value(), keyHash)
                .map(row -> AppointmentRows.match(office, row)));
  }

  @Override
  public Optional<Appointment> find(AppointmentId id) {
    return transactions.read(
        handle ->
            BookingSql.find(handle, id.office().value(), id.uuid())
                .map(AppointmentRows::appointment));
  }

  @Override
  public Optional<StoredBooking> findByReference(BookingReference reference) {
    return transactions.read(
        handle ->
            BookingSql.findByReference(handle, reference.value())
                .map(
                    row -> new StoredBooking(AppointmentRows.booking(row), row.manageTokenHash())));
  }

  @Override
  public ConfirmResult confirm(ConfirmClaim claim) {
    AppointmentId hold = claim.hold();
    Optional<IdempotencyRecord> idempotency = claim.idempotency();
    Optional<IdentityQuota> identityQuota = claim.identityQuota();
    Citizen citizen = claim.citizen();
    BookingEvent event = claim.event();
    ClaimSql.ConfirmationRow row =
        new ClaimSql.ConfirmationRow(
            hold.office().value(),
            hold.uuid(),
            claim.channels().stream().map(Enum::name).toArray(String[]::new),
            claim.reference().value(),
            claim.manageTokenHash(),
            citizen.name(),
            citizen.email().orElse(null),
            citizen.phone().orElse(null),
            idempotency.map(IdempotencyRecord::keyHash).orElse(null),
            idempotency.map(IdempotencyRecord::requestFingerprint).orElse(null),
            idempotency.map(IdempotencyRecord::retryPayload).orElse(null),
            utc(claim.now()),
            event.actor().kind(),
            event.actor().id(),
            event.note(),
            identityQuota
                .map(quota -> quota.identityKeys().toArray(String[]::new))
                .orElse(new String[0]),
            identityQuota.map(IdentityQuota::maxBookings).orElse(null),
            identityQuota.map(quota -> utc(quota.windowStart())).orElse(null),
            identityQuota.map(quota -> utc(quota.windowEnd())).orElse(null),
            claim.videoLink().map(VideoLink::text).orElse(null),
            citizen.note().orElse(null));
    ClaimSql.ConfirmOutcome outcome;
    try {
      outcome = transactions.singleStatement(handle -> ClaimSql.confirmHold(handle, row));
    } catch (JdbiException failure) {
      String constraint = Transactions.violatedConstraint(failure);
      if (CONFIRM_KEY_INDEX.equals(constraint)) {
        return new ConfirmResult(Confirmation.KEY_TAKEN, Optional.empty());
      }
      if (VIDEO_LINK_CHECKS.contains(constraint)) {
        throw new IllegalArgumentException(
            "a video hold is confirmed with a video link, any other hold without one", failure);
      }
      throw failure;
    }
    Confirmation confirmation = Confirmation.valueOf(outcome.outcome());
    if (confirmation != Confirmation.CONFIRMED) {
      return new ConfirmResult(confirmation, Optional.empty());
    }
    Booking booking =
        new Booking(
            hold,
            ResourceId.of(outcome.resourceId()),
            outcome.startsAt().toInstant(),
            outcome.endsAt().toInstant(),
            AppointmentRows.bookedServices(outcome.serviceIds(), outcome.persons()),
            Channel.valueOf(outcome.channel()),
            AppointmentStatus.CONFIRMED,
            AppointmentMode.valueOf(outcome.mode()),
            claim.reference(),
            citizen,
            claim.videoLink());
    return new ConfirmResult(Confirmation.CONFIRMED, Optional.of(booking));
  }

  @Override
  public Optional<IdempotencyMatch> findByConfirmKey(OfficeId office, byte[] keyHash) {
    return transactions.read(
        handle ->
            ClaimSql.byConfirmKey(handle, office.value(), keyHash)
                .map(row -> AppointmentRows.match(office, row)));
  }

  @Override
  public boolean changeStatus(
      AppointmentId booking, AppointmentStatus expected, BookingEvent event) {
    checkArgument(
        event.appointment().equals(booking) && event.from() == expected,
        "event must describe this change");
    return transactions.inTransaction(
        handle -> {
          if (BookingSql.changeStatus(
                  handle,
                  booking.office().value(),
                  booking.uuid(),
                  expected.name(),
                  event.to().name(),
                  utc(event.at()))
              == 0) {
            return false;
          }
          BookingSql.insertEvent(handle, AppointmentRows.eventRow(event));
          return true;
        });
  }

  @Override
  public Rescheduling reschedule(
      AppointmentId booking,
      AppointmentId hold,
      Instant now,
      BookingEvent event,
      OptionalInt maxReschedules) {
    checkArgument(booking.office().equals(hold.office()), "a booking moves only within its office");
    checkNotNull(maxReschedules, "maxReschedules");
    Integer limit = maxReschedules.isPresent() ? maxReschedules.getAsInt() : null;
    return transactions.inTransaction(
        handle -> {
          // Deleting the hold and moving the booking happen in one transaction: until it commits,
          // the hold's row keeps everybody else off that time.
          Optional<AppointmentRow> taken =
              BookingSql.takeLiveHold(handle, hold.office().value(), hold.uuid(), utc(now));
          if (taken.isEmpty()) {
            return Rescheduling.NOT_LIVE;
          }
          AppointmentRow newTime = taken.get();
          int moved =
              BookingSql.move(
                  handle, booking.office().value(), booking.uuid(), newTime, utc(now), limit);
          if (moved == 0) {
            // The UPDATE decided; this only reads why, before the hold comes back with the
            // rollback.
            Rescheduling why =
                BookingSql.rescheduleState(handle, booking.office().value(), booking.uuid())
                    .filter(state -> state.status().equals(AppointmentStatus.CONFIRMED.name()))
                    .filter(state -> limit != null && state.rescheduleCount() >= limit)
                    .map(state -> Rescheduling.LIMIT_REACHED)
                    .orElse(Rescheduling.NOT_LIVE);
            handle.rollback();
            return why;
          }
          BookingSql.insertEvent(handle, AppointmentRows.eventRow(event));
          return Rescheduling.MOVED;
        });
  }

  @Override
  public ImmutableList<BookingEvent> history(AppointmentId booking) {
    return transactions.read(
        handle ->
            BookingSql.history(handle, booking.office().value(), booking.uuid()).stream()
                .map(AppointmentRows::event)
                .collect(ImmutableList.toImmutableList()));
  }

  @Override
  public int deleteExpiredHolds(OfficeId office, Instant now, int limit) {
    checkArgument(limit > 0, "limit must be positive");
    return transactions.inTransaction(
        handle -> ClaimSql.deleteExpiredHolds(handle, office.value(), utc(now), limit));
  }

  @Override
  public boolean erase(AppointmentId booking, AppointmentStatus expected, BookingEvent event) {
    checkArgument(
        event.appointment().equals(booking) && event.from() == expected,
        "event must describe this erasure");
    checkArgument(
        event.to() == expected || event.to() == AppointmentStatus.CANCELLED,
        "an erasure keeps the status or cancels");
    return transactions.singleStatement(
            handle ->
                PrivacySql.erase(
                    handle,
                    booking.office().value(),
                    booking.uuid(),
                    expected.name(),
                    event.to().name(),
                    utc(event.at()),
                    event.actor().kind(),
                    event.actor().id(),
                    event.note()))
        == 1;
  }

  @Override
  public int eraseFinished(OfficeId office, Instant finishedBy, Instant now, int limit) {
    checkNotNull(office, "office");
    checkArgument(limit > 0, "limit must be positive");
    return transactions.singleStatement(
        handle ->
            PrivacySql.eraseFinished(
                handle,
                office.value(),
                utc(finishedBy),
                utc(now),
                limit,
                BookingEvent.ERASURE_NOTE));
  }

  @Override
  public Optional<Pseudonyms> pseudonyms(AppointmentId booking) {
    return transactions
        .read(handle -> PrivacySql.pseudonyms(handle, booking.office().value(), booking.uuid()))
        .map(row -> new Pseudonyms(row.identityKeys(), row.clientKey(), row.idempotencyKey()));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
