package org.opentermin.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;

class ResponsibilityRulesTest {

  private static final OfficeId NORD = OfficeId.of("nord");
  private static final OfficeId SUED = OfficeId.of("sued");
  private static final OfficeId OST = OfficeId.of("ost");
  private static final Responsible TEAM_1 = Responsible.team(TeamId.of("team-1"));
  private static final Responsible TEAM_2 = Responsible.team(TeamId.of("team-2"));
  private static final Responsible TEAM_3 = Responsible.team(TeamId.of("team-3"));
  private static final Responsible ANNA = Responsible.caseworker(ResourceId.of("anna"));
  private static final ServiceId HOUSING = ServiceId.of("housing");

  private static final List<AddressRule> ADDRESSES =
      List.of(
          AddressRule.of("line 1", "80331", NORD),
          AddressRule.of("line 2", "80331", "Hauptstraße", SUED),
          AddressRule.of("line 3", "80331", "Hauptstraße", 1, 99, Parity.ODD, OST));

  private static final List<TeamRule> TEAMS =
      List.of(
          TeamRule.of("line 10", NORD, "A–Ge", TEAM_1),
          TeamRule.of("line 11", NORD, "Gf–Ma", TEAM_2),
          TeamRule.of("line 12", NORD, "Mb–Z", TEAM_3),
          TeamRule.of("line 13", NORD, "A–Z", HOUSING, ANNA));

  private static final ResponsibilityRules RULES = new ResponsibilityRules(ADDRESSES, TEAMS);

  @Test
  void mostSpecificAddressRuleWins() {
    assertThat(
            RULES
                .route(Address.of("80331", "Hauptstr.", "13a"), "Müller", Optional.empty())
                .map(Routing::office))
        .contains(OST);
    assertThat(
            RULES
                .route(Address.of("80331", "Hauptstr.", "14"), "Müller", Optional.empty())
                .map(Routing::office))
        .contains(SUED);
    assertThat(
            RULES
                .route(Address.of("80331", "Hauptstr."), "Müller", Optional.empty())
                .map(Routing::office))
        .contains(SUED);
    assertThat(
            RULES
                .route(Address.of("80331", "Marienplatz", "1"), "Müller", Optional.empty())
                .map(Routing::office))
        .contains(NORD);
  }

  @Test
  void unknownPostalCodeRoutesNowhere() {
    assertThat(RULES.route(Address.of("10115"), "Müller", Optional.empty())).isEmpty();
  }

  @Test
  void surnameInitialsPickTheTeamAtTheBoundaries() {
    Address nord = Address.of("80331");

    assertThat(RULES.route(nord, "Gez", Optional.empty()))
        .contains(new Routing(NORD, Optional.of(TEAM_1)));
    assertThat(RULES.route(nord, "Gfeller", Optional.empty()))
        .contains(new Routing(NORD, Optional.of(TEAM_2)));
    assertThat(RULES.route(nord, "Müller", Optional.empty()))
        .contains(new Routing(NORD, Optional.of(TEAM_3)));
    assertThat(RULES.route(nord, "Mayer", Optional.empty()))
        .contains(new Routing(NORD, Optional.of(TEAM_2)));
  }

  @Test
  void ruleForTheServiceWinsOverRuleForEveryService() {
    assertThat(RULES.route(Address.of("80331"), "Gez", Optional.of(HOUSING)))
        .contains(new Routing(NORD, Optional.of(ANNA)));
    assertThat(RULES.route(Address.of("80331"), "Gez", Optional.of(ServiceId.of("other"))))
        .contains(new Routing(NORD, Optional.of(TEAM_1)));
  }

  @Test
  void vonTrappGoesToTheTeamForTOnlyWhereTheOfficeIgnoresPrefixes() {
    List<TeamRule> teams =
        List.of(TeamRule.of("t1", NORD, "A–S", TEAM_1), TeamRule.of("t2", NORD, "T–Z", TEAM_2));
    ResponsibilityRules keeping = new ResponsibilityRules(ADDRESSES, teams);
    ResponsibilityRules ignoring =
        new ResponsibilityRules(ADDRESSES, teams, Map.of(NORD, NamePrefixes.COMMON));

    assertThat(
            keeping
                .route(Address.of("80331"), "von Trapp", Optional.empty())
                .flatMap(Routing::responsible))
        .contains(TEAM_2);
    assertThat(
            ignoring
                .route(Address.of("80331"), "von Trapp", Optional.empty())
                .flatMap(Routing::responsible))
        .contains(TEAM_2);
    assertThat(
            keeping
                .route(Address.of("80331"), "von Arnim", Optional.empty())
                .flatMap(Routing::responsible))
        .contains(TEAM_2);
    assertThat(
            ignoring
                .route(Address.of("80331"), "von Arnim", Optional.empty())
                .flatMap(Routing::responsible))
        .contains(TEAM_1);
  }

  @Test
  void officeWithoutTeamRulesServesAsAWhole() {
    assertThat(RULES.route(Address.of("80331", "Hauptstr."), "Strauß", Optional.empty()))
        .contains(new Routing(SUED, Optional.empty()));
  }

  @Test
  void strausAndStraussFileAlike() {
    List<TeamRule> teams =
        List.of(
            TeamRule.of("t1", NORD, "A–Strauss", TEAM_1),
            TeamRule.of("t2", NORD, "Straust–Z", TEAM_2));
    ResponsibilityRules rules = new ResponsibilityRules(ADDRESSES, teams);

    assertThat(
            rules
                .route(Address.of("80331"), "Strauß", Optional.empty())
                .flatMap(Routing::responsible))
        .contains(TEAM_1);
    assertThat(
            rules
                .route(Address.of("80331"), "Strauss", Optional.empty())
                .flatMap(Routing::responsible))
        .contains(TEAM_1);
    assertThat(rules.check()).isEmpty();
  }

