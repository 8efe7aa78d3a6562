package org.opentermin.ports.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.MORNINGS;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.caseworker;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ResourceKind;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.Address;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.CaseRouting;
import org.opentermin.core.routing.NamePrefixes;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.RoutingInputs;
import org.opentermin.core.routing.RuleProblem;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.contract.MutableClock;
import org.opentermin.ports.in.ConfigureResponsibility.CaseEntry;
import org.opentermin.ports.in.ConfigureResponsibility.Done;
import org.opentermin.ports.in.ConfigureResponsibility.EntryError;
import org.opentermin.ports.in.ConfigureResponsibility.ImportResult;
import org.opentermin.ports.in.ConfigureResponsibility.Imported;
import org.opentermin.ports.in.ConfigureResponsibility.Rejected;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ResolveResponsibility.Found;
import org.opentermin.ports.in.ResolveResponsibility.ResponsibilityResult;
import org.opentermin.ports.memory.InMemoryAuditLog;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryRoutingStore;
import org.opentermin.ports.out.AuditLog;

/**
 * Responsibility in a small city: 80331 belongs to the northern office, which files surnames A–K
 * with team A (Anna) and L–Z with team B (Ben); 81667 belongs to the southern office.
 */
class ResponsibilityServiceTest {

  private static final TeamId TEAM_A = TeamId.of("team-a");
  private static final TeamId TEAM_B = TeamId.of("team-b");
  private static final Address NORTH = Address.of("80331", "Hauptstraße", "12");
  private static final Address SOUTH = Address.of("81667", "Rosenheimer Straße", "5");

  private static final Actor ADMIN = Actor.staff("admin-1");

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private InMemoryCatalogStore catalog;
  private InMemoryRoutingStore store;
  private ResponsibilityService service;

  /** Fills the catalog and routing store with the small city. */
  private static void city(InMemoryCatalogStore catalog, ResponsibilityService service) {
    ContractFixtures.fill(catalog);
    catalog.saveResource(caseworker(BEN, OFFICE).inTeam(TEAM_B));
    assertThat(
            service.replaceAddressRules(
                List.of(
                    AddressRule.of("line 2", "80331", OFFICE),
                    AddressRule.of("line 3", "81667", OTHER_OFFICE)),
                ADMIN))
        .isInstanceOf(Imported.class);
    assertThat(
            service.replaceTeamRules(
                OFFICE,
                List.of(
                    TeamRule.of("line 2", OFFICE, "A–K", Responsible.team(TEAM_A)),
                    TeamRule.of("line 3", OFFICE, "L–Z", Responsible.team(TEAM_B))),
                ADMIN))
        .isInstanceOf(Imported.class);
  }

  @BeforeEach
  void setUp() {
    catalog = new InMemoryCatalogStore();
    store = new InMemoryRoutingStore(catalog);
    service = new ResponsibilityService(catalog, store, audit, clock);
    city(catalog, service);
  }

  private Found found(ResponsibilityResult result) {
    assertThat(result).isInstanceOf(Found.class);
    return (Found) result;
  }

  private Found resolve(Address address, String surname) {
    return found(service.resolve(RoutingInputs.of(address, surname), Optional.empty()));
  }

  @Test
  void theAddressPicksTheOffice_andTheSurnameTheTeam() {
    assertThat(resolve(NORTH, "Ärmel").routing().responsible()).contains(Responsible.team(TEAM_A));
    assertThat(resolve(NORTH, "Müller").routing().responsible()).contains(Responsible.team(TEAM_B));
    assertThat(resolve(SOUTH, "Müller").routing().office()).isEqualTo(OTHER_OFFICE);
    assertThat(resolve(SOUTH, "Müller").routing().responsible())
        .as("the southern office does not split by surname")
        .isEmpty();
  }

