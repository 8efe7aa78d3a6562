package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseAssignment;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.RoutingStore;

/**
 * A {@link RoutingStore} in memory, checking references against a catalog: the reference for
 * adapters and the store of tests. Thread-safe: every method holds the store's lock.
 */
public final class InMemoryRoutingStore implements RoutingStore {

  private final CatalogStore catalog;
  private ImmutableList<AddressRule> addressRules = ImmutableList.of();
  private final Map<OfficeId, ImmutableList<TeamRule>> teamRules = new TreeMap<>();
  private final Map<OfficeId, OfficeRouting> offices = new HashMap<>();
  private final Map<OfficeId, Map<TeamId, ResourceId>> deputies = new HashMap<>();
  private final Map<OfficeId, Map<String, CaseAssignment>> cases = new HashMap<>();
  private long version;

  public InMemoryRoutingStore(CatalogStore catalog) {
    this.catalog = checkNotNull(catalog, "catalog");
  }

  @Override
  public synchronized RoutingTables tables() {
    ImmutableList.Builder<TeamRule> allTeamRules = ImmutableList.builder();
    teamRules.values().forEach(allTeamRules::addAll);
    ImmutableMap.Builder<OfficeId, ImmutableMap<TeamId, ResourceId>> allDeputies =
        ImmutableMap.builder();
    deputies.forEach((office, byTeam) -> allDeputies.put(office, ImmutableMap.copyOf(byTeam)));
    return new RoutingTables(
        addressRules,
        allTeamRules.build(),
        ImmutableMap.copyOf(offices),
        allDeputies.buildOrThrow());
  }

  @Override
  public synchronized long version() {
    return version;
  }

  @Override
  public synchronized void replaceAddressRules(List<AddressRule> rules) {
    ImmutableList<AddressRule> copy = ImmutableList.copyOf(checkNotNull(rules, "rules"));
    copy.forEach(rule -> checkOffice(rule.office()));
    addressRules = copy;
    version++;
  }

  @Override
  public synchronized void replaceTeamRules(OfficeId office, List<TeamRule> rules) {
    checkOffice(office);
    ImmutableList<TeamRule> copy = ImmutableList.copyOf(checkNotNull(rules, "rules"));
    for (TeamRule rule : copy) {
      checkArgument(
          rule.office().equals(office),
          "team rule %s is for office %s, not %s",
          rule.label(),
          rule.office(),
          office);
      rule.service()
          .ifPresent(
              service ->
                  checkArgument(
                      catalog.service(service).isPresent(), "unknown service %s", service));
      if (rule.responsible() instanceof Responsible.Caseworker caseworker) {
        checkResource(office, caseworker.caseworker());
      }
    }
    if (copy.isEmpty()) {
      teamRules.remove(office);
    } else {
      teamRules.put(office, copy);
    }
    version++;
  }

  @Override
  public synchronized void saveOfficeRouting(OfficeId office, OfficeRouting routing) {
    checkOffice(office);
    offices.put(office, checkNotNull(routing, "routing"));
    version++;
  }

  @Override
  public synchronized void saveDeputy(OfficeId office, TeamId team, Optional<ResourceId> deputy) {
    checkOffice(office);
    checkNotNull(team, "team");
    checkNotNull(deputy, "deputy");
    if (deputy.isPresent()) {
      checkResource(office, deputy.get());
      deputies.computeIfAbsent(office, ignored -> new LinkedHashMap<>()).put(team, deputy.get());
    } else if (deputies.containsKey(office)) {
      deputies.get(office).remove(team);
    }
    version++;
  }

  @Override
  public synchronized Optional<CaseAssignment> caseAssignment(
      OfficeId office, CaseNumber caseNumber) {
    checkNotNull(caseNumber, "caseNumber");
    return Optional.ofNullable(
        cases.getOrDefault(checkNotNull(office, "office"), Map.of()).get(caseNumber.value()));
  }

  @Override
  public synchronized ImmutableList<CaseAssignment> caseAssignments(OfficeId office) {
    return ImmutableList.copyOf(
        new TreeMap<>(cases.getOrDefault(checkNotNull(office, "office"), Map.of())).values());
  }

  @Override
  public synchronized void replaceCaseAssignments(
      OfficeId office, List<CaseAssignment> assignments) {
    checkOffice(office);
    Map<String, CaseAssignment> replacement = new HashMap<>();
    for (CaseAssignment assignment : new ArrayList<>(checkNotNull(assignments, "assignments"))) {
      checkResource(office, assignment.caseworker());
      checkArgument(
          replacement.put(assignment.caseNumber().value(), assignment) == null,
          "a case is assigned twice");
    }
    cases.put(office, replacement);
  }

  @Override
  public synchronized void saveCaseAssignment(OfficeId office, CaseAssignment assignment) {
    checkOffice(office);
    checkResource(office, checkNotNull(assignment, "assignment").caseworker());
    cases
        .computeIfAbsent(office, ignored -> new HashMap<>())
        .put(assignment.caseNumber().value(), assignment);
  }

  @Override
  public synchronized boolean removeCaseAssignment(OfficeId office, CaseNumber caseNumber) {
    checkNotNull(caseNumber, "caseNumber");
    Map<String, CaseAssignment> officeCases = cases.get(checkNotNull(office, "office"));
    return officeCases != null && officeCases.remove(caseNumber.value()) != null;
  }

  private void checkOffice(OfficeId office) {
    checkNotNull(office, "office");
    checkArgument(catalog.office(office).isPresent(), "unknown office %s", office);
  }

  private void checkResource(OfficeId office, ResourceId resource) {
    checkArgument(
        catalog.resources(office).stream().anyMatch(known -> known.id().equals(resource)),
        "office %s has no resource %s",
        office,
        resource);
  }
}
