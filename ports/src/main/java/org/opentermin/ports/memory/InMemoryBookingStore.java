package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.Cancellation;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;

/**
 * {@link BookingStore} in memory. One lock serializes every method, which makes the
 * no-double-booking check and the insert one atomic step, and each erasure one step. Every change
 * is recorded, under the same lock, in its {@link #auditLog()}.
 */
public final class InMemoryBookingStore implements BookingStore {

  private final Map<AppointmentId, BookingRow> rows = new LinkedHashMap<>();
  private final Map<BookingReference, AppointmentId> references = new HashMap<>();
  private final Map<AppointmentId, List<BookingEvent>> history = new HashMap<>();
  private final InMemoryAuditLog auditLog;
  private final InMemoryBookingReads reads;
  private final InMemoryErasure erasure;

  /** A store that records its changes in an audit log of its own. */
  public InMemoryBookingStore() {
    this(new InMemoryAuditLog());
  }

  /** A store that records its changes in {@code auditLog}, which others may append to too. */
  public InMemoryBookingStore(InMemoryAuditLog auditLog) {
    this.auditLog = checkNotNull(auditLog, "auditLog");
    this.reads = new InMemoryBookingReads(rows);
    this.erasure = new InMemoryErasure(rows, references, history, auditLog);
  }

  /** The audit log this store records its changes in. */
  public InMemoryAuditLog auditLog() {
    return auditLog;
  }

  @Override
  public synchronized ImmutableList<BusyPeriod> busyPeriods(
      OfficeId office, Instant from, Instant to) {
    return reads.busyPeriods(office, from, to);
  }

  @Override
  public synchronized ImmutableList<Appointment> bookings(
      OfficeId office, Instant from, Instant to) {
    return reads.bookings(office, from, to);
  }

  @Override
  public synchronized ImmutableList<Cancellation> cancellations(
      OfficeId office, Instant from, Instant to, Instant since) {
    return reads.cancellations(office, from, to, since);
  }

  @Override
  public synchronized HoldPlacement placeHold(
      HoldClaim claim, Optional<IdempotencyRecord> idempotency, Instant now) {
    checkArgument(!rows.containsKey(claim.id()), "appointment %s exists", claim.id());
    if (idempotency.isPresent()
        && reads
            .findByKey(claim.id().office(), idempotency.get().keyHash(), BookingRow::holdKey)
            .isPresent()) {
      return new HoldPlacement(HoldInsertion.KEY_TAKEN, Optional.empty());
    }
    if (claim.clientQuota().isPresent()) {
      ClientQuota quota = claim.clientQuota().get();
      if (reads.liveHolds(quota, claim.id().office(), now) >= quota.maxLiveHolds()) {
        return new HoldPlacement(HoldInsertion.CLIENT_LIMIT, Optional.empty());
      }
    }
    for (ResourceId candidate : claim.candidates()) {
      Hold hold = claim.on(candidate);
      if (claimable(hold, now)) {
        rows.put(
            hold.id(),
            BookingRow.hold(hold, idempotency, claim.clientQuota().map(ClientQuota::clientKey)));
        return new HoldPlacement(HoldInsertion.INSERTED, Optional.of(hold));
      }
    }
    return new HoldPlacement(HoldInsertion.TIME_TAKEN, Optional.empty());
  }

  /** Whether the hold's time is free on its resource; deletes expired holds in the way. */
  private boolean claimable(Appointment hold, Instant now) {
    Iterator<BookingRow> all = rows.values().iterator();
    boolean free = true;
    while (all.hasNext()) {
      BookingRow row = all.next();
      Appointment other = row.appointment();
      boolean overlaps =
          other.office().equals(hold.office())
              && other.resource().equals(hold.resource())
              && other.start().isBefore(hold.end())
              && other.end().isAfter(hold.start());
      if (overlaps && other.status() == AppointmentStatus.HELD && !other.isLiveHoldAt(now)) {
        all.remove();
      } else if (overlaps && row.occupiesAt(now)) {
        free = false;
      }
    }
    return free;
  }

