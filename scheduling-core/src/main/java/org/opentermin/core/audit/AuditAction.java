package org.opentermin.core.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.booking.AppointmentStatus;

/**
 * What an audit entry records: a read of personal data by staff, a change of a booking, or a change
 * of an office's configuration.
 */
public enum AuditAction {
  /** Staff listed an office's bookings of one day. */
  VIEWED_DAY(Scope.OFFICE),
  /** Staff looked at one booking. */
  VIEWED_BOOKING(Scope.BOOKING),
  /** Staff looked at the recorded changes of one booking. */
  VIEWED_HISTORY(Scope.BOOKING),
  /** Staff listed an office's waiting list with the contacts on it. */
  VIEWED_WAITING_LIST(Scope.OFFICE),
  /** A hold became a booking. */
  BOOKED(Scope.BOOKING),
  CANCELLED(Scope.BOOKING),
  /** The booking moved to another time; its status stayed. */
  RESCHEDULED(Scope.BOOKING),
  CHECKED_IN(Scope.BOOKING),
  COMPLETED(Scope.BOOKING),
  MARKED_NO_SHOW(Scope.BOOKING),
  /** A recorded change of a booking that none of the other actions describes. */
  CHANGED(Scope.BOOKING),
  /**
   * The booking's personal data was erased, by the retention job or early on request (an upcoming
   * booking is cancelled by it). Not a {@link #forChange} outcome: the store that erases records
   * it.
   */
  ERASED(Scope.BOOKING),
  /**
   * An administrator changed the office's configuration: resources, working time, closures, rules.
   */
  CONFIGURED(Scope.OFFICE);

  /** Whether an entry names one booking or only the office. */
  enum Scope {
    OFFICE,
    BOOKING
  }

  private final Scope scope;

  AuditAction(Scope scope) {
    this.scope = scope;
  }

  /** Whether entries of this action name the booking they are about. */
  public boolean concernsOneBooking() {
    return scope == Scope.BOOKING;
  }

  /** Whether this records a read rather than a change. */
  public boolean isRead() {
    return name().startsWith("VIEWED_");
  }

  /**
   * The action a recorded booking change stands for. The PostgreSQL adapter's trigger that audits
   * {@code booking_events} (migrations V11, V12) decides the same way, in the same order; change
   * both together.
   */
  public static AuditAction forChange(AppointmentStatus from, AppointmentStatus to) {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    if (from == AppointmentStatus.HELD && to == AppointmentStatus.CONFIRMED) {
      return BOOKED;
    }
    return switch (to) {
      case CANCELLED -> CANCELLED;
      case CHECKED_IN -> CHECKED_IN;
      case COMPLETED -> COMPLETED;
      case NO_SHOW -> MARKED_NO_SHOW;
      default -> from == to ? RESCHEDULED : CHANGED;
    };
  }
}
