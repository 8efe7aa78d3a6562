package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseAssignment;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.HouseNumberRange;
import org.opentermin.core.routing.InitialRange;
import org.opentermin.core.routing.NamePrefixes;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.Parity;
import org.opentermin.core.routing.PostalCode;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.StreetName;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.ports.out.RoutingStore;

/**
 * {@link RoutingStore} in PostgreSQL. A replacement deletes and inserts in one transaction that
 * also bumps the version row, so readers see the old rules or the new ones, never a mix; foreign
 * keys refuse rules naming unknown offices, caseworkers or services.
 */
final class JdbiRoutingStore implements RoutingStore {

  private final Transactions transactions;

  JdbiRoutingStore(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public RoutingTables tables() {
    return transactions.readConsistent(
        handle -> {
          ImmutableList<AddressRule> addressRules =
              RoutingSql.addressRules(handle).stream()
                  .map(JdbiRoutingStore::addressRule)
                  .collect(ImmutableList.toImmutableList());
          ImmutableList<TeamRule> teamRules =
              RoutingSql.teamRules(handle).stream()
                  .map(JdbiRoutingStore::teamRule)
                  .collect(ImmutableList.toImmutableList());
          ImmutableMap<OfficeId, OfficeRouting> offices =
              RoutingSql.offices(handle).stream()
                  .collect(
                      ImmutableMap.toImmutableMap(
                          row -> OfficeId.of(row.officeId()),
                          row ->
                              new OfficeRouting(
                                  new NamePrefixes(ImmutableList.copyOf(row.ignoredPrefixes())),
                                  row.exclusive())));
          Map<OfficeId, Map<TeamId, ResourceId>> deputies = new LinkedHashMap<>();
          for (RoutingSql.DeputyRow row : RoutingSql.deputies(handle)) {
            deputies
                .computeIfAbsent(OfficeId.of(row.officeId()), ignored -> new LinkedHashMap<>())
                .put(TeamId.of(row.teamId()), ResourceId.of(row.resourceId()));
          }
          ImmutableMap<OfficeId, ImmutableMap<TeamId, ResourceId>> deputyTables =
              deputies.entrySet().stream()
                  .collect(
                      ImmutableMap.toImmutableMap(
                          Map.Entry::getKey, entry -> ImmutableMap.copyOf(entry.getValue())));
          return new RoutingTables(addressRules, teamRules, offices, deputyTables);
        });
  }

  @Override
  public long version() {
    return transactions.read(RoutingSql::version);
  }

  @Override
  public void replaceAddressRules(List<AddressRule> rules) {
    List<RoutingSql.AddressRuleRow> rows = new ArrayList<>();
    for (AddressRule rule : checkNotNull(rules, "rules")) {
      rows.add(
          new RoutingSql.AddressRuleRow(
              rows.size(),
              rule.label(),
              rule.postalCode().value(),
              rule.street().map(StreetName::key).orElse(null),
              rule.houseNumbers().map(HouseNumberRange::from).orElse(null),
              rule.houseNumbers().map(HouseNumberRange::to).orElse(null),
              rule.houseNumbers().map(range -> range.parity().name()).orElse(null),
              rule.office().value()));
    }
    changeRules(
        handle -> {
          RoutingSql.deleteAddressRules(handle);
          RoutingSql.insertAddressRules(handle, rows);
        },
        "office of an address rule");
  }

  @Override
  public void replaceTeamRules(OfficeId office, List<TeamRule> rules) {
    checkNotNull(office, "office");
    List<RoutingSql.TeamRuleRow> rows = new ArrayList<>();
    for (TeamRule rule : checkNotNull(rules, "rules")) {
      checkArgument(
          rule.office().equals(office),
          "team rule %s is for office %s, not %s",
          rule.label(),
          rule.office(),
          office);
      Optional<TeamId> team =
          rule.responsible() instanceof Responsible.Team byTeam
              ? Optional.of(byTeam.team())
              : Optional.empty();
      Optional<ResourceId> caseworker =
          rule.responsible() instanceof Responsible.Caseworker byCaseworker
              ? Optional.of(byCaseworker.caseworker())
              : Optional.empty();
      rows.add(
          new RoutingSql.TeamRuleRow(
              office.value(),
              rows.size(),
              rule.label(),
              rule.initials().from(),
              rule.initials().to(),
              rule.service().map(ServiceId::value).orElse(null),
              team.map(TeamId::value).orElse(null),
              caseworker.map(ResourceId::value).orElse(null)));
    }
    changeRules(
        handle -> {
          RoutingSql.deleteTeamRules(handle, office.value());
          RoutingSql.insertTeamRules(handle, rows);
        },
        "office, caseworker or service of a team rule");
  }

  @Override
  public void saveOfficeRouting(OfficeId office, OfficeRouting routing) {
    checkNotNull(office, "office");
    checkNotNull(routing, "routing");
    RoutingSql.OfficeRow row =
        new RoutingSql.OfficeRow(
            office.value(),
            routing.namePrefixes().ignored().toArray(String[]::new),
            routing.exclusive());
    changeRules(handle -> RoutingSql.saveOffice(handle, row), "office");
  }

  @Override
  public void saveDeputy(OfficeId office, TeamId team, Optional<ResourceId> deputy) {
    checkNotNull(office, "office");
    checkNotNull(team, "team");
    checkNotNull(deputy, "deputy");
    changeRules(
        handle -> {
          if (deputy.isPresent()) {
            RoutingSql.saveDeputy(
                handle,
                new RoutingSql.DeputyRow(office.value(), team.value(), deputy.get().value()));
          } else {
            RoutingSql.deleteDeputy(handle, office.value(), team.value());
          }
        },
        "office or caseworker of a deputy");
  }

  @Override
  public Optional<CaseAssignment> caseAssignment(OfficeId office, CaseNumber caseNumber) {
    checkNotNull(office, "office");
    checkNotNull(caseNumber, "caseNumber");
    return transactions
        .read(handle -> RoutingSql.caseAssignment(handle, office.value(), caseNumber.value()))
        .map(JdbiRoutingStore::caseAssignment);
  }

  @Override
  public ImmutableList<CaseAssignment> caseAssignments(OfficeId office) {
    checkNotNull(office, "office");
    return transactions.read(handle -> RoutingSql.caseAssignments(handle, office.value())).stream()
        .map(JdbiRoutingStore::caseAssignment)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public void replaceCaseAssignments(OfficeId office, List<CaseAssignment> assignments) {
    checkNotNull(office, "office");
    List<RoutingSql.CaseRow> rows =
        checkNotNull(assignments, "assignments").stream()
            .map(assignment -> caseRow(office, assignment))
            .toList();
    transactions.write(
        handle -> {
          RoutingSql.deleteCaseAssignments(handle, office.value());
          RoutingSql.insertCaseAssignments(handle, rows);
        },
        "office or caseworker of a case");
  }

  @Override
  public void saveCaseAssignment(OfficeId office, CaseAssignment assignment) {
    checkNotNull(office, "office");
    RoutingSql.CaseRow row = caseRow(office, checkNotNull(assignment, "assignment"));
    transactions.write(
        handle -> RoutingSql.saveCaseAssignment(handle, row), "office or caseworker of a case");
  }

  @Override
  public boolean removeCaseAssignment(OfficeId office, CaseNumber caseNumber) {
    checkNotNull(office, "office");
    checkNotNull(caseNumber, "caseNumber");
    return transactions.singleStatement(
        handle -> RoutingSql.deleteCaseAssignment(handle, office.value(), caseNumber.value()));
  }

  /** A change of the rules: the version moves in the same transaction. */
  private void changeRules(Consumer<Handle> work, String whatMustExist) {
    transactions.write(
        handle -> {
          RoutingSql.bumpVersion(handle);
          work.accept(handle);
        },
        whatMustExist);
  }

  private static RoutingSql.CaseRow caseRow(OfficeId office, CaseAssignment assignment) {
    return new RoutingSql.CaseRow(
        office.value(),
        assignment.caseNumber().value(),
        assignment.caseworker().value(),
        assignment.team().value());
  }

  private static CaseAssignment caseAssignment(RoutingSql.CaseRow row) {
    return new CaseAssignment(
        CaseNumber.of(row.caseNumber()), ResourceId.of(row.resourceId()), TeamId.of(row.teamId()));
  }

  private static AddressRule addressRule(RoutingSql.AddressRuleRow row) {
    Optional<HouseNumberRange> houseNumbers =
        row.houseFrom() == null
            ? Optional.empty()
            : Optional.of(
                new HouseNumberRange(row.houseFrom(), row.houseTo(), Parity.valueOf(row.parity())));
    return new AddressRule(
        row.label(),
        PostalCode.of(row.postalCode()),
        Optional.ofNullable(row.streetKey()).map(StreetName::new),
        houseNumbers,
        OfficeId.of(row.officeId()));
  }

  private static TeamRule teamRule(RoutingSql.TeamRuleRow row) {
    Responsible responsible =
        row.teamId() != null
            ? Responsible.team(TeamId.of(row.teamId()))
            : Responsible.caseworker(ResourceId.of(row.resourceId()));
    return new TeamRule(
        row.label(),
        OfficeId.of(row.officeId()),
        new InitialRange(row.initialsFrom(), row.initialsTo()),
        Optional.ofNullable(row.serviceId()).map(ServiceId::of),
        responsible);
  }
}