  @Override
  public synchronized Optional<IdempotencyMatch> findByHoldKey(OfficeId office, byte[] keyHash) {
    return reads.findByKey(office, keyHash, BookingRow::holdKey);
  }

  @Override
  public synchronized Optional<Appointment> find(AppointmentId id) {
    return Optional.ofNullable(rows.get(id)).map(BookingRow::appointment);
  }

  @Override
  public synchronized Optional<StoredBooking> findByReference(BookingReference reference) {
    return Optional.ofNullable(references.get(reference))
        .map(rows::get)
        .filter(row -> row.appointment() instanceof Booking)
        .map(
            row ->
                new StoredBooking(
                    (Booking) row.appointment(), row.manageTokenHash().orElseThrow()));
  }

  @Override
  public synchronized ConfirmResult confirm(ConfirmClaim claim) {
    AppointmentId hold = claim.hold();
    Instant now = claim.now();
    Optional<IdempotencyRecord> idempotency = claim.idempotency();
    Optional<IdentityQuota> identityQuota = claim.identityQuota();
    Optional<VideoLink> videoLink = claim.videoLink();
    BookingRow row = rows.get(hold);
    if (row == null
        || !(row.appointment() instanceof Hold held)
        || !held.isLiveHoldAt(now)
        || !claim.channels().contains(held.channel())) {
      return new ConfirmResult(Confirmation.NOT_LIVE, Optional.empty());
    }
    checkArgument(
        (row.appointment().mode() == AppointmentMode.VIDEO) == videoLink.isPresent(),
        "a video hold is confirmed with a video link, any other hold without one");
    BookingReference reference = claim.reference();
    if (references.containsKey(reference)) {
      return new ConfirmResult(Confirmation.REFERENCE_TAKEN, Optional.empty());
    }
    if (idempotency.isPresent()
        && reads
            .findByKey(hold.office(), idempotency.get().keyHash(), BookingRow::confirmKey)
            .isPresent()) {
      return new ConfirmResult(Confirmation.KEY_TAKEN, Optional.empty());
    }
    if (identityQuota.isPresent()
        && reads.identityQuotaUsedUp(row.appointment(), identityQuota.get())) {
      return new ConfirmResult(Confirmation.IDENTITY_LIMIT, Optional.empty());
    }
    Booking booking = held.confirmed(reference, claim.citizen(), videoLink);
    ImmutableSet<String> identityKeys =
        identityQuota.map(IdentityQuota::identityKeys).orElse(ImmutableSet.of());
    rows.put(
        hold,
        new BookingRow(
            booking,
            Optional.of(claim.manageTokenHash()),
            row.holdKey(),
            idempotency,
            row.clientKey(),
            identityKeys,
            0,
            Optional.empty()));
    references.put(reference, hold);
    record(claim.event());
    return new ConfirmResult(Confirmation.CONFIRMED, Optional.of(booking));
  }

  @Override
  public synchronized Optional<IdempotencyMatch> findByConfirmKey(OfficeId office, byte[] keyHash) {
    return reads.findByKey(office, keyHash, BookingRow::confirmKey);
  }

  @Override
  public synchronized boolean changeStatus(
      AppointmentId booking, AppointmentStatus expected, BookingEvent event) {
    checkArgument(
        event.appointment().equals(booking) && event.from() == expected,
        "event must describe this change");
    BookingRow row = rows.get(booking);
    if (row == null
        || row.appointment().status() != expected
        || !(row.appointment() instanceof Booking current)) {
      return false;
    }
    BookingRow changed = row.with(current.withStatus(event.to()));
    if (event.to() == AppointmentStatus.CANCELLED) {
      changed =
          new BookingRow(
              changed.appointment(),
              changed.manageTokenHash(),
              changed.holdKey(),
              changed.confirmKey(),
              changed.clientKey(),
              changed.identityKeys(),
              changed.reschedules(),
              Optional.of(event.at()));
    }
    rows.put(booking, changed);
    record(event);
    return true;
  }

