package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.opentermin.core.catalog.AppointmentMode;

/**
 * Who may change a booking when: each method returns the refusal, or empty when the change is
 * allowed. Pure functions of the appointment, the actor and the instant.
 *
 * <ul>
 *   <li>A hold can be confirmed until it expires, once; a phone appointment only with the citizen's
 *       phone number.
 *   <li>Citizens cancel or reschedule their confirmed booking until it starts; staff cancel
 *       confirmed or checked-in bookings at any time. A booking moves only to a hold of its own
 *       mode.
 *   <li>Staff check people in on the appointment's day, complete a confirmed or checked-in booking
 *       from that day on, and mark a confirmed booking as no-show once it has started.
 *   <li>The personal data of a booking can be erased early by its citizen (or by staff on the
 *       citizen's request) at any time except while the appointment is under way: an upcoming
 *       confirmed booking is cancelled by it, a finished or cancelled one keeps its status.
 * </ul>
 */
public final class BookingRules {

  private BookingRules() {}

  public static Optional<RefusalReason> confirm(Appointment hold, Instant now) {
    if (hold.status() != AppointmentStatus.HELD) {
      return Optional.of(RefusalReason.HOLD_ALREADY_USED);
    }
    return hold.isLiveHoldAt(now) ? Optional.empty() : Optional.of(RefusalReason.HOLD_EXPIRED);
  }

  /**
   * As {@link #confirm(Appointment, Instant)}, and a phone appointment needs a phone number to
   * call.
   */
  public static Optional<RefusalReason> confirm(Appointment hold, Citizen citizen, Instant now) {
    Optional<RefusalReason> refusal = confirm(hold, now);
    if (refusal.isPresent()) {
      return refusal;
    }
    return reachable(hold.mode(), citizen)
        ? Optional.empty()
        : Optional.of(RefusalReason.PHONE_REQUIRED);
  }

  /**
   * Whether the caseworker can reach {@code citizen} in {@code mode}: a phone call needs a number.
   */
  public static boolean reachable(AppointmentMode mode, Citizen citizen) {
    return mode != AppointmentMode.PHONE || citizen.phone().isPresent();
  }

  public static Optional<RefusalReason> cancel(Appointment booking, Actor actor, Instant now) {
    if (actor instanceof Actor.Citizen) {
      if (booking.status() != AppointmentStatus.CONFIRMED) {
        return Optional.of(RefusalReason.ILLEGAL_TRANSITION);
      }
      return now.isBefore(booking.start()) ? Optional.empty() : Optional.of(RefusalReason.TOO_LATE);
    }
    return switch (booking.status()) {
      case CONFIRMED, CHECKED_IN -> Optional.empty();
      default -> Optional.of(RefusalReason.ILLEGAL_TRANSITION);
    };
  }

  public static Optional<RefusalReason> reschedule(
      Appointment booking, Appointment hold, Actor actor, Instant now) {
    checkArgument(booking.office().equals(hold.office()), "a booking moves only within its office");
    if (booking.status() != AppointmentStatus.CONFIRMED) {
      return Optional.of(RefusalReason.ILLEGAL_TRANSITION);
    }
    if (actor instanceof Actor.Citizen && !now.isBefore(booking.start())) {
      return Optional.of(RefusalReason.TOO_LATE);
    }
    if (hold.mode() != booking.mode()) {
      return Optional.of(RefusalReason.MODE_MISMATCH);
    }
    return confirm(hold, now);
  }

  public static Optional<RefusalReason> checkIn(
      Appointment booking, Actor actor, Instant now, ZoneId zone) {
    if (!(actor instanceof Actor.Staff)) {
      return Optional.of(RefusalReason.NOT_PERMITTED);
    }
    if (booking.status() != AppointmentStatus.CONFIRMED) {
      return Optional.of(RefusalReason.ILLEGAL_TRANSITION);
    }
    int day = LocalDate.ofInstant(now, zone).compareTo(LocalDate.ofInstant(booking.start(), zone));
    return day < 0
        ? Optional.of(RefusalReason.TOO_EARLY)
        : day > 0 ? Optional.of(RefusalReason.TOO_LATE) : Optional.empty();
  }

  public static Optional<RefusalReason> complete(
      Appointment booking, Actor actor, Instant now, ZoneId zone) {
    if (!(actor instanceof Actor.Staff)) {
      return Optional.of(RefusalReason.NOT_PERMITTED);
    }
    if (booking.status() != AppointmentStatus.CONFIRMED
        && booking.status() != AppointmentStatus.CHECKED_IN) {
      return Optional.of(RefusalReason.ILLEGAL_TRANSITION);
    }
    boolean beforeTheDay =
        LocalDate.ofInstant(now, zone).isBefore(LocalDate.ofInstant(booking.start(), zone));
    return beforeTheDay ? Optional.of(RefusalReason.TOO_EARLY) : Optional.empty();
  }

  public static Optional<RefusalReason> markNoShow(Appointment booking, Actor actor, Instant now) {
    if (!(actor instanceof Actor.Staff)) {
      return Optional.of(RefusalReason.NOT_PERMITTED);
    }
    if (booking.status() != AppointmentStatus.CONFIRMED) {
      return Optional.of(RefusalReason.ILLEGAL_TRANSITION);
    }
    return now.isBefore(booking.start()) ? Optional.of(RefusalReason.TOO_EARLY) : Optional.empty();
  }

  /**
   * Early erasure on request; the system erases by the retention period instead, without asking
   * this rule. Refused while the appointment is under way ({@code TOO_EARLY}: staff may still need
   * the name at the counter), and for holds and erased bookings.
   */
  public static Optional<RefusalReason> erase(Appointment booking, Actor actor, Instant now) {
    if (!booking.status().isBooking() || booking.isErased() || actor instanceof Actor.SystemActor) {
      return Optional.of(RefusalReason.ILLEGAL_TRANSITION);
    }
    return switch (booking.status()) {
      case CONFIRMED, CHECKED_IN -> {
        boolean upcoming =
            booking.status() == AppointmentStatus.CONFIRMED && now.isBefore(booking.start());
        boolean ended = !now.isBefore(booking.end());
        yield upcoming || ended ? Optional.empty() : Optional.of(RefusalReason.TOO_EARLY);
      }
      default -> Optional.empty();
    };
  }

  /**
   * The status a booking has once its data is erased at {@code now}: an upcoming one is cancelled
   * by it.
   */
  public static AppointmentStatus statusAfterErasure(Appointment booking, Instant now) {
    boolean upcoming =
        booking.status() == AppointmentStatus.CONFIRMED && now.isBefore(booking.start());
    return upcoming ? AppointmentStatus.CANCELLED : booking.status();
  }
}
