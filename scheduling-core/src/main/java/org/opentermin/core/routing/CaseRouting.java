package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.catalog.ResourceId;

/**
 * Who serves a citizen with an existing case: the case's caseworker, or the team's deputy standing
 * in ({@code deputy} true) while the caseworker is absent. Immutable.
 */
public record CaseRouting(CaseNumber caseNumber, ResourceId caseworker, boolean deputy) {

  public CaseRouting {
    checkNotNull(caseNumber, "caseNumber");
    checkNotNull(caseworker, "caseworker");
  }
}