  @Override
  public synchronized int activeBookings(
      OfficeId office,
      Set<String> identityKeys,
      Set<ServiceId> services,
      Instant from,
      Instant to) {
    return reads.activeBookings(office, identityKeys, services, from, to);
  }

  @Override
  public synchronized Rescheduling reschedule(
      AppointmentId booking,
      AppointmentId hold,
      Instant now,
      BookingEvent event,
      OptionalInt maxReschedules) {
    checkArgument(booking.office().equals(hold.office()), "a booking moves only within its office");
    BookingRow bookingRow = rows.get(booking);
    BookingRow holdRow = rows.get(hold);
    if (bookingRow == null
        || bookingRow.appointment().status() != AppointmentStatus.CONFIRMED
        || !(bookingRow.appointment() instanceof Booking current)
        || holdRow == null
        || !(holdRow.appointment() instanceof Hold newHold)
        || !newHold.isLiveHoldAt(now)
        || newHold.mode() != current.mode()) {
      return Rescheduling.NOT_LIVE;
    }
    if (maxReschedules.isPresent() && bookingRow.reschedules() >= maxReschedules.getAsInt()) {
      return Rescheduling.LIMIT_REACHED;
    }
    rows.remove(hold);
    Booking moved = current.movedTo(newHold);
    rows.put(
        booking,
        new BookingRow(
            moved,
            bookingRow.manageTokenHash(),
            bookingRow.holdKey(),
            bookingRow.confirmKey(),
            bookingRow.clientKey(),
            bookingRow.identityKeys(),
            bookingRow.reschedules() + 1,
            bookingRow.cancelledAt()));
    record(event);
    return Rescheduling.MOVED;
  }

  @Override
  public synchronized ImmutableList<BookingEvent> history(AppointmentId booking) {
    return ImmutableList.copyOf(history.getOrDefault(booking, List.of()));
  }

  @Override
  public synchronized int deleteExpiredHolds(OfficeId office, Instant now, int limit) {
    checkArgument(limit > 0, "limit must be positive");
    List<AppointmentId> expired =
        rows.values().stream()
            .map(BookingRow::appointment)
            .filter(appointment -> appointment.office().equals(office))
            .filter(appointment -> appointment instanceof Hold && !appointment.isLiveHoldAt(now))
            .map(Hold.class::cast)
            .sorted(Comparator.comparing(Hold::expiresAt))
            .limit(limit)
            .map(Hold::id)
            .toList();
    expired.forEach(rows::remove);
    return expired.size();
  }

  @Override
  public synchronized boolean erase(
      AppointmentId booking, AppointmentStatus expected, BookingEvent event) {
    return erasure.erase(booking, expected, event);
  }

  @Override
  public synchronized int eraseFinished(
      OfficeId office, Instant finishedBy, Instant now, int limit) {
    return erasure.eraseFinished(office, finishedBy, now, limit);
  }

  @Override
  public synchronized Optional<Pseudonyms> pseudonyms(AppointmentId booking) {
    return reads.pseudonyms(booking);
  }

  /**
   * Deletes the hold if it is still a hold, live or not (never a booking), so that its time is free
   * at once; returns whether it was. For the in-memory waiting list, which releases declined offers
   * through it.
   */
  public synchronized boolean deleteHold(AppointmentId hold) {
    checkNotNull(hold, "hold");
    BookingRow row = rows.get(hold);
    if (row == null || !(row.appointment() instanceof Hold)) {
      return false;
    }
    rows.remove(hold);
    return true;
  }

  private void record(BookingEvent event) {
    history.computeIfAbsent(event.appointment(), id -> new ArrayList<>()).add(event);
    Optional<BookingReference> reference =
        Optional.ofNullable(rows.get(event.appointment()))
            .map(BookingRow::appointment)
            .filter(Booking.class::isInstance)
            .map(appointment -> ((Booking) appointment).reference());
    auditLog.append(AuditEntry.ofChange(event, reference));
  }
}