  @Test
  void theOfficesPrefixSettingDecidesWhereVonArnimFiles() {
    assertThat(resolve(NORTH, "von Arnim").routing().responsible())
        .as("kept: V")
        .contains(Responsible.team(TEAM_B));

    assertThat(
            service.saveOfficeRouting(OFFICE, new OfficeRouting(NamePrefixes.COMMON, false), ADMIN))
        .isTrue();

    assertThat(resolve(NORTH, "von Arnim").routing().responsible())
        .as("ignored: A")
        .contains(Responsible.team(TEAM_A));
  }

  @Test
  void anAddressNoRuleCoversIsRefused() {
    ResponsibilityResult result =
        service.resolve(RoutingInputs.of(Address.of("99999"), "Müller"), Optional.empty());

    assertThat(result).isInstanceOf(Refused.class);
    assertThat(((Refused) result).reason()).isEqualTo(RefusalReason.NOT_COVERED);
  }

  @Test
  void aSurnameThatIsOnlyAPrefixFilesUnderThePrefix() {
    service.saveOfficeRouting(OFFICE, new OfficeRouting(NamePrefixes.COMMON, false), ADMIN);

    assertThat(resolve(NORTH, "Van").routing().responsible()).contains(Responsible.team(TEAM_B));
  }

  @Test
  void anExistingCaseGoesToItsCaseworker_whateverTheSurname() {
    CaseNumber number = CaseNumber.of("SBH-7/2026");
    assertThat(
            service.assignCase(OFFICE, new CaseEntry("api", number, ANNA, Optional.empty()), ADMIN))
        .isInstanceOf(Done.class);

    Found found =
        found(
            service.resolve(RoutingInputs.of(NORTH, "Müller").withCase(number), Optional.empty()));

    assertThat(found.routing().responsible()).contains(Responsible.caseworker(ANNA));
    assertThat(found.byCase()).contains(new CaseRouting(number, ANNA, false));
  }

  @Test
  void whileTheCaseworkerIsAbsent_theTeamsDeputyStandsIn() {
    CaseNumber number = CaseNumber.of("SBH-7/2026");
    service.assignCase(OFFICE, new CaseEntry("api", number, ANNA, Optional.empty()), ADMIN);
    assertThat(service.saveDeputy(OFFICE, TEAM_A, Optional.of(BEN), ADMIN))
        .isInstanceOf(Done.class);
    catalog.saveWorkingTime(
        OFFICE,
        ANNA,
        WorkingTime.builder()
            .rules(MORNINGS.rules())
            .absence(Absence.wholeDays(MONDAY_DATE.minusDays(1), MONDAY_DATE.plusDays(2)))
            .build());

    Found found =
        found(service.resolve(RoutingInputs.of(NORTH, "Ärmel").withCase(number), Optional.empty()));

    assertThat(found.routing().responsible()).contains(Responsible.caseworker(BEN));
    assertThat(found.byCase()).contains(new CaseRouting(number, BEN, true));
  }

  @Test
  void anAbsentCaseworkerWithoutDeputy_fallsBackToTheSurnameRule() {
    CaseNumber number = CaseNumber.of("SBH-7/2026");
    service.assignCase(OFFICE, new CaseEntry("api", number, ANNA, Optional.empty()), ADMIN);
    catalog.saveWorkingTime(
        OFFICE,
        ANNA,
        WorkingTime.builder()
            .rules(MORNINGS.rules())
            .absence(Absence.wholeDays(MONDAY_DATE.minusDays(1), MONDAY_DATE.plusDays(2)))
            .build());

    Found found =
        found(
            service.resolve(RoutingInputs.of(NORTH, "Müller").withCase(number), Optional.empty()));

    assertThat(found.routing().responsible()).contains(Responsible.team(TEAM_B));
    assertThat(found.byCase()).isEmpty();
  }

  @Test
  void anUnknownCaseNumberFallsBackToTheSurnameRule() {
    Found found =
        found(
            service.resolve(
                RoutingInputs.of(NORTH, "Ärmel").withCase(CaseNumber.of("NOPE-1")),
                Optional.empty()));

    assertThat(found.routing().responsible()).contains(Responsible.team(TEAM_A));
  }

