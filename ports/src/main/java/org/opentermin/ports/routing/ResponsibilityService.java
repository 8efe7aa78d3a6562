package org.opentermin.ports.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.RefusalReason;
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
import org.opentermin.core.routing.OfficeRouting;
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

/**
 * Resolves responsibility from the stored rules; imports, checked against the catalog, are left to
 * a {@link ResponsibilityConfiguration} that shares the stores. The compiled rules are reused while
 * the store's version stays the same, which is checked at most every {@code recheckAfter}: an
 * import reaches every app instance within that time. A case's caseworker counts as absent while an
 * absence of theirs covers the present moment, or when they no longer work at the office; their
 * team's deputy then stands in. Thread-safe.
 */
public final class ResponsibilityService implements ResolveResponsibility, ConfigureResponsibility {

  private final CatalogStore catalog;
  private final RoutingStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final CompiledRouting compiled;
  private final ResponsibilityConfiguration configuration;

  public ResponsibilityService(
      CatalogStore catalog,
      RoutingStore store,
      AuditLog audit,
      Clock clock,
      Duration recheckAfter) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.store = checkNotNull(store, "store");
    this.audit = checkNotNull(audit, "audit");
    this.clock = checkNotNull(clock, "clock");
    checkNotNull(recheckAfter, "recheckAfter");
    checkArgument(!recheckAfter.isNegative(), "recheck must not be negative");
    this.compiled = new CompiledRouting(store, clock, recheckAfter);
    this.configuration =
        new ResponsibilityConfiguration(this.catalog, this.store, this.audit, this.clock);
  }

  /** A service that sees every change from the next request on. */
  public ResponsibilityService(
      CatalogStore catalog, RoutingStore store, AuditLog audit, Clock clock) {
    this(catalog, store, audit, clock, Duration.ZERO);
  }

  @Override
  public ResponsibilityResult resolve(RoutingInputs inputs, Optional<ServiceId> service) {
    checkNotNull(inputs, "inputs");
    checkNotNull(service, "service");
    if (service.isPresent() && catalog.service(service.get()).isEmpty()) {
      return new Refused(RefusalReason.INVALID_REQUEST, "unknown service " + service.get());
    }
    return resolve(inputs, service, catalog::schedule);
  }

  /**
   * As {@link #resolve(RoutingInputs, Optional)}, with the offices' schedules (for the absences of
   * caseworkers) from {@code schedules}, e.g. compiled ones a caller has at hand.
   */
  public ResponsibilityResult resolve(
      RoutingInputs inputs,
      Optional<ServiceId> service,
      Function<OfficeId, Optional<OfficeSchedule>> schedules) {
    CompiledRouting.Compiled current = compiled.current();
    Optional<Routing> routing = current.rules().route(inputs.address(), inputs.surname(), service);
    if (routing.isEmpty()) {
      return new Refused(
          RefusalReason.NOT_COVERED,
          "no office is responsible for this address online; check the postal code and street");
    }
    OfficeId office = routing.get().office();
    if (inputs.caseNumber().isPresent()) {
      Optional<CaseAssignment> assignment = store.caseAssignment(office, inputs.caseNumber().get());
      if (assignment.isPresent()) {
        Optional<OfficeSchedule> schedule = schedules.apply(office);
        Instant now = clock.instant();
        Optional<CaseRouting> byCase =
            new CaseAssignments(List.of(assignment.get()))
                .routeCase(
                    inputs.caseNumber().get(),
                    resource -> isAbsent(schedule, resource, now),
                    team -> current.tables().deputy(office, team));
        if (byCase.isPresent()) {
          return new Found(
              new Routing(office, Optional.of(Responsible.caseworker(byCase.get().caseworker()))),
              byCase);
        }
      }
    }
    return new Found(routing.get(), Optional.empty());
  }

  /**
   * Which of the office's resources may serve a citizen routed to {@code responsible}: a team's
   * members or the one caseworker.
   */
  public static ImmutableSet<ResourceId> servingResources(
      Responsible responsible, Iterable<Resource> resources) {
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

  /**
   * Whether citizens may only book online with routing inputs: the channel is online and the office
   * exclusive.
   */
  public boolean requiresRouting(OfficeId office, Channel channel) {
    return channel == Channel.ONLINE && compiled.current().tables().office(office).exclusive();
  }

  private static boolean isAbsent(
      Optional<OfficeSchedule> schedule, ResourceId resource, Instant now) {
    if (schedule.isEmpty()) {
      return true;
    }
    LocalDateTime local = LocalDateTime.ofInstant(now, schedule.get().office().zone());
    return schedule.get().resources().stream()
        .filter(scheduled -> scheduled.resource().id().equals(resource))
        .findFirst()
        .map(
            scheduled ->
                scheduled.workingTime().absences().stream()
                    .anyMatch(absence -> absence.covers(local)))
        .orElse(true);
  }

  @Override
  public ImmutableList<EntryError> checkAddressRules(List<AddressRule> rules) {
    return configuration.checkAddressRules(rules);
  }

  @Override
  public ImportResult replaceAddressRules(List<AddressRule> rules, Actor by) {
    return configuration.replaceAddressRules(rules, by);
  }

  @Override
  public ImmutableList<EntryError> checkTeamRules(OfficeId office, List<TeamRule> rules) {
    return configuration.checkTeamRules(office, rules);
  }

  @Override
  public ImportResult replaceTeamRules(OfficeId office, List<TeamRule> rules, Actor by) {
    return configuration.replaceTeamRules(office, rules, by);
  }

  @Override
  public ImmutableList<EntryError> checkCases(OfficeId office, List<CaseEntry> cases) {
    return configuration.checkCases(office, cases);
  }

  @Override
  public ImportResult replaceCaseAssignments(OfficeId office, List<CaseEntry> cases, Actor by) {
    return configuration.replaceCaseAssignments(office, cases, by);
  }

  @Override
  public Outcome assignCase(OfficeId office, CaseEntry entry, Actor by) {
    return configuration.assignCase(office, entry, by);
  }

  @Override
  public boolean removeCase(OfficeId office, CaseNumber caseNumber, Actor by) {
    return configuration.removeCase(office, caseNumber, by);
  }

  @Override
  public boolean saveOfficeRouting(OfficeId office, OfficeRouting routing, Actor by) {
    return configuration.saveOfficeRouting(office, routing, by);
  }

  @Override
  public Outcome saveDeputy(OfficeId office, TeamId team, Optional<ResourceId> deputy, Actor by) {
    return configuration.saveDeputy(office, team, deputy, by);
  }

  @Override
  public Tables tables() {
    return configuration.tables();
  }

  @Override
  public ImmutableList<CaseAssignment> caseAssignments(OfficeId office) {
    return configuration.caseAssignments(office);
  }

  @Override
  public ImmutableList<RuleProblem> problems() {
    return configuration.problems();
  }
}
