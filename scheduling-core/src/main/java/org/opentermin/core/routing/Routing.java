package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.opentermin.core.catalog.OfficeId;

/**
 * The office responsible for a citizen and, where the office splits its work by surname, the team
 * or caseworker inside it. An empty {@code responsible} means the office as a whole serves: it has
 * no team rule for this surname and service. Immutable.
 */
public record Routing(OfficeId office, Optional<Responsible> responsible) {

  public Routing {
    checkNotNull(office, "office");
    checkNotNull(responsible, "responsible");
  }
}
