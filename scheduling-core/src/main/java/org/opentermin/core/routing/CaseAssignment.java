package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.TeamId;

/** The caseworker who holds a case, and the team whose deputy stands in for them. Immutable. */
public record CaseAssignment(CaseNumber caseNumber, ResourceId caseworker, TeamId team) {

  public CaseAssignment {
    checkNotNull(caseNumber, "caseNumber");
    checkNotNull(caseworker, "caseworker");
    checkNotNull(team, "team");
  }
}
