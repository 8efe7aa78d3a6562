package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseAssignment;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.TeamRule;

/**
 * The municipality's responsibility rules as administrators import them, and the case assignments
 * staff maintain. Rules keep the order they were given in, which breaks ties. Implementations are
 * thread-safe; each method is atomic: a replacement that refers to an unknown office, resource or
 * service throws {@link IllegalArgumentException} and changes nothing.
 */
public interface RoutingStore {

  /** Every address rule, every office's team rules, settings and team deputies. */
  RoutingTables tables();

  /**
   * A number that changes whenever anything in {@link #tables()} changes, so that compiled rules
   * can be cached and checked cheaply.
   */
  long version();

  /** Replaces all address rules of the municipality. */
  void replaceAddressRules(List<AddressRule> rules);

  /** Replaces the team rules of {@code office}; every rule must be for that office. */
  void replaceTeamRules(OfficeId office, List<TeamRule> rules);

  /** Sets how {@code office} takes part in routing. */
  void saveOfficeRouting(OfficeId office, OfficeRouting routing);

  /** Sets who stands in for absent caseworkers of {@code team}, or with empty nobody. */
  void saveDeputy(OfficeId office, TeamId team, Optional<ResourceId> deputy);

  /** The office's assignment of {@code caseNumber}, if staff made one. */
  Optional<CaseAssignment> caseAssignment(OfficeId office, CaseNumber caseNumber);

  /** The office's case assignments, sorted by case number. */
  ImmutableList<CaseAssignment> caseAssignments(OfficeId office);

  /** Replaces all case assignments of {@code office}. */
  void replaceCaseAssignments(OfficeId office, List<CaseAssignment> assignments);

  /** Adds the assignment or replaces the one of its case number. */
  void saveCaseAssignment(OfficeId office, CaseAssignment assignment);

  /** Removes the assignment of {@code caseNumber}; whether there was one. */
  boolean removeCaseAssignment(OfficeId office, CaseNumber caseNumber);

  /**
   * The routing tables at one moment. Offices without settings are {@link OfficeRouting#OPEN}.
   * Immutable.
   *
   * @param deputies per office, who stands in for each team's absent caseworkers
   */
  record RoutingTables(
      ImmutableList<AddressRule> addressRules,
      ImmutableList<TeamRule> teamRules,
      ImmutableMap<OfficeId, OfficeRouting> offices,
      ImmutableMap<OfficeId, ImmutableMap<TeamId, ResourceId>> deputies) {

    public static final RoutingTables EMPTY =
        new RoutingTables(
            ImmutableList.of(), ImmutableList.of(), ImmutableMap.of(), ImmutableMap.of());

    public RoutingTables {
      addressRules = ImmutableList.copyOf(checkNotNull(addressRules, "addressRules"));
      teamRules = ImmutableList.copyOf(checkNotNull(teamRules, "teamRules"));
      offices = ImmutableMap.copyOf(checkNotNull(offices, "offices"));
      deputies = ImmutableMap.copyOf(checkNotNull(deputies, "deputies"));
    }

    public OfficeRouting office(OfficeId office) {
      return offices.getOrDefault(checkNotNull(office, "office"), OfficeRouting.OPEN);
    }

    public Optional<ResourceId> deputy(OfficeId office, TeamId team) {
      return Optional.ofNullable(deputies.getOrDefault(office, ImmutableMap.of()).get(team));
    }
  }
}
