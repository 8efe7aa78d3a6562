package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.Cancellation;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;

/**
 * {@link BookingStore} in memory. One lock serializes every method, which makes the
 * no-double-booking check and the insert one atomic step, and each erasure one step. Every
 * change is recorded, under the same lock, in its {@link #auditLog()}.
 */
public final class InMemoryBookingStore implements BookingStore {

  private final Map<AppointmentId, BookingRow> rows = new LinkedHashMap<>();
  private final Map<BookingReference, AppointmentId> references = new HashMap<>();
  private final Map<AppointmentId, List<BookingEvent>> history = new HashMap<>();
  private final InMemoryAuditLog auditLog;

  /** A store that records its changes in an audit log of its own. */
  public InMemoryBookingStore() {
    this(new InMemoryAuditLog());
  }

  /** A store that records its changes in {@code auditLog}, which others may append to too. */
  public InMemoryBookingStore(InMemoryAuditLog auditLog) {
    this.auditLog = checkNotNull(auditLog, "auditLog");
  }

  /** The audit log this store records its changes in. */
  public InMemoryAuditLog auditLog() {
    return auditLog;
  }

  @Override
  public synchronized ImmutableList<BusyPeriod> busyPeriods(OfficeId office, Instant from, Instant to) {
    return rows.values().stream()
        .map(BookingRow::appointment)
        .filter(appointment -> appointment.office().equals(office) && appointment.status().occupiesTime())
        .filter(appointment -> appointment.start().isBefore(to) && appointment.end().isAfter(from))
        .map(appointment -> new BusyPeriod(appointment.resource(), appointment.start(), appointment.end(), expiryOf(appointment)))
        .collect(ImmutableList.toImmutableList());
  }

  /** When a hold stops counting; a booking counts until its status says otherwise. */
  private static Instant expiryOf(Appointment appointment) {
    return appointment instanceof Hold hold ? hold.expiresAt() : Instant.MAX;
  }

