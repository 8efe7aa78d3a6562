package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseAssignment;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.RuleProblem;
import org.opentermin.core.routing.TeamRule;

/**
 * Administrators: import the responsibility rules, set how offices take part and who deputises for
 * a team; staff: maintain which caseworker holds which case. An import checks every entry against
 * the catalog and replaces the old ones only if all are valid: a bad file changes nothing. Every
 * change is recorded in the audit log of each office it touches, as done {@code by} the actor.
 * Whether the caller may change an office is for the adapter that authenticated them.
 */
public interface ConfigureResponsibility {

  /** Replaces every address rule of the municipality. */
  ImportResult replaceAddressRules(List<AddressRule> rules, Actor by);

  /** Replaces the team rules of {@code office}. */
  ImportResult replaceTeamRules(OfficeId office, List<TeamRule> rules, Actor by);

  /** Replaces the case assignments of {@code office}. */
  ImportResult replaceCaseAssignments(OfficeId office, List<CaseEntry> cases, Actor by);

  /**
   * The errors {@link #replaceAddressRules} would refuse {@code rules} for, storing nothing: for a
   * file some of whose lines could not even be read, so that one answer names every bad line.
   */
  ImmutableList<EntryError> checkAddressRules(List<AddressRule> rules);

  /** As {@link #checkAddressRules}, for {@link #replaceTeamRules}. */
  ImmutableList<EntryError> checkTeamRules(OfficeId office, List<TeamRule> rules);

  /** As {@link #checkAddressRules}, for {@link #replaceCaseAssignments}. */
  ImmutableList<EntryError> checkCases(OfficeId office, List<CaseEntry> cases);

  /**
   * Assigns one case; refused for an unknown office or caseworker, or a caseworker without a team.
   */
  Outcome assignCase(OfficeId office, CaseEntry entry, Actor by);

  /** Removes the assignment of one case; whether there was one. */
  boolean removeCase(OfficeId office, CaseNumber caseNumber, Actor by);

  /** Sets how {@code office} takes part in routing; false for an unknown office. */
  boolean saveOfficeRouting(OfficeId office, OfficeRouting routing, Actor by);

  /**
   * Sets the deputy of a team, or with empty nobody; refused if the deputy is no caseworker of the
   * office.
   */
  Outcome saveDeputy(OfficeId office, TeamId team, Optional<ResourceId> deputy, Actor by);

  /** The rules as stored. */
  Tables tables();

  /** The office's case assignments, sorted by case number. */
  ImmutableList<CaseAssignment> caseAssignments(OfficeId office);

  /** The flaws of the stored rules: overlaps and gaps. */
  ImmutableList<RuleProblem> problems();

  /** A change done, or refused with a reason. */
  sealed interface Outcome permits Done, Refused {}

  /** The change was made. */
  record Done() implements Outcome {}

  /**
   * One case as staff give it: its number, its caseworker and the team whose deputy stands in,
   * which defaults to the caseworker's team. {@code label} names it in errors ("line 7").
   */
  record CaseEntry(
      String label, CaseNumber caseNumber, ResourceId caseworker, Optional<TeamId> team) {
    public CaseEntry {
      checkNotNull(label, "label");
      checkNotNull(caseNumber, "caseNumber");
      checkNotNull(caseworker, "caseworker");
      checkNotNull(team, "team");
    }
  }

  /** What an import did, or why it did nothing. */
  sealed interface ImportResult permits Imported, Rejected {}

  /** Every entry was stored; {@code problems} are the flaws the new rules have, e.g. gaps. */
  record Imported(int entries, ImmutableList<RuleProblem> problems) implements ImportResult {
    public Imported {
      checkArgument(entries >= 0, "entries must not be negative");
      problems = ImmutableList.copyOf(checkNotNull(problems, "problems"));
    }
  }

  /** Nothing was stored, because of these entries. */
  record Rejected(ImmutableList<EntryError> errors) implements ImportResult {
    public Rejected {
      errors = ImmutableList.copyOf(checkNotNull(errors, "errors"));
      checkArgument(!errors.isEmpty(), "a rejection names at least one error");
    }
  }

  /** What is wrong with one entry, named by its label (e.g. "line 12"). */
  record EntryError(String label, String message) {
    public EntryError {
      checkNotNull(label, "label");
      checkNotNull(message, "message");
    }
  }

  /**
   * The rules as stored: the municipality's address rules, the offices' team rules in their order,
   * how each office takes part in routing (open unless set), and the teams' deputies.
   */
  record Tables(
      ImmutableList<AddressRule> addressRules,
      ImmutableList<TeamRule> teamRules,
      ImmutableMap<OfficeId, OfficeRouting> offices,
      ImmutableMap<OfficeId, ImmutableMap<TeamId, ResourceId>> deputies) {

    public Tables {
      addressRules = ImmutableList.copyOf(checkNotNull(addressRules, "addressRules"));
      teamRules = ImmutableList.copyOf(checkNotNull(teamRules, "teamRules"));
      offices = ImmutableMap.copyOf(checkNotNull(offices, "offices"));
      deputies = ImmutableMap.copyOf(checkNotNull(deputies, "deputies"));
    }

    /** How {@code office} takes part in routing; open if nothing is set. */
    public OfficeRouting office(OfficeId office) {
      return offices.getOrDefault(checkNotNull(office, "office"), OfficeRouting.OPEN);
    }
  }
}
