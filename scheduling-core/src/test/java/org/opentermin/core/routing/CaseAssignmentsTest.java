package org.opentermin.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.TeamId;

class CaseAssignmentsTest {

  private static final ResourceId ANNA = ResourceId.of("anna");
  private static final ResourceId BERND = ResourceId.of("bernd");
  private static final TeamId TEAM = TeamId.of("team-1");
  private static final CaseNumber CASE = CaseNumber.of("SBH-12/2027");
  private static final CaseAssignments ASSIGNMENTS =
      new CaseAssignments(List.of(new CaseAssignment(CASE, ANNA, TEAM)));
  private static final Function<TeamId, Optional<ResourceId>> BERND_DEPUTISES =
      team -> Optional.ofNullable(Map.of(TEAM, BERND).get(team));

  @Test
  void presentCaseworkerServesTheirCase() {
    assertThat(ASSIGNMENTS.routeCase(CASE, id -> false, BERND_DEPUTISES))
        .contains(new CaseRouting(CASE, ANNA, false));
  }

  @Test
  void absentCaseworkerFallsBackToTheTeamsDeputy() {
    assertThat(ASSIGNMENTS.routeCase(CASE, ANNA::equals, BERND_DEPUTISES))
        .contains(new CaseRouting(CASE, BERND, true));
  }

  @Test
  void nobodyServesWhenTheDeputyIsAbsentTooOrMissing() {
    assertThat(ASSIGNMENTS.routeCase(CASE, Set.of(ANNA, BERND)::contains, BERND_DEPUTISES))
        .isEmpty();
    assertThat(ASSIGNMENTS.routeCase(CASE, ANNA::equals, team -> Optional.empty())).isEmpty();
    assertThat(ASSIGNMENTS.routeCase(CASE, ANNA::equals, team -> Optional.of(ANNA))).isEmpty();
  }

  @Test
  void unknownCaseRoutesNowhere() {
    assertThat(ASSIGNMENTS.routeCase(CaseNumber.of("SBH-13/2027"), id -> false, BERND_DEPUTISES))
        .isEmpty();
  }

  @Test
  void caseAssignedTwiceIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new CaseAssignments(
                    List.of(
                        new CaseAssignment(CASE, ANNA, TEAM),
                        new CaseAssignment(CASE, BERND, TEAM))))
        .withMessageContaining("SBH-12/2027");
    assertThatIllegalArgumentException().isThrownBy(() -> CaseNumber.of(" 12"));
  }
}