  @Test
  void aRuleForTheServiceWinsOverTheRuleForEveryService() {
    service.replaceTeamRules(
        OFFICE,
        List.of(
            TeamRule.of("line 2", OFFICE, "A–Z", Responsible.team(TEAM_A)),
            TeamRule.of("line 3", OFFICE, "A–Z", BASIC_INCOME.id(), Responsible.caseworker(BEN))),
        ADMIN);

    Found forBasicIncome =
        found(service.resolve(RoutingInputs.of(NORTH, "Ärmel"), Optional.of(BASIC_INCOME.id())));
    Found forAnything = resolve(NORTH, "Ärmel");

    assertThat(forBasicIncome.routing().responsible()).contains(Responsible.caseworker(BEN));
    assertThat(forAnything.routing().responsible()).contains(Responsible.team(TEAM_A));
  }

  @Test
  void anUnknownServiceIsRefused() {
    ResponsibilityResult result =
        service.resolve(RoutingInputs.of(NORTH, "Ärmel"), Optional.of(ServiceId.of("nope")));

    assertThat(((Refused) result).reason()).isEqualTo(RefusalReason.INVALID_REQUEST);
  }

  @Test
  void aBadTeamImportNamesEveryBadLine_andChangesNothing() {
    ImportResult result =
        service.replaceTeamRules(
            OFFICE,
            List.of(
                TeamRule.of("line 2", OFFICE, "A–K", Responsible.team(TeamId.of("team-x"))),
                TeamRule.of(
                    "line 3", OFFICE, "L–Z", Responsible.caseworker(ResourceId.of("nobody"))),
                TeamRule.of(
                    "line 4", OFFICE, "A–Z", ServiceId.of("nope"), Responsible.team(TEAM_A)),
                TeamRule.of("line 5", OTHER_OFFICE, "A–Z", Responsible.team(TEAM_A))),
            ADMIN);

    assertThat(result).isInstanceOf(Rejected.class);
    assertThat(((Rejected) result).errors())
        .extracting(EntryError::label)
        .containsExactly("line 2", "line 3", "line 4", "line 5");
    assertThat(resolve(NORTH, "Müller").routing().responsible()).contains(Responsible.team(TEAM_B));
  }

  @Test
  void anAddressImportNamingAnUnknownOfficeChangesNothing() {
    ImportResult result =
        service.replaceAddressRules(
            List.of(
                AddressRule.of("line 2", "80331", OFFICE),
                AddressRule.of("line 3", "81667", OfficeId.of("nowhere"))),
            ADMIN);

    assertThat(((Rejected) result).errors())
        .containsExactly(new EntryError("line 3", "unknown office nowhere"));
    assertThat(resolve(SOUTH, "Müller").routing().office()).isEqualTo(OTHER_OFFICE);
  }

  @Test
  void anImportWithAGapIsStored_andTheGapReported() {
    ImportResult result =
        service.replaceTeamRules(
            OFFICE,
            List.of(
                TeamRule.of("line 2", OFFICE, "A–K", Responsible.team(TEAM_A)),
                TeamRule.of("line 3", OFFICE, "M–Z", Responsible.team(TEAM_B))),
            ADMIN);

    assertThat(result).isInstanceOf(Imported.class);
    assertThat(((Imported) result).entries()).isEqualTo(2);
    assertThat(((Imported) result).problems())
        .extracting(RuleProblem::kind)
        .containsExactly(RuleProblem.Kind.INITIALS_GAP);
    assertThat(service.problems())
        .extracting(RuleProblem::kind)
        .containsExactly(RuleProblem.Kind.INITIALS_GAP);
    assertThat(resolve(NORTH, "Lehmann").routing().responsible()).as("nobody files L").isEmpty();
  }

  @Test
  void overlappingAddressRulesAreReported() {
    ImportResult result =
        service.replaceAddressRules(
            List.of(
                AddressRule.of("line 2", "80331", OFFICE),
                AddressRule.of("line 3", "80331", OTHER_OFFICE)),
            ADMIN);

    assertThat(((Imported) result).problems())
        .extracting(RuleProblem::kind)
        .containsExactly(RuleProblem.Kind.OVERLAPPING_ADDRESS_RULES);
  }

