package org.opentermin.ports.booking;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.ClosureScope;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.ServiceRequest;

/**
 * Bookings the system makes for a citizen without the citizen at the keyboard: a waiting-list offer
 * or a lottery win. ONLINE capacity, in person, arbitrated by the store as every hold; which of the
 * office's closures apply depends on the {@link SystemPurpose}. The port the lottery and the
 * waiting list book through. Implementations are thread-safe.
 */
public interface SystemBookings {

  /**
   * The earliest start within {@code dates} that {@link #hold} could hold now for {@code purpose}.
   * Empty when nothing is free or the request is invalid.
   */
  Optional<Instant> firstStart(
      OfficeId office,
      ImmutableList<ServiceRequest> services,
      DateRange dates,
      SystemPurpose purpose);

  /**
   * A hold kept until {@code expiresAt} but never beyond its start (nobody can take up an
   * appointment that has begun). Contingents apply, quarantine does not, and a lottery draw may
   * book its wave before the wave opens.
   */
  HoldResult hold(
      OfficeId office,
      ImmutableList<ServiceRequest> services,
      Instant start,
      Instant expiresAt,
      SystemPurpose purpose);

  /**
   * Confirms a system hold for {@code citizen} with a manage token the citizen already has (e.g.
   * the token of a lottery entry), given by its SHA-256 hash. The office's identity limit applies.
   */
  ChangeResult confirm(AppointmentId hold, Citizen citizen, byte[] manageTokenHash, String note);

  /** Why the system books: decides which of the office's closures its holds respect. */
  enum SystemPurpose {
    /** A waiting-list offer: released, contingent capacity, including capacity in quarantine. */
    WAITING_LIST_OFFER(ClosureScope.NO_QUARANTINE),
    /** A lottery win: the drawn wave's capacity before it opens to everyone. */
    LOTTERY_WIN(ClosureScope.DRAWN_WAVE);

    private final ClosureScope closures;

    SystemPurpose(ClosureScope closures) {
      this.closures = closures;
    }

    /** The closures a hold for this purpose respects. */
    public ClosureScope closures() {
      return closures;
    }
  }
}
