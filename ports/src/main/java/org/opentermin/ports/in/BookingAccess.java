package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.booking.Actor;

/**
 * How a caller reaches a booking: as the citizen, with the manage token, or as staff (whose
 * right to the office the HTTP adapter has checked).
 */
public sealed interface BookingAccess {

  Actor actor();

  static BookingAccess byToken(String manageToken) {
    return new ByToken(manageToken);
  }

  static BookingAccess byStaff(String staffId) {
    return new ByStaff(Actor.staff(staffId));
  }

  /** The citizen with the booking's manage token. */
  record ByToken(String manageToken) implements BookingAccess {
    public ByToken {
      checkNotNull(manageToken, "manageToken");
    }

    @Override
    public Actor actor() {
      return Actor.CITIZEN;
    }

    @Override
    public String toString() {
      return "ByToken[hidden]";
    }
  }

  /** A staff member. */
  record ByStaff(Actor actor) implements BookingAccess {
    public ByStaff {
      checkNotNull(actor, "actor");
    }
  }
}
