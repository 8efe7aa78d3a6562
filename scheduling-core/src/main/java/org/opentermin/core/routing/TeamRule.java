package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;

/**
 * Inside an office, who serves the surnames of an initial range: for one service, or for every
 * service when {@code service} is empty. A rule for the service asked for wins over one for every
 * service. Immutable.
 *
 * @param label names the rule in problems and explanations, such as "line 12" of an import
 */
public record TeamRule(
    String label,
    OfficeId office,
    InitialRange initials,
    Optional<ServiceId> service,
    Responsible responsible) {

  public TeamRule {
    checkNotNull(label, "label");
    checkArgument(!label.isBlank(), "a team rule needs a label");
    checkNotNull(office, "office");
    checkNotNull(initials, "initials");
    checkNotNull(service, "service");
    checkNotNull(responsible, "responsible");
  }

  /** A rule for every service. */
  public static TeamRule of(
      String label, OfficeId office, String initials, Responsible responsible) {
    return new TeamRule(label, office, InitialRange.parse(initials), Optional.empty(), responsible);
  }

  /** A rule for one service. */
  public static TeamRule of(
      String label, OfficeId office, String initials, ServiceId service, Responsible responsible) {
    return new TeamRule(
        label, office, InitialRange.parse(initials), Optional.of(service), responsible);
  }

  /**
   * Whether both rules are for the same office and service (or both for every service) and share a
   * surname.
   */
  public boolean overlaps(TeamRule other) {
    checkNotNull(other, "other");
    return office.equals(other.office)
        && service.equals(other.service)
        && initials.overlaps(other.initials);
  }
}
