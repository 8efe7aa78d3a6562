package org.opentermin.ports.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
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
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Refusal;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseAssignment;
import org.opentermin.core.routing.CaseAssignments;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.CaseRouting;
import org.opentermin.core.routing.NamePrefixes;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.ResponsibilityRules;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.Routing;
import org.opentermin.core.routing.RoutingInputs;
import org.opentermin.core.routing.RuleProblem;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.ports.in.ConfigureResponsibility;
import org.opentermin.ports.in.ConfigureResponsibility.Tables;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ResolveResponsibility;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.RoutingStore;
import org.opentermin.ports.out.RoutingStore.RoutingTables;

/**
 * Resolves responsibility from the stored rules and checks imports against the catalog. The
 * compiled rules are reused while the store's version stays the same, which is checked at most
 * every {@code recheckAfter}: an import reaches every app instance within that time. A case's
 * caseworker counts as absent while an absence of theirs covers the present moment, or when they
 * no longer work at the office; their team's deputy then stands in. Thread-safe.
 */
public final class ResponsibilityService implements ResolveResponsibility, ConfigureResponsibility {

  private final CatalogStore catalog;
  private final RoutingStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration recheckAfter;
  private volatile Compiled compiled;

  /** The stored rules and when their version was last confirmed. */
  private record Compiled(long version, Instant checkedAt, RoutingTables tables, ResponsibilityRules rules) {}