  @Test
  void completeRulesHaveNoProblems() {
    assertThat(RULES.check()).isEmpty();
  }

  @Test
  void gapBetweenGeAndGhIsReportedWithTheRules() {
    ResponsibilityRules rules =
        new ResponsibilityRules(
            ADDRESSES,
            List.of(
                TeamRule.of("line 5", NORD, "A–Ge", TEAM_1),
                TeamRule.of("line 6", NORD, "Gh–Z", TEAM_2)));

    assertThat(rules.check())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(RuleProblem.Kind.INITIALS_GAP);
              assertThat(problem.labels()).containsExactly("line 5", "line 6");
              assertThat(problem.message())
                  .contains(
                      "'line 5'",
                      "'line 6'",
                      "office nord",
                      "every service",
                      "from 'Gf' up to but not including 'Gh'");
            });
    assertThat(rules.route(Address.of("80331"), "Gfeller", Optional.empty()))
        .contains(new Routing(NORD, Optional.empty()));
  }

  @Test
  void gapForAServiceIsReportedWhenItsRulesAndTheGeneralOnesLeaveOne() {
    ResponsibilityRules rules =
        new ResponsibilityRules(
            ADDRESSES, List.of(TeamRule.of("line 5", SUED, "A–M", HOUSING, TEAM_1)));

    assertThat(rules.check())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(RuleProblem.Kind.INITIALS_GAP);
              assertThat(problem.message())
                  .contains("service housing", "from 'N' to the end of the alphabet");
            });
  }

  @Test
  void overlappingTeamRulesOfTheSameServiceAreReported() {
    ResponsibilityRules rules =
        new ResponsibilityRules(
            ADDRESSES,
            List.of(
                TeamRule.of("line 5", NORD, "A–Ge", TEAM_1),
                TeamRule.of("line 6", NORD, "Ge–Z", TEAM_2),
                TeamRule.of("line 7", SUED, "A–Z", TEAM_1),
                TeamRule.of("line 8", SUED, "A–Z", HOUSING, TEAM_2)));

    assertThat(rules.check())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo(RuleProblem.Kind.OVERLAPPING_TEAM_RULES);
              assertThat(problem.labels()).containsExactly("line 5", "line 6");
              assertThat(problem.message())
                  .isEqualTo(
                      "Team rules 'line 5' (A–Ge) and 'line 6' (Ge–Z) of office nord overlap for"
                          + " every service.");
            });
  }

  @Test
  void overlappingAddressRulesOfTheSameSpecificityAreReported() {
    ResponsibilityRules rules =
        new ResponsibilityRules(
            List.of(
                AddressRule.of("line 1", "80331", "Hauptstraße", 1, 99, Parity.ODD, NORD),
                AddressRule.of("line 2", "80331", "Hauptstr.", 2, 98, Parity.EVEN, SUED),
                AddressRule.of("line 3", "80331", "Haupt-Straße", 95, 120, Parity.ALL, OST),
                AddressRule.of("line 4", "80333", NORD),
                AddressRule.of("line 5", "80333", SUED)),
            List.of());

    assertThat(rules.check())
        .extracting(RuleProblem::labels)
        .containsExactlyInAnyOrder(
            ImmutableList.of("line 1", "line 3"),
            ImmutableList.of("line 2", "line 3"),
            ImmutableList.of("line 4", "line 5"));
    assertThat(rules.check())
        .allSatisfy(
            problem ->
                assertThat(problem.kind()).isEqualTo(RuleProblem.Kind.OVERLAPPING_ADDRESS_RULES))
        .anySatisfy(
            problem ->
                assertThat(problem.message())
                    .isEqualTo(
                        "Address rules 'line 1' (80331 hauptstrasse 1–99 odd, office nord) and"
                            + " 'line 3' (80331 hauptstrasse 95–120, office ost) overlap: both"
                            + " match some address."));
  }

  @Test
  void firstOfOverlappingAddressRulesWinsUntilFixed() {
    ResponsibilityRules rules =
        new ResponsibilityRules(
            List.of(
                AddressRule.of("line 4", "80333", NORD), AddressRule.of("line 5", "80333", SUED)),
            List.of());

    assertThat(rules.route(Address.of("80333"), "Müller", Optional.empty()).map(Routing::office))
        .contains(NORD);
  }

  @Test
  void duplicateLabelsWithinOneFileAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ResponsibilityRules(
                    List.of(
                        AddressRule.of("line 1", "80331", NORD),
                        AddressRule.of("line 1", "80333", SUED)),
                    List.of()))
        .withMessageContaining("line 1");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ResponsibilityRules(
                    List.of(),
                    List.of(
                        TeamRule.of("line 1", NORD, "A–K", TEAM_1),
                        TeamRule.of("line 1", NORD, "L–Z", TEAM_1))))
        .withMessageContaining("line 1");
  }

  @Test
  void theSameLabelMayNameLinesOfDifferentFiles() {
    ResponsibilityRules rules =
        new ResponsibilityRules(
            List.of(AddressRule.of("line 1", "80331", NORD)),
            List.of(
                TeamRule.of("line 1", NORD, "A–Z", TEAM_1),
                TeamRule.of("line 1", SUED, "A–Z", TEAM_1)));

    assertThat(rules.check()).isEmpty();
  }
}