  @Override
  public synchronized ImmutableList<Appointment> bookings(OfficeId office, Instant from, Instant to) {
    return rows.values().stream()
        .map(BookingRow::appointment)
        .filter(appointment -> appointment.office().equals(office) && appointment.status().isBooking())
        .filter(appointment -> !appointment.start().isBefore(from) && appointment.start().isBefore(to))
        .sorted(Comparator.comparing(Appointment::start)
            .thenComparing(Appointment::resource)
            .thenComparing(appointment -> appointment.id().toString()))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized ImmutableList<Cancellation> cancellations(OfficeId office, Instant from, Instant to, Instant since) {
    return rows.values().stream()
        .filter(row -> row.cancelledAt().isPresent() && !row.cancelledAt().get().isBefore(since))
        .filter(row -> row.appointment().office().equals(office))
        .filter(row -> row.appointment().start().isBefore(to) && row.appointment().end().isAfter(from))
        .map(row -> {
          Appointment booking = row.appointment();
          return new Cancellation(booking.id(), booking.resource(), booking.start(), booking.end(), row.cancelledAt().get());
        })
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized HoldPlacement placeHold(HoldClaim claim, Optional<IdempotencyRecord> idempotency, Instant now) {
    checkArgument(!rows.containsKey(claim.id()), "appointment %s exists", claim.id());
    if (idempotency.isPresent() && findByKey(claim.id().office(), idempotency.get().keyHash(), BookingRow::holdKey).isPresent()) {
      return new HoldPlacement(HoldInsertion.KEY_TAKEN, Optional.empty());
    }
    if (claim.clientQuota().isPresent()) {
      ClientQuota quota = claim.clientQuota().get();
      long live = rows.values().stream()
          .filter(row -> row.clientKey().filter(quota.clientKey()::equals).isPresent())
          .filter(row -> row.appointment().office().equals(claim.id().office()) && row.appointment().isLiveHoldAt(now))
          .count();
      if (live >= quota.maxLiveHolds()) {
        return new HoldPlacement(HoldInsertion.CLIENT_LIMIT, Optional.empty());
      }
    }
    for (ResourceId candidate : claim.candidates()) {
      Hold hold = claim.on(candidate);
      if (claimable(hold, now)) {
        rows.put(hold.id(), BookingRow.hold(hold, idempotency, claim.clientQuota().map(ClientQuota::clientKey)));
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
    return findByKey(office, keyHash, BookingRow::holdKey);
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
        .map(row -> new StoredBooking((Booking) row.appointment(), row.manageTokenHash().orElseThrow()));
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
    checkArgument((row.appointment().mode() == AppointmentMode.VIDEO) == videoLink.isPresent(),
        "a video hold is confirmed with a video link, any other hold without one");
    BookingReference reference = claim.reference();
    if (references.containsKey(reference)) {
      return new ConfirmResult(Confirmation.REFERENCE_TAKEN, Optional.empty());
    }
    if (idempotency.isPresent() && findByKey(hold.office(), idempotency.get().keyHash(), BookingRow::confirmKey).isPresent()) {
      return new ConfirmResult(Confirmation.KEY_TAKEN, Optional.empty());
    }
    if (identityQuota.isPresent() && identityQuotaUsedUp(row.appointment(), identityQuota.get())) {
      return new ConfirmResult(Confirmation.IDENTITY_LIMIT, Optional.empty());
    }
    Booking booking = held.confirmed(reference, claim.citizen(), videoLink);
    ImmutableSet<String> identityKeys = identityQuota.map(IdentityQuota::identityKeys).orElse(ImmutableSet.of());
    rows.put(hold, new BookingRow(
        booking, Optional.of(claim.manageTokenHash()), row.holdKey(), idempotency, row.clientKey(), identityKeys, 0, Optional.empty()));
    references.put(reference, hold);
    record(claim.event());
    return new ConfirmResult(Confirmation.CONFIRMED, Optional.of(booking));
  }

  @Override
  public synchronized Optional<IdempotencyMatch> findByConfirmKey(OfficeId office, byte[] keyHash) {
    return findByKey(office, keyHash, BookingRow::confirmKey);
  }

  @Override
  public synchronized boolean changeStatus(AppointmentId booking, AppointmentStatus expected, BookingEvent event) {
    checkArgument(event.appointment().equals(booking) && event.from() == expected, "event must describe this change");
    BookingRow row = rows.get(booking);
    if (row == null || row.appointment().status() != expected || !(row.appointment() instanceof Booking current)) {
      return false;
    }
    BookingRow changed = row.with(current.withStatus(event.to()));
    if (event.to() == AppointmentStatus.CANCELLED) {
      changed = new BookingRow(changed.appointment(), changed.manageTokenHash(), changed.holdKey(), changed.confirmKey(),
          changed.clientKey(), changed.identityKeys(), changed.reschedules(), Optional.of(event.at()));
    }
    rows.put(booking, changed);
    record(event);
    return true;
  }

  private boolean identityQuotaUsedUp(Appointment hold, IdentityQuota quota) {
    Set<ServiceId> services =
        hold.services().stream().map(BookedService::service).collect(ImmutableSet.toImmutableSet());
    return activeBookings(hold.office(), quota.identityKeys(), services, quota.windowStart(), quota.windowEnd()) >= quota.maxBookings();
  }

  @Override
  public synchronized int activeBookings(
      OfficeId office, Set<String> identityKeys, Set<ServiceId> services, Instant from, Instant to) {
    return (int) rows.values().stream()
        .filter(row -> row.appointment().office().equals(office))
        .filter(row -> row.appointment().status() == AppointmentStatus.CONFIRMED || row.appointment().status() == AppointmentStatus.CHECKED_IN)
        .filter(row -> !Collections.disjoint(row.identityKeys(), identityKeys))
        .filter(row -> row.appointment().services().stream().anyMatch(booked -> services.contains(booked.service())))
        .filter(row -> !row.appointment().start().isBefore(from) && row.appointment().start().isBefore(to))
        .count();
  }

  @Override
  public synchronized Rescheduling reschedule(
      AppointmentId booking, AppointmentId hold, Instant now, BookingEvent event, OptionalInt maxReschedules) {
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
    rows.put(booking, new BookingRow(moved, bookingRow.manageTokenHash(), bookingRow.holdKey(), bookingRow.confirmKey(),
        bookingRow.clientKey(), bookingRow.identityKeys(), bookingRow.reschedules() + 1, bookingRow.cancelledAt()));
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
  public synchronized boolean erase(AppointmentId booking, AppointmentStatus expected, BookingEvent event) {
    checkArgument(event.appointment().equals(booking) && event.from() == expected, "event must describe this erasure");
    checkArgument(event.to() == expected || event.to() == AppointmentStatus.CANCELLED, "an erasure keeps the status or cancels");
    BookingRow row = rows.get(booking);
    if (row == null || row.appointment().status() != expected || !(row.appointment() instanceof Booking kept)) {
      return false;
    }
    eraseRow(row, kept, event);
    return true;
  }

  @Override
  public synchronized int eraseFinished(OfficeId office, Instant finishedBy, Instant now, int limit) {
    checkNotNull(office, "office");
    checkNotNull(finishedBy, "finishedBy");
    checkArgument(limit > 0, "limit must be positive");
    List<BookingRow> due = rows.values().stream()
        .filter(row -> row.appointment().office().equals(office))
        .filter(row -> row.appointment() instanceof Booking)
        .filter(row -> !row.appointment().end().isAfter(finishedBy)
            || row.cancelledAt().filter(cancelled -> !cancelled.isAfter(finishedBy)).isPresent())
        .sorted(Comparator.comparing((BookingRow row) -> row.appointment().end()))
        .limit(limit)
        .toList();
    for (BookingRow row : due) {
      AppointmentStatus status = row.appointment().status();
      eraseRow(row, (Booking) row.appointment(), new BookingEvent(row.appointment().id(), now, Actor.SYSTEM, status, status, BookingEvent.ERASURE_NOTE));
    }
    return due.size();
  }

  /** Keeps what statistics need, forgets everything personal, empties the earlier notes, records the event. */
  private void eraseRow(BookingRow row, Booking booking, BookingEvent event) {
    boolean cancels = event.to() == AppointmentStatus.CANCELLED && booking.status() != AppointmentStatus.CANCELLED;
    references.remove(booking.reference());
    rows.put(booking.id(), new BookingRow(
        booking.withStatus(event.to()).erased(event.at()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        ImmutableSet.of(), row.reschedules(), cancels ? Optional.of(event.at()) : row.cancelledAt()));
    List<BookingEvent> events = history.getOrDefault(booking.id(), List.of()).stream()
        .map(earlier -> new BookingEvent(earlier.appointment(), earlier.at(), earlier.actor(), earlier.from(), earlier.to(), ""))
        .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    events.add(event);
    history.put(booking.id(), events);
    auditLog.append(AuditEntry.ofErasure(event));
  }

  @Override
  public synchronized Optional<Pseudonyms> pseudonyms(AppointmentId booking) {
    return Optional.ofNullable(rows.get(checkNotNull(booking, "booking")))
        .filter(row -> row.appointment() instanceof Booking)
        .map(row -> new Pseudonyms(
            !row.identityKeys().isEmpty(), row.clientKey().isPresent(), row.holdKey().isPresent() || row.confirmKey().isPresent()));
  }

  /**
   * Deletes the hold if it is still a hold, live or not (never a booking), so that its time is
   * free at once; returns whether it was. For the in-memory waiting list, which releases declined
   * offers through it.
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
    Optional<BookingReference> reference = Optional.ofNullable(rows.get(event.appointment()))
        .map(BookingRow::appointment)
        .filter(Booking.class::isInstance)
        .map(appointment -> ((Booking) appointment).reference());
    auditLog.append(AuditEntry.ofChange(event, reference));
  }

  private Optional<IdempotencyMatch> findByKey(
      OfficeId office, byte[] keyHash, java.util.function.Function<BookingRow, Optional<IdempotencyRecord>> key) {
    checkNotNull(keyHash, "keyHash");
    ByteBuffer wanted = ByteBuffer.wrap(keyHash);
    return rows.values().stream()
        .filter(row -> row.appointment().office().equals(office))
        .filter(row -> key.apply(row).map(record -> ByteBuffer.wrap(record.keyHash()).equals(wanted)).orElse(false))
        .findFirst()
        .map(row -> {
          IdempotencyRecord record = key.apply(row).orElseThrow();
          return new IdempotencyMatch(row.appointment().id(), record.requestFingerprint(), record.retryPayload());
        });
  }
}