  public ResponsibilityService(CatalogStore catalog, RoutingStore store, AuditLog audit, Clock clock, Duration recheckAfter) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.store = checkNotNull(store, "store");
    this.audit = checkNotNull(audit, "audit");
    this.clock = checkNotNull(clock, "clock");
    this.recheckAfter = checkNotNull(recheckAfter, "recheckAfter");
    checkArgument(!recheckAfter.isNegative(), "recheck must not be negative");
  }

  /** A service that sees every change from the next request on. */
  public ResponsibilityService(CatalogStore catalog, RoutingStore store, AuditLog audit, Clock clock) {
    this(catalog, store, audit, clock, Duration.ZERO);
  }

  @Override
  public ResponsibilityResult resolve(RoutingInputs inputs, Optional<ServiceId> service) {
    checkNotNull(inputs, "inputs");
    checkNotNull(service, "service");
    if (service.isPresent() && catalog.service(service.get()).isEmpty()) {
      return new Refused(Refusal.INVALID_REQUEST, "unknown service " + service.get());
    }
    return resolve(inputs, service, catalog::schedule);
  }

  /**
   * As {@link #resolve(RoutingInputs, Optional)}, with the offices' schedules (for the absences of
   * caseworkers) from {@code schedules}, e.g. compiled ones a caller has at hand.
   */
  public ResponsibilityResult resolve(
      RoutingInputs inputs, Optional<ServiceId> service, Function<OfficeId, Optional<OfficeSchedule>> schedules) {
    Compiled current = current();
    Optional<Routing> routing = current.rules().route(inputs.address(), inputs.surname(), service);
    if (routing.isEmpty()) {
      return new Refused(Refusal.NOT_COVERED, "no office is responsible for this address online; check the postal code and street");
    }
    OfficeId office = routing.get().office();
    if (inputs.caseNumber().isPresent()) {
      Optional<CaseAssignment> assignment = store.caseAssignment(office, inputs.caseNumber().get());
      if (assignment.isPresent()) {
        Optional<OfficeSchedule> schedule = schedules.apply(office);
        Instant now = clock.instant();
        Optional<CaseRouting> byCase = new CaseAssignments(List.of(assignment.get()))
            .routeCase(
                inputs.caseNumber().get(),
                resource -> isAbsent(schedule, resource, now),
                team -> current.tables().deputy(office, team));
        if (byCase.isPresent()) {
          return new Found(
              new Routing(office, Optional.of(Responsible.caseworker(byCase.get().caseworker()))), byCase);
        }
      }
    }
    return new Found(routing.get(), Optional.empty());
  }

  /**
   * Which of the office's resources may serve a citizen routed to {@code responsible}: a team's
   * members or the one caseworker.
   */
  public static ImmutableSet<ResourceId> servingResources(Responsible responsible, Iterable<Resource> resources) {
    checkNotNull(responsible, "responsible");
    ImmutableSet.Builder<ResourceId> serving = ImmutableSet.builder();
    for (Resource resource : resources) {
      if (serves(responsible, resource)) {
        serving.add(resource.id());
      }
    }
    return serving.build();
  }

  private static boolean serves(Responsible responsible, Resource resource) {
    if (responsible instanceof Responsible.Team team) {
      return resource.team().equals(Optional.of(team.team()));
    }
    return resource.id().equals(((Responsible.Caseworker) responsible).caseworker());
  }

  /** Whether citizens may only book online with routing inputs: the channel is online and the office exclusive. */
  public boolean requiresRouting(OfficeId office, Channel channel) {
    return channel == Channel.ONLINE && current().tables().office(office).exclusive();
  }

  private static boolean isAbsent(Optional<OfficeSchedule> schedule, ResourceId resource, Instant now) {
    if (schedule.isEmpty()) {
      return true;
    }
    LocalDateTime local = LocalDateTime.ofInstant(now, schedule.get().office().zone());
    return schedule.get().resources().stream()
        .filter(scheduled -> scheduled.resource().id().equals(resource))
        .findFirst()
        .map(scheduled -> scheduled.workingTime().absences().stream().anyMatch(absence -> absence.covers(local)))
        .orElse(true);
  }

  private Compiled current() {
    Instant now = clock.instant();
    Compiled cached = compiled;
    if (cached != null && !now.isBefore(cached.checkedAt()) && now.isBefore(cached.checkedAt().plus(recheckAfter))) {
      return cached;
    }
    long version = store.version();
    if (cached != null && cached.version() == version) {
      Compiled confirmed = new Compiled(version, now, cached.tables(), cached.rules());
      compiled = confirmed;
      return confirmed;
    }
    // Read after the version, so that what is read is at least that new.
    RoutingTables tables = store.tables();
    Compiled fresh = new Compiled(version, now, tables, rulesOf(tables.addressRules(), tables.teamRules(), tables));
    compiled = fresh;
    return fresh;
  }

  private static ResponsibilityRules rulesOf(List<AddressRule> addressRules, List<TeamRule> teamRules, RoutingTables tables) {
    Map<OfficeId, NamePrefixes> prefixes = new HashMap<>();
    tables.offices().forEach((office, routing) -> prefixes.put(office, routing.namePrefixes()));
    return new ResponsibilityRules(addressRules, teamRules, prefixes);
  }

  // ---- configuration ----

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
    List<RuleProblem> problems = rulesOf(rules, tables.teamRules(), tables).check();
    // Every office that had or gets address rules: its area may have changed.
    Map<OfficeId, Integer> perOffice = new TreeMap<>();
    tables.addressRules().forEach(rule -> perOffice.putIfAbsent(rule.office(), 0));
    rules.forEach(rule -> perOffice.merge(rule.office(), 1, Integer::sum));
    perOffice.forEach((office, count) -> configured(office, by, "address rules imported: " + count + " for this office"));
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
        errors.add(new EntryError(rule.label(), "the rule is for office " + rule.office() + ", not " + office));
        continue;
      }
      rule.service().filter(service -> catalog.service(service).isEmpty())
          .ifPresent(service -> errors.add(new EntryError(rule.label(), "unknown service " + service)));
      if (servingResources(rule.responsible(), resources).isEmpty()) {
        errors.add(new EntryError(rule.label(), rule.responsible() instanceof Responsible.Team team
            ? "no caseworker of office " + office + " is in team " + team.team()
            : "office " + office + " has no caseworker " + ((Responsible.Caseworker) rule.responsible()).caseworker()));
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
    tables.teamRules().stream().filter(rule -> !rule.office().equals(office)).forEach(allTeamRules::add);
    allTeamRules.addAll(rules);
    List<RuleProblem> problems = teamProblems(rulesOf(tables.addressRules(), allTeamRules, tables).check(), rules);
    configured(office, by, "team rules imported: " + rules.size());
    return stored(rules.size(), problems, () -> store.replaceTeamRules(office, rules));
  }

  /** The problems among {@code rules}, which are the office's team rules. */
  private static List<RuleProblem> teamProblems(List<RuleProblem> problems, List<TeamRule> rules) {
    Set<String> labels = new HashSet<>();
    rules.forEach(rule -> labels.add(rule.label()));
    return problems.stream().filter(problem -> problem.labels().stream().anyMatch(labels::contains)).toList();
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
    List<CaseAssignment> assignments = cases.stream().map(entry -> assignment(entry, resources).orElseThrow()).toList();
    configured(office, by, "cases imported: " + assignments.size());
    return stored(assignments.size(), List.of(), () -> store.replaceCaseAssignments(office, assignments));
  }

  @Override
  public Outcome assignCase(OfficeId office, CaseEntry entry, Actor by) {
    checkNotNull(office, "office");
    checkNotNull(entry, "entry");
    if (catalog.office(office).isEmpty()) {
      return new Refused(Refusal.NOT_FOUND, "unknown office " + office);
    }
    Map<ResourceId, Resource> resources = resourcesById(office);
    Optional<CaseAssignment> assignment = assignment(entry, resources);
    if (assignment.isEmpty()) {
      return new Refused(Refusal.INVALID_REQUEST, caseError(entry, resources).message());
    }
    // Never the case number: it points to a person's case, and the audit log is kept for good.
    configured(office, by, "a case assigned to " + assignment.get().caseworker() + " of team " + assignment.get().team());
    store.saveCaseAssignment(office, assignment.get());
    return new Done();
  }

  @Override
  public boolean removeCase(OfficeId office, CaseNumber caseNumber, Actor by) {
    boolean removed = store.removeCaseAssignment(checkNotNull(office, "office"), checkNotNull(caseNumber, "caseNumber"));
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
    configured(office, by, "routing settings: " + (routing.exclusive() ? "exclusive" : "open to all") + ", "
        + routing.namePrefixes().ignored().size() + " name prefixes ignored");
    store.saveOfficeRouting(office, routing);
    return true;
  }

  @Override
  public Outcome saveDeputy(OfficeId office, TeamId team, Optional<ResourceId> deputy, Actor by) {
    checkNotNull(office, "office");
    checkNotNull(team, "team");
    checkNotNull(deputy, "deputy");
    if (catalog.office(office).isEmpty()) {
      return new Refused(Refusal.NOT_FOUND, "unknown office " + office);
    }
    if (deputy.isPresent() && !resourcesById(office).containsKey(deputy.get())) {
      return new Refused(Refusal.INVALID_REQUEST, "office " + office + " has no caseworker " + deputy.get());
    }
    configured(office, by, "deputy of team " + team + ": " + deputy.map(ResourceId::value).orElse("none"));
    store.saveDeputy(office, team, deputy);
    return new Done();
  }

  @Override
  public Tables tables() {
    RoutingTables tables = store.tables();
    return new Tables(tables.addressRules(), tables.teamRules(), tables.offices(), tables.deputies());
  }

  @Override
  public ImmutableList<CaseAssignment> caseAssignments(OfficeId office) {
    return store.caseAssignments(checkNotNull(office, "office"));
  }

  @Override
  public ImmutableList<RuleProblem> problems() {
    RoutingTables tables = store.tables();
    return rulesOf(tables.addressRules(), tables.teamRules(), tables).check();
  }

  /**
   * Records a change before it is made, as the catalog does: a failure in between leaves an entry
   * for a change that did not happen, never a change without an entry.
   */
  private void configured(OfficeId office, Actor by, String what) {
    checkNotNull(by, "by");
    String detail = what.length() <= AuditEntry.MAXIMUM_DETAIL_LENGTH ? what : what.substring(0, AuditEntry.MAXIMUM_DETAIL_LENGTH);
    audit.append(AuditEntry.ofOffice(clock.instant().truncatedTo(ChronoUnit.MICROS), by, AuditAction.CONFIGURED, office, detail));
  }

  private Map<ResourceId, Resource> resourcesById(OfficeId office) {
    return catalog.resources(office).stream().collect(ImmutableMap.toImmutableMap(Resource::id, Function.identity()));
  }

  private static Optional<CaseAssignment> assignment(CaseEntry entry, Map<ResourceId, Resource> resources) {
    Resource caseworker = resources.get(entry.caseworker());
    if (caseworker == null) {
      return Optional.empty();
    }
    return entry.team().or(caseworker::team).map(team -> new CaseAssignment(entry.caseNumber(), caseworker.id(), team));
  }

  private static EntryError caseError(CaseEntry entry, Map<ResourceId, Resource> resources) {
    if (!resources.containsKey(entry.caseworker())) {
      return new EntryError(entry.label(), "the office has no caseworker " + entry.caseworker());
    }
    return new EntryError(entry.label(), "caseworker " + entry.caseworker() + " is in no team; name the team whose deputy stands in");
  }

  /** Stores with {@code write}; a concurrent change to the catalog that breaks a reference rejects the whole import. */
  private static ImportResult stored(int entries, List<RuleProblem> problems, Runnable write) {
    try {
      write.run();
    } catch (IllegalArgumentException changedMeanwhile) {
      return new Rejected(ImmutableList.of(new EntryError("file", changedMeanwhile.getMessage())));
    }
    return new Imported(entries, ImmutableList.copyOf(problems));
  }
}
