package org.opentermin.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.routing.AddressRule;
import org.opentermin.core.routing.CaseAssignment;
import org.opentermin.core.routing.CaseNumber;
import org.opentermin.core.routing.NamePrefixes;
import org.opentermin.core.routing.OfficeRouting;
import org.opentermin.core.routing.Parity;
import org.opentermin.core.routing.Responsible;
import org.opentermin.core.routing.TeamRule;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.RoutingStore;

/**
 * Every {@link RoutingStore} MUST pass this. Subclasses supply a fresh catalog and routing store
 * sharing one backing storage; the catalog is filled with {@link ContractFixtures#fill} first.
 */
public abstract class RoutingStoreContract {

  private static final TeamId TEAM_A = TeamId.of("team-a");
  private static final CaseNumber CASE_7 = CaseNumber.of("SBH-7/2026");
  private static final CaseNumber CASE_8 = CaseNumber.of("SBH-8/2026");

  private RoutingStore store;

  /** A catalog and a routing store on the same empty storage. */
  public record Stores(CatalogStore catalog, RoutingStore routing) {}

  protected abstract Stores newStores();

  @BeforeEach
  void createStores() {
    Stores stores = newStores();
    ContractFixtures.fill(stores.catalog());
    store = stores.routing();
  }

  private static List<AddressRule> cityRules() {
    return List.of(
        AddressRule.of("line 2", "80331", OFFICE),
        AddressRule.of("line 3", "80331", "Hauptstraße", OTHER_OFFICE),
        AddressRule.of("line 4", "80331", "Hauptstraße", 1, 99, Parity.ODD, OFFICE),
        AddressRule.of("line 5", "80333", "Am Platzl", 2, 20, Parity.ALL, OTHER_OFFICE));
  }

  @Test
  void aNewStoreHasNoRules() {
    RoutingStore.RoutingTables tables = store.tables();

    assertThat(tables.addressRules()).isEmpty();
    assertThat(tables.teamRules()).isEmpty();
    assertThat(tables.office(OFFICE)).isEqualTo(OfficeRouting.OPEN);
    assertThat(store.caseAssignments(OFFICE)).isEmpty();
  }

  @Test
  void addressRulesComeBackWhole_inTheirOrder() {
    store.replaceAddressRules(cityRules());

    assertThat(store.tables().addressRules()).containsExactlyElementsOf(cityRules());
  }

  @Test
  void replacingAddressRulesDropsTheOldOnes_andChangesTheVersion() {
    store.replaceAddressRules(cityRules());
    long before = store.version();

    store.replaceAddressRules(List.of(AddressRule.of("line 2", "81667", OTHER_OFFICE)));

    assertThat(store.tables().addressRules())
        .containsExactly(AddressRule.of("line 2", "81667", OTHER_OFFICE));
    assertThat(store.version()).isNotEqualTo(before);
  }

  @Test
  void anAddressRuleForAnUnknownOfficeChangesNothing() {
    store.replaceAddressRules(cityRules());
    List<AddressRule> bad =
        List.of(
            AddressRule.of("line 2", "81667", OFFICE),
            AddressRule.of("line 3", "81669", OfficeId.of("nowhere")));

    assertThatIllegalArgumentException().isThrownBy(() -> store.replaceAddressRules(bad));

    assertThat(store.tables().addressRules()).containsExactlyElementsOf(cityRules());
  }

  @Test
  void teamRulesAreReplacedPerOffice() {
    List<TeamRule> north =
        List.of(
            TeamRule.of("line 2", OFFICE, "A–K", Responsible.team(TEAM_A)),
            TeamRule.of("line 3", OFFICE, "L–Z", Responsible.caseworker(BEN)),
            TeamRule.of("line 4", OFFICE, "A–Z", BASIC_INCOME.id(), Responsible.caseworker(ANNA)));
    List<TeamRule> south =
        List.of(TeamRule.of("line 2", OTHER_OFFICE, "A–Z", Responsible.caseworker(ANNA)));
    store.replaceTeamRules(OFFICE, north);
    store.replaceTeamRules(OTHER_OFFICE, south);

    store.replaceTeamRules(OFFICE, north.subList(0, 2));

    assertThat(store.tables().teamRules())
        .containsExactlyInAnyOrder(north.get(0), north.get(1), south.get(0));
    assertThat(store.tables().teamRules().indexOf(north.get(0)))
        .isLessThan(store.tables().teamRules().indexOf(north.get(1)));
  }

