package org.opentermin.core.audit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.catalog.OfficeId;

/**
 * One line of the audit log: at {@code at}, {@code actor} did {@code action} at {@code office}, to
 * one booking ({@code appointment} and its {@code reference}) if the action concerns one.
 *
 * <p>The entry holds no personal data, so that the log can be kept longer than the bookings it
 * points to and shown to office administrators: the actor is a token id (or the citizen or the
 * system as such), the booking is named by ids, and {@code detail} says what else matters in ids,
 * dates and statuses only, never in free text a person typed. Immutable.
 */
public record AuditEntry(
    Instant at,
    Actor actor,
    AuditAction action,
    OfficeId office,
    Optional<AppointmentId> appointment,
    Optional<BookingReference> reference,
    String detail) {

  /** The longest {@link #detail}. */
  public static final int MAXIMUM_DETAIL_LENGTH = 200;

  public AuditEntry {
    checkNotNull(at, "at");
    checkNotNull(actor, "actor");
    checkNotNull(action, "action");
    checkNotNull(office, "office");
    checkNotNull(appointment, "appointment");
    checkNotNull(reference, "reference");
    checkNotNull(detail, "detail");
    checkArgument(
        detail.length() <= MAXIMUM_DETAIL_LENGTH,
        "detail is limited to %s characters",
        MAXIMUM_DETAIL_LENGTH);
    checkArgument(
        action.concernsOneBooking() == appointment.isPresent(),
        "%s entries name a booking exactly when the action concerns one",
        action);
    checkArgument(
        appointment.isPresent() || reference.isEmpty(), "a reference needs its appointment");
    appointment.ifPresent(
        id ->
            checkArgument(
                id.office().equals(office), "appointment %s is not at office %s", id, office));
  }

  /**
   * What a recorded change of a booking stands for in the audit log; never the event's note, which
   * people type.
   */
  public static AuditEntry ofChange(BookingEvent event, Optional<BookingReference> reference) {
    checkNotNull(event, "event");
    return new AuditEntry(
        event.at(),
        event.actor(),
        AuditAction.forChange(event.from(), event.to()),
        event.appointment().office(),
        Optional.of(event.appointment()),
        reference,
        event.from() + " -> " + event.to());
  }

  /**
   * The erasure of a booking's personal data, recorded by {@code event}: the reference is gone with
   * the data, the statuses say whether the erasure cancelled the booking.
   */
  public static AuditEntry ofErasure(BookingEvent event) {
    checkNotNull(event, "event");
    return new AuditEntry(
        event.at(),
        event.actor(),
        AuditAction.ERASED,
        event.appointment().office(),
        Optional.of(event.appointment()),
        Optional.empty(),
        event.from() + " -> " + event.to());
  }

  /** {@code actor} read {@code booking} (the booking itself or its history). */
  public static AuditEntry readBooking(
      Instant at, Actor actor, AuditAction action, Appointment booking) {
    checkNotNull(booking, "booking");
    checkArgument(
        action.isRead() && action.concernsOneBooking(), "%s is not a read of one booking", action);
    return new AuditEntry(
        at, actor, action, booking.office(), Optional.of(booking.id()), referenceOf(booking), "");
  }

  private static Optional<BookingReference> referenceOf(Appointment appointment) {
    return appointment instanceof Booking booking
        ? Optional.of(booking.reference())
        : Optional.empty();
  }

  /** {@code actor} listed the bookings of {@code office} on {@code date}. */
  public static AuditEntry readDay(Instant at, Actor actor, OfficeId office, LocalDate date) {
    checkNotNull(date, "date");
    return new AuditEntry(
        at,
        actor,
        AuditAction.VIEWED_DAY,
        office,
        Optional.empty(),
        Optional.empty(),
        date.toString());
  }

  /**
   * An entry about the office as a whole, e.g. a configuration change described by {@code detail}.
   */
  public static AuditEntry ofOffice(
      Instant at, Actor actor, AuditAction action, OfficeId office, String detail) {
    return new AuditEntry(at, actor, action, office, Optional.empty(), Optional.empty(), detail);
  }
}