  @Test
  void aCaseImportWithADuplicateOrAnUnknownCaseworkerChangesNothing() {
    service.assignCase(
        OFFICE, new CaseEntry("api", CaseNumber.of("KEEP-1"), ANNA, Optional.empty()), ADMIN);

    ImportResult result =
        service.replaceCaseAssignments(
            OFFICE,
            List.of(
                new CaseEntry("line 2", CaseNumber.of("A-1"), ANNA, Optional.empty()),
                new CaseEntry("line 3", CaseNumber.of("A-1"), BEN, Optional.empty()),
                new CaseEntry(
                    "line 4", CaseNumber.of("A-2"), ResourceId.of("nobody"), Optional.empty())),
            ADMIN);

    assertThat(((Rejected) result).errors())
        .containsExactly(
            new EntryError("line 3", "the case is assigned already in line 2"),
            new EntryError("line 4", "the office has no caseworker nobody"));
    assertThat(service.caseAssignments(OFFICE))
        .extracting(assignment -> assignment.caseNumber().value())
        .containsExactly("KEEP-1");
  }

  @Test
  void aCaseOfACaseworkerWithoutTeamNeedsATeam() {
    catalog.saveResource(
        Resource.of(BEN, OFFICE, "Ben", ResourceKind.CASEWORKER, List.of(BASIC_INCOME.id())));

    assertThat(
            service.assignCase(
                OFFICE, new CaseEntry("api", CaseNumber.of("B-1"), BEN, Optional.empty()), ADMIN))
        .isInstanceOf(Refused.class);
    assertThat(
            service.assignCase(
                OFFICE,
                new CaseEntry("api", CaseNumber.of("B-1"), BEN, Optional.of(TEAM_B)),
                ADMIN))
        .isInstanceOf(Done.class);
  }

  @Test
  void aDeputyMustWorkAtTheOffice() {
    assertThat(service.saveDeputy(OFFICE, TEAM_A, Optional.of(ResourceId.of("nobody")), ADMIN))
        .isInstanceOf(Refused.class);
  }

  @Test
  void everyChangeIsAudited_withoutAnyCitizensData() {
    service.assignCase(
        OFFICE,
        new CaseEntry("api", CaseNumber.of("SBH-7/2026"), ANNA, Optional.empty()),
        Actor.staff("staff-9"));
    service.saveDeputy(OFFICE, TEAM_A, Optional.of(BEN), ADMIN);

    List<AuditEntry> office =
        audit.read(AuditLog.Query.firstPage(OFFICE, 100)).entries().stream()
            .map(AuditLog.Logged::entry)
            .toList();
    List<AuditEntry> other =
        audit.read(AuditLog.Query.firstPage(OTHER_OFFICE, 100)).entries().stream()
            .map(AuditLog.Logged::entry)
            .toList();

    assertThat(office).extracting(AuditEntry::action).containsOnly(AuditAction.CONFIGURED);
    assertThat(office)
        .extracting(AuditEntry::detail)
        .containsExactly(
            "address rules imported: 1 for this office", "team rules imported: 2",
            "a case assigned to anna of team team-a", "deputy of team team-a: ben");
    assertThat(office.get(2).actor()).isEqualTo(Actor.staff("staff-9"));
    assertThat(other)
        .extracting(AuditEntry::detail)
        .containsExactly("address rules imported: 1 for this office");
  }

  @Test
  void aRejectedImportIsNotAudited() {
    service.replaceTeamRules(
        OFFICE,
        List.of(TeamRule.of("line 2", OFFICE, "A–Z", Responsible.team(TeamId.of("team-x")))),
        ADMIN);

    assertThat(audit.read(AuditLog.Query.firstPage(OFFICE, 100)).entries()).hasSize(2);
  }
}
