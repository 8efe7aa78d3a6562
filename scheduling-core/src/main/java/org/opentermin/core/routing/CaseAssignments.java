package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.TeamId;

/**
 * Which caseworker holds which case, as staff maintain it; one assignment per case number.
 * Immutable and thread-safe.
 */
public final class CaseAssignments {

  private final ImmutableMap<CaseNumber, CaseAssignment> byCase;

  public CaseAssignments(Iterable<CaseAssignment> assignments) {
    checkNotNull(assignments, "assignments");
    Map<CaseNumber, CaseAssignment> byCase = new LinkedHashMap<>();
    for (CaseAssignment assignment : assignments) {
      checkNotNull(assignment, "assignment");
      CaseAssignment previous = byCase.putIfAbsent(assignment.caseNumber(), assignment);
      checkArgument(previous == null, "case %s is assigned twice", assignment.caseNumber().value());
    }
    this.byCase = ImmutableMap.copyOf(byCase);
  }

  public Optional<CaseAssignment> assignment(CaseNumber caseNumber) {
    return Optional.ofNullable(byCase.get(checkNotNull(caseNumber, "caseNumber")));
  }

  /**
   * Who serves the citizen with {@code caseNumber}: its caseworker, or while they are absent the
   * deputy of their team if that deputy is someone else and present; empty for an unknown case or
   * when neither can serve, so that the caller falls back to surname routing or staff.
   */
  public Optional<CaseRouting> routeCase(
      CaseNumber caseNumber,
      Predicate<ResourceId> isAbsent,
      Function<TeamId, Optional<ResourceId>> deputyOf) {
    checkNotNull(isAbsent, "isAbsent");
    checkNotNull(deputyOf, "deputyOf");
    return assignment(caseNumber)
        .flatMap(
            assignment -> {
              if (!isAbsent.test(assignment.caseworker())) {
                return Optional.of(new CaseRouting(caseNumber, assignment.caseworker(), false));
              }
              return deputyOf
                  .apply(assignment.team())
                  .filter(
                      deputy -> !deputy.equals(assignment.caseworker()) && !isAbsent.test(deputy))
                  .map(deputy -> new CaseRouting(caseNumber, deputy, true));
            });
  }
}
