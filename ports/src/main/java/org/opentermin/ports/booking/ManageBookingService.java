package org.opentermin.ports.booking;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.BookingRules;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ManageBooking;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.StoredBooking;

/**
 * A booking after its confirmation: reading it and its history, status changes and moving it to a
 * new hold. Staff reach the bookings of their own offices only, others are answered as unknown;
 * every read of personal data by staff is appended to the {@link AuditLog} before the data is
 * returned. Changes are recorded by the store with the change itself. Thread-safe.
 */
final class ManageBookingService implements ManageBooking {

  private final BookingStore bookings;
  private final AuditLog audit;
  private final CompiledOffices offices;
  private final Clock clock;

  ManageBookingService(
      BookingStore bookings, AuditLog audit, CompiledOffices offices, Clock clock) {
    this.bookings = bookings;
    this.audit = audit;
    this.offices = offices;
    this.clock = clock;
  }

  @Override
  public Optional<Booking> find(BookingReference reference, BookingAccess access) {
    Optional<Booking> booking = accessible(reference, access);
    booking.ifPresent(found -> auditRead(access, AuditAction.VIEWED_BOOKING, found));
    return booking;
  }

  @Override
  public ImmutableList<BookingEvent> history(BookingReference reference, BookingAccess access) {
    Optional<Booking> booking = accessible(reference, access);
    booking.ifPresent(found -> auditRead(access, AuditAction.VIEWED_HISTORY, found));
    return booking.map(found -> bookings.history(found.id())).orElseGet(ImmutableList::of);
  }

  /** Staff reads are recorded; the citizen reading their own booking with its token is not. */
  private void auditRead(BookingAccess access, AuditAction action, Appointment booking) {
    if (access instanceof BookingAccess.ByStaff) {
      audit.append(
          AuditEntry.readBooking(BookingChecks.now(clock), access.actor(), action, booking));
    }
  }

  @Override
  public ChangeResult cancel(BookingReference reference, BookingAccess access, String reason) {
    checkNotNull(reason, "reason");
    return change(
        reference,
        access,
        AppointmentStatus.CANCELLED,
        reason,
        (booking, now, zone) -> BookingRules.cancel(booking, access.actor(), now));
  }

  @Override
  public ChangeResult checkIn(BookingReference reference, BookingAccess access) {
    return change(
        reference,
        access,
        AppointmentStatus.CHECKED_IN,
        "",
        (booking, now, zone) -> BookingRules.checkIn(booking, access.actor(), now, zone));
  }

  @Override
  public ChangeResult complete(BookingReference reference, BookingAccess access) {
    return change(
        reference,
        access,
        AppointmentStatus.COMPLETED,
        "",
        (booking, now, zone) -> BookingRules.complete(booking, access.actor(), now, zone));
  }

  @Override
  public ChangeResult markNoShow(BookingReference reference, BookingAccess access) {
    return change(
        reference,
        access,
        AppointmentStatus.NO_SHOW,
        "",
        (booking, now, zone) -> BookingRules.markNoShow(booking, access.actor(), now));
  }

  @Override
  public ChangeResult reschedule(
      BookingReference reference, BookingAccess access, AppointmentId newHold) {
    Optional<Booking> found = accessible(reference, access);
    if (found.isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown booking");
    }
    Booking booking = found.get();
    Optional<Appointment> foundHold =
        bookings.find(newHold).filter(held -> held.office().equals(booking.office()));
    if (foundHold.isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown hold");
    }
    Appointment hold = foundHold.get();
    Optional<Refused> wrongChannel = BookingChecks.checkChannel(hold.channel(), access.actor());
    if (wrongChannel.isPresent()) {
      return wrongChannel.get();
    }
    Instant now = BookingChecks.now(clock);
    Optional<RefusalReason> refusal = BookingRules.reschedule(booking, hold, access.actor(), now);
    if (refusal.equals(Optional.of(RefusalReason.MODE_MISMATCH))) {
      return new Refused(
          RefusalReason.MODE_MISMATCH,
          "this is a "
              + booking.mode()
              + " appointment; hold a new time for "
              + booking.mode()
              + " to move it");
    }
    if (refusal.isPresent()) {
      return new Refused(refusal.get(), "the booking cannot be moved");
    }
    BookingEvent event =
        new BookingEvent(
            booking.id(),
            now,
            access.actor(),
            booking.status(),
            booking.status(),
            "moved from " + booking.start() + " to " + hold.start());
    OptionalInt limit = OptionalInt.empty();
    if (access.actor() instanceof Actor.Citizen) {
      limit =
          offices
              .get(booking.office())
              .flatMap(
                  compiled ->
                      compiled
                          .policies()
                          .forServices(BookingChecks.serviceIds(booking))
                          .rescheduleLimit())
              .map(rule -> OptionalInt.of(rule.maxReschedules()))
              .orElse(OptionalInt.empty());
    }
    switch (bookings.reschedule(booking.id(), hold.id(), now, event, limit)) {
      case MOVED:
        // The store moved it only to a live hold, so the hold is still one.
        return new ChangeResult.Changed(booking.movedTo((Hold) hold));
      case LIMIT_REACHED:
        return new Refused(
            RefusalReason.RESCHEDULE_LIMIT,
            "this booking was moved "
                + limit.getAsInt()
                + " times, as often as this office allows; cancel it and book anew");
      case NOT_LIVE:
        break;
    }
    return new Refused(
        RefusalReason.HOLD_EXPIRED, "the booking or the hold changed meanwhile; nothing was moved");
  }

  /** A business rule of a status change, given the booking, the instant and the office's zone. */
  @FunctionalInterface
  private interface ChangeRule {
    Optional<RefusalReason> check(Appointment booking, Instant now, ZoneId zone);
  }

  private ChangeResult change(
      BookingReference reference,
      BookingAccess access,
      AppointmentStatus target,
      String note,
      ChangeRule rule) {
    Optional<Booking> found = accessible(reference, access);
    if (found.isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown booking");
    }
    Booking booking = found.get();
    Optional<ZoneId> zone = offices.get(booking.office()).map(compiled -> compiled.office().zone());
    if (zone.isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown office");
    }
    Instant now = BookingChecks.now(clock);
    Optional<RefusalReason> refusal = rule.check(booking, now, zone.get());
    if (refusal.isPresent()) {
      return new Refused(refusal.get(), "the booking cannot change to " + target);
    }
    String boundedNote =
        note.length() > BookingEvent.MAXIMUM_NOTE_LENGTH
            ? note.substring(0, BookingEvent.MAXIMUM_NOTE_LENGTH)
            : note;
    BookingEvent event =
        new BookingEvent(booking.id(), now, access.actor(), booking.status(), target, boundedNote);
    if (!bookings.changeStatus(booking.id(), booking.status(), event)) {
      return new Refused(
          RefusalReason.ILLEGAL_TRANSITION, "the booking changed meanwhile; try again");
    }
    return new ChangeResult.Changed(booking.withStatus(target));
  }

  private Optional<Booking> accessible(BookingReference reference, BookingAccess access) {
    checkNotNull(reference, "reference");
    checkNotNull(access, "access");
    Optional<StoredBooking> stored =
        bookings
            .findByReference(reference)
            .filter(found -> access.mayReach(found.booking().office()));
    if (access instanceof BookingAccess.ByToken byToken) {
      // A wrong token looks exactly like an unknown reference.
      stored =
          stored.filter(
              found -> Secrets.tokenMatches(byToken.manageToken(), found.manageTokenHash()));
    }
    return stored.map(StoredBooking::booking);
  }
}
