package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.catalog.OfficeId;

/**
 * How a caller reaches a booking: as the citizen, with the manage token, or as staff, with what
 * their access token allows. A booking the access does not reach (a wrong token, an office the
 * staff member does not work for) is answered exactly like an unknown reference, so references
 * cannot be probed.
 */
public sealed interface BookingAccess {

  Actor actor();

  /** Whether a booking of {@code office} may be reached this way, before any token is compared. */
  boolean mayReach(OfficeId office);

  static BookingAccess byToken(String manageToken) {
    return new ByToken(manageToken);
  }

  static BookingAccess byStaff(AccessGrant grant) {
    return new ByStaff(grant);
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
    public boolean mayReach(OfficeId office) {
      return true;
    }

    @Override
    public String toString() {
      return "ByToken[hidden]";
    }
  }

  /**
   * A staff member (or administrator), who reaches the bookings of the offices their token reaches.
   */
  record ByStaff(AccessGrant grant) implements BookingAccess {
    public ByStaff {
      checkNotNull(grant, "grant");
    }

    @Override
    public Actor actor() {
      return Actor.staff(grant.tokenId());
    }

    @Override
    public boolean mayReach(OfficeId office) {
      return grant.reaches(office);
    }
  }
}
