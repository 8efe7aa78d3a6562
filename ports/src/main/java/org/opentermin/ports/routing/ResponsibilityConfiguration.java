package org.opentermin.ports.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseAssignment;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.RuleProblem;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.ports.in.ConfigureResponsibility;
import org.opentermin.ports.in.ConfigureResponsibility.Tables;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.RoutingStore;
import org.opentermin.ports.out.RoutingStore.RoutingTables;

/**
 * Checks imports of routing rules and cases against the catalog and stores them, with an audit
 * entry per office; {@link ResponsibilityService} offers it as {@link ConfigureResponsibility}.
 */
final class ResponsibilityConfiguration implements ConfigureResponsibility {

  private final CatalogStore catalog;
  private final RoutingStore store;
  private final AuditLog audit;
  private final Clock clock;

  ResponsibilityConfiguration(
      CatalogStore catalog, RoutingStore store, AuditLog audit, Clock clock) {
    this.catalog = catalog;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public ImmutableList<EntryError> checkAddressRules(List<AddressRule> rules) {
    checkNotNull(rules, "rules");
    List<EntryError> errors = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (AddressRule rule : rules) {
      if (!labels.add(rule.label())) {
        errors.add(new EntryError(rule.label(), "another rule has the same label"));
      }
      if (catalog.office(rule.office()).isEmpty()) {
        errors.add(new EntryError(rule.label(), "unknown office " + rule.office()));
      }
    }
    return ImmutableList.copyOf(errors);
  }

  @Override
  public ImportResult replaceAddressRules(List<AddressRule> rules, Actor by) {
    ImmutableList<EntryError> errors = checkAddressRules(rules);
    if (!errors.isEmpty()) {
      return new Rejected(errors);
    }
    RoutingTables tables = store.tables();
    List<RuleProblem> problems = CompiledRouting.rulesOf(rules, tables.teamRules(), tables).check();
    // Every office that had or gets address rules: its area may have changed.
    Map<OfficeId, Integer> perOffice = new TreeMap<>();
    tables.addressRules().forEach(rule -> perOffice.putIfAbsent(rule.office(), 0));
    rules.forEach(rule -> perOffice.merge(rule.office(), 1, Integer::sum));
    perOffice.forEach(
        (office, count) ->
            configured(office, by, "address rules imported: " + count + " for this office"));
    return stored(rules.size(), problems, () -> store.replaceAddressRules(rules));
  }

  @Override
  public ImmutableList<EntryError> checkTeamRules(OfficeId office, List<TeamRule> rules) {
    checkNotNull(office, "office");
    checkNotNull(rules, "rules");
    if (catalog.office(office).isEmpty()) {
      return ImmutableList.of(new EntryError("office", "unknown office " + office));
    }
    ImmutableList<Resource> resources = catalog.resources(office);
    List<EntryError> errors = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (TeamRule rule : rules) {
      if (!labels.add(rule.label())) {
        errors.add(new EntryError(rule.label(), "another rule has the same label"));
      }
      if (!rule.office().equals(office)) {
        errors.add(
            new EntryError(
                rule.label(), "the rule is for office " + rule.office() + ", not " + office));
        continue;
      }
      rule.service()
          .filter(service -> catalog.service(service).isEmpty())
          .ifPresent(
              service -> errors.add(new EntryError(rule.label(), "unknown service " + service)));
      if (ResponsibilityService.servingResources(rule.responsible(), resources).isEmpty()) {
        errors.add(
            new EntryError(
                rule.label(),
                rule.responsible() instanceof Responsible.Team team
                    ? "no caseworker of office " + office + " is in team " + team.team()
                    : "office "
                        + office
                        + " has no caseworker "
                        + ((Responsible.Caseworker) rule.responsible()).caseworker()));
      }
    }
    return ImmutableList.copyOf(errors);
  }

  @Override
  public ImportResult replaceTeamRules(OfficeId office, List<TeamRule> rules, Actor by) {
    ImmutableList<EntryError> errors = checkTeamRules(office, rules);
    if (!errors.isEmpty()) {
      return new Rejected(errors);
    }
    RoutingTables tables = store.tables();
    List<TeamRule> allTeamRules = new ArrayList<>();
    tables.teamRules().stream()
        .filter(rule -> !rule.office().equals(office))
        .forEach(allTeamRules::add);
    allTeamRules.addAll(rules);
    List<RuleProblem> problems =
        teamProblems(
            CompiledRouting.rulesOf(tables.addressRules(), allTeamRules, tables).check(), rules);
    configured(office, by, "team rules imported: " + rules.size());
    return stored(rules.size(), problems, () -> store.replaceTeamRules(office, rules));
  }

  /** The problems among {@code rules}, which are the office's team rules. */
  private static List<RuleProblem> teamProblems(List<RuleProblem> problems, List<TeamRule> rules) {
    Set<String> labels = new HashSet<>();
    rules.forEach(rule -> labels.add(rule.label()));
    return problems.stream()
        .filter(problem -> problem.labels().stream().anyMatch(labels::contains))
        .toList();
  }

  @Override
  public ImmutableList<EntryError> checkCases(OfficeId office, List<CaseEntry> cases) {
    checkNotNull(office, "office");
    checkNotNull(cases, "cases");
    if (catalog.office(office).isEmpty()) {
      return ImmutableList.of(new EntryError("office", "unknown office " + office));
    }
    Map<ResourceId, Resource> resources = resourcesById(office);
    List<EntryError> errors = new ArrayList<>();
    Map<CaseNumber, String> seen = new HashMap<>();
    for (CaseEntry entry : cases) {
      String earlier = seen.putIfAbsent(entry.caseNumber(), entry.label());
      if (earlier != null) {
        errors.add(new EntryError(entry.label(), "the case is assigned already in " + earlier));
      } else if (assignment(entry, resources).isEmpty()) {
        errors.add(caseError(entry, resources));
      }
    }
    return ImmutableList.copyOf(errors);
  }

  @Override
  public ImportResult replaceCaseAssignments(OfficeId office, List<CaseEntry> cases, Actor by) {
    ImmutableList<EntryError> errors = checkCases(office, cases);
    if (!errors.isEmpty()) {
      return new Rejected(errors);
    }
    Map<ResourceId, Resource> resources = resourcesById(office);
    List<CaseAssignment> assignments =
        cases.stream().map(entry -> assignment(entry, resources).orElseThrow()).toList();
    configured(office, by, "cases imported: " + assignments.size());
    return stored(
        assignments.size(), List.of(), () -> store.replaceCaseAssignments(office, assignments));
  }

  @Override
  public Outcome assignCase(OfficeId office, CaseEntry entry, Actor by) {
    checkNotNull(office, "office");
    checkNotNull(entry, "entry");
    if (catalog.office(office).isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown office " + office);
    }
    Map<ResourceId, Resource> resources = resourcesById(office);
    Optional<CaseAssignment> assignment = assignment(entry, resources);
    if (assignment.isEmpty()) {
      return new Refused(RefusalReason.INVALID_REQUEST, caseError(entry, resources).message());
    }
    // Never the case number: it points to a person's case, and the audit log is kept for good.
    configured(
        office,
        by,
        "a case assigned to "
            + assignment.get().caseworker()
            + " of team "
            + assignment.get().team());
    store.saveCaseAssignment(office, assignment.get());
    return new Done();
  }

  @Override
  public boolean removeCase(OfficeId office, CaseNumber caseNumber, Actor by) {
    boolean removed =
        store.removeCaseAssignment(
            checkNotNull(office, "office"), checkNotNull(caseNumber, "caseNumber"));
    if (removed) {
      configured(office, by, "a case removed");
    }
    return removed;
  }

  @Override
  public boolean saveOfficeRouting(OfficeId office, OfficeRouting routing, Actor by) {
    checkNotNull(routing, "routing");
    if (catalog.office(checkNotNull(office, "office")).isEmpty()) {
      return false;
    }
    configured(
        office,
        by,
        "routing settings: "
            + (routing.exclusive() ? "exclusive" : "open to all")
            + ", "
            + routing.namePrefixes().ignored().size()
            + " name prefixes ignored");
    store.saveOfficeRouting(office, routing);
    return true;
  }

  @Override
  public Outcome saveDeputy(OfficeId office, TeamId team, Optional<ResourceId> deputy, Actor by) {
    checkNotNull(office, "office");
    checkNotNull(team, "team");
    checkNotNull(deputy, "deputy");
    if (catalog.office(office).isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown office " + office);
    }
    if (deputy.isPresent() && !resourcesById(office).containsKey(deputy.get())) {
      return new Refused(
          RefusalReason.INVALID_REQUEST, "office " + office + " has no caseworker " + deputy.get());
    }
    configured(
        office, by, "deputy of team " + team + ": " + deputy.map(ResourceId::value).orElse("none"));
    store.saveDeputy(office, team, deputy);
    return new Done();
  }

  @Override
  public Tables tables() {
    RoutingTables tables = store.tables();
    return new Tables(
        tables.addressRules(), tables.teamRules(), tables.offices(), tables.deputies());
  }

  @Override
  public ImmutableList<CaseAssignment> caseAssignments(OfficeId office) {
    return store.caseAssignments(checkNotNull(office, "office"));
  }

  @Override
  public ImmutableList<RuleProblem> problems() {
    RoutingTables tables = store.tables();
    return CompiledRouting.rulesOf(tables.addressRules(), tables.teamRules(), tables).check();
  }

  /**
   * Records a change before it is made, as the catalog does: a failure in between leaves an entry
   * for a change that did not happen, never a change without an entry.
   */
  private void configured(OfficeId office, Actor by, String what) {
    checkNotNull(by, "by");
    String detail =
        what.length() <= AuditEntry.MAXIMUM_DETAIL_LENGTH
            ? what
            : what.substring(0, AuditEntry.MAXIMUM_DETAIL_LENGTH);
    audit.append(
        AuditEntry.ofOffice(
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            by,
            AuditAction.CONFIGURED,
            office,
            detail));
  }

  private Map<ResourceId, Resource> resourcesById(OfficeId office) {
    return catalog.resources(office).stream()
        .collect(ImmutableMap.toImmutableMap(Resource::id, Function.identity()));
  }

  private static Optional<CaseAssignment> assignment(
      CaseEntry entry, Map<ResourceId, Resource> resources) {
    Resource caseworker = resources.get(entry.caseworker());
    if (caseworker == null) {
      return Optional.empty();
    }
    return entry
        .team()
        .or(caseworker::team)
        .map(team -> new CaseAssignment(entry.caseNumber(), caseworker.id(), team));
  }

  private static EntryError caseError(CaseEntry entry, Map<ResourceId, Resource> resources) {
    if (!resources.containsKey(entry.caseworker())) {
      return new EntryError(entry.label(), "the office has no caseworker " + entry.caseworker());
    }
    return new EntryError(
        entry.label(),
        "caseworker "
            + entry.caseworker()
            + " is in no team; name the team whose deputy stands in");
  }

  /**
   * Stores with {@code write}; a concurrent change to the catalog that breaks a reference rejects
   * the whole import.
   */
  private static ImportResult stored(int entries, List<RuleProblem> problems, Runnable write) {
    try {
      write.run();
    } catch (IllegalArgumentException changedMeanwhile) {
      return new Rejected(ImmutableList.of(new EntryError("file", changedMeanwhile.getMessage())));
    }
    return new Imported(entries, ImmutableList.copyOf(problems));
  }
}