  @Test
  void aTeamRuleNamingAnUnknownCaseworkerOrServiceChangesNothing() {
    List<TeamRule> good =
        List.of(TeamRule.of("line 2", OFFICE, "A–Z", Responsible.caseworker(ANNA)));
    store.replaceTeamRules(OFFICE, good);

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                store.replaceTeamRules(
                    OFFICE,
                    List.of(
                        TeamRule.of("line 2", OFFICE, "A–K", Responsible.caseworker(ANNA)),
                        TeamRule.of(
                            "line 3",
                            OFFICE,
                            "L–Z",
                            Responsible.caseworker(ResourceId.of("nobody"))))));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                store.replaceTeamRules(
                    OFFICE,
                    List.of(
                        TeamRule.of(
                            "line 2",
                            OFFICE,
                            "A–Z",
                            ServiceId.of("no-such-service"),
                            Responsible.caseworker(ANNA)))));

    assertThat(store.tables().teamRules()).containsExactlyElementsOf(good);
  }

  @Test
  void officeSettingsAreKept_andChangeTheVersion() {
    long before = store.version();
    OfficeRouting exclusive = new OfficeRouting(NamePrefixes.COMMON, true);

    store.saveOfficeRouting(OFFICE, exclusive);

    assertThat(store.tables().office(OFFICE)).isEqualTo(exclusive);
    assertThat(store.tables().office(OTHER_OFFICE)).isEqualTo(OfficeRouting.OPEN);
    assertThat(store.version()).isNotEqualTo(before);
  }

  @Test
  void ownPrefixListsSurviveTheRoundTrip() {
    OfficeRouting own = new OfficeRouting(NamePrefixes.ignoring("von der", "van"), false);

    store.saveOfficeRouting(OFFICE, own);

    assertThat(store.tables().office(OFFICE)).isEqualTo(own);
  }

  @Test
  void aDeputyCanBeSetAndRemoved() {
    store.saveDeputy(OFFICE, TEAM_A, Optional.of(BEN));
    assertThat(store.tables().deputy(OFFICE, TEAM_A)).contains(BEN);
    assertThat(store.tables().deputy(OTHER_OFFICE, TEAM_A)).isEmpty();

    store.saveDeputy(OFFICE, TEAM_A, Optional.empty());

    assertThat(store.tables().deputy(OFFICE, TEAM_A)).isEmpty();
  }

  @Test
  void aCaseIsFoundOnlyAtItsOffice() {
    CaseAssignment assignment = new CaseAssignment(CASE_7, ANNA, TEAM_A);

    store.saveCaseAssignment(OFFICE, assignment);

    assertThat(store.caseAssignment(OFFICE, CASE_7)).contains(assignment);
    assertThat(store.caseAssignment(OTHER_OFFICE, CASE_7)).isEmpty();
    assertThat(store.caseAssignment(OFFICE, CASE_8)).isEmpty();
  }

  @Test
  void savingACaseAgainMovesIt() {
    store.saveCaseAssignment(OFFICE, new CaseAssignment(CASE_7, ANNA, TEAM_A));

    store.saveCaseAssignment(OFFICE, new CaseAssignment(CASE_7, BEN, TEAM_A));

    assertThat(store.caseAssignments(OFFICE))
        .containsExactly(new CaseAssignment(CASE_7, BEN, TEAM_A));
  }

  @Test
  void replacingCasesDropsTheOldOnes_andListsThemByNumber() {
    store.saveCaseAssignment(OFFICE, new CaseAssignment(CaseNumber.of("OLD-1"), ANNA, TEAM_A));

    store.replaceCaseAssignments(
        OFFICE,
        List.of(new CaseAssignment(CASE_8, BEN, TEAM_A), new CaseAssignment(CASE_7, ANNA, TEAM_A)));

    assertThat(store.caseAssignments(OFFICE))
        .containsExactly(
            new CaseAssignment(CASE_7, ANNA, TEAM_A), new CaseAssignment(CASE_8, BEN, TEAM_A));
  }

  @Test
  void aCaseForAnUnknownCaseworkerChangesNothing() {
    store.saveCaseAssignment(OFFICE, new CaseAssignment(CASE_7, ANNA, TEAM_A));

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                store.replaceCaseAssignments(
                    OFFICE,
                    List.of(
                        new CaseAssignment(CASE_8, BEN, TEAM_A),
                        new CaseAssignment(
                            CaseNumber.of("X-1"), ResourceId.of("nobody"), TEAM_A))));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> store.saveCaseAssignment(OTHER_OFFICE, new CaseAssignment(CASE_8, BEN, TEAM_A)));

    assertThat(store.caseAssignments(OFFICE))
        .containsExactly(new CaseAssignment(CASE_7, ANNA, TEAM_A));
    assertThat(store.caseAssignments(OTHER_OFFICE)).isEmpty();
  }

  @Test
  void removingACaseSaysWhetherThereWasOne() {
    store.saveCaseAssignment(OFFICE, new CaseAssignment(CASE_7, ANNA, TEAM_A));

    assertThat(store.removeCaseAssignment(OFFICE, CASE_7)).isTrue();
    assertThat(store.removeCaseAssignment(OFFICE, CASE_7)).isFalse();
    assertThat(store.caseAssignment(OFFICE, CASE_7)).isEmpty();
  }
}
