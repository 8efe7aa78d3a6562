package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.TeamId;

/** Who inside an office serves a citizen: a team, or one caseworker. Immutable. */
public sealed interface Responsible {

  /** A team of the office; any of its caseworkers may serve. */
  record Team(TeamId team) implements Responsible {

    public Team {
      checkNotNull(team, "team");
    }
  }

  /** One caseworker, a resource of the office. */
  record Caseworker(ResourceId caseworker) implements Responsible {

    public Caseworker {
      checkNotNull(caseworker, "caseworker");
    }
  }

  static Responsible team(TeamId team) {
    return new Team(team);
  }

  static Responsible caseworker(ResourceId caseworker) {
    return new Caseworker(caseworker);
  }
}
