package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Who changes an appointment: the citizen (identified by the manage token), staff, or the system.
 */
public sealed interface Actor {

  /** A short text naming the kind of actor, as recorded in the history. */
  String kind();

  /** The staff member's id, or empty for citizens and the system. */
  String id();

  Actor CITIZEN = new Citizen();
  Actor SYSTEM = new SystemActor();

  static Actor staff(String staffId) {
    return new Staff(staffId);
  }

  /** The citizen who holds the booking's manage token. */
  record Citizen() implements Actor {
    @Override
    public String kind() {
      return "CITIZEN";
    }

    @Override
    public String id() {
      return "";
    }
  }

  /** A staff member, by the id of their account. */
  record Staff(String staffId) implements Actor {
    public Staff {
      checkNotNull(staffId, "staffId");
      checkArgument(
          !staffId.isBlank() && staffId.length() <= 64, "staff id must have 1 to 64 characters");
    }

    @Override
    public String kind() {
      return "STAFF";
    }

    @Override
    public String id() {
      return staffId;
    }
  }

  /** OpenTermin itself, e.g. a scheduled job. */
  record SystemActor() implements Actor {
    @Override
    public String kind() {
      return "SYSTEM";
    }

    @Override
    public String id() {
      return "";
    }
  }
}
