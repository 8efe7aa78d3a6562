package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.routing.CaseRouting;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.Routing;
import org.opentermin.core.routing.RoutingInputs;

/**
 * Citizens: which office, and inside it which team or caseworker, is responsible for them. The
 * inputs are used for this decision only and never stored.
 */
public interface ResolveResponsibility {

  /**
   * Who is responsible for the citizen of {@code inputs} for {@code service} (or for any service);
   * refused with {@code NOT_COVERED} when no rule covers the address, or {@code INVALID_REQUEST}
   * for an unknown service.
   */
  ResponsibilityResult resolve(RoutingInputs inputs, Optional<ServiceId> service);

  /** The responsible office and team or caseworker, or why there is none. */
  sealed interface ResponsibilityResult permits Found, Refused {}

  /**
   * The routing; with {@code byCase}, the citizen's case decided it and the routing names that
   * caseworker (or the deputy standing in). Immutable.
   */
  record Found(Routing routing, Optional<CaseRouting> byCase) implements ResponsibilityResult {
    public Found {
      checkNotNull(routing, "routing");
      checkNotNull(byCase, "byCase");
      checkArgument(
          byCase.isEmpty()
              || routing
                  .responsible()
                  .equals(Optional.of(Responsible.caseworker(byCase.get().caseworker()))),
          "a routing by case names the case's caseworker");
    }
  }
}
