package org.opentermin.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTest {

  private static final OfficeId OFFICE = OfficeId.of("buergeramt-mitte");
  private static final ServiceId PASSPORT = ServiceId.of("passport");
  private static final ServiceId ID_CARD = ServiceId.of("id-card");
  private static final ServiceId REGISTRATION = ServiceId.of("registration");

  private static final Resource CASEWORKER =
      Resource.of(
          ResourceId.of("sb-01"),
          OFFICE,
          "Sachbearbeitung 1",
          ResourceKind.CASEWORKER,
          List.of(PASSPORT, ID_CARD));

  @Test
  void caseworkerCanServeEachOfItsSkillsAndAllOfThemTogether() {
    assertThat(CASEWORKER.canServeAll(List.of(PASSPORT))).isTrue();
    assertThat(CASEWORKER.canServeAll(List.of(ID_CARD, PASSPORT))).isTrue();
  }

  @Test
  void caseworkerCannotServeACombinationWithAServiceItLacks() {
    assertThat(CASEWORKER.canServeAll(List.of(PASSPORT, REGISTRATION))).isFalse();
    assertThat(CASEWORKER.canServeAll(List.of(REGISTRATION))).isFalse();
  }

  @Test
  void anyResourceCanServeNothing() {
    Resource room =
        Resource.of(ResourceId.of("room-3"), OFFICE, "Raum 3", ResourceKind.ROOM, List.of());

    assertThat(room.canServeAll(List.of())).isTrue();
    assertThat(room.canServeAll(List.of(PASSPORT))).isFalse();
  }

  @Test
  void resourceWithoutTeamCanBePutIntoOne() {
    TeamId team = TeamId.of("ausweise");

    Resource member = CASEWORKER.inTeam(team);

    assertThat(CASEWORKER.team()).isEmpty();
    assertThat(member.team()).contains(team);
    assertThat(member.skills()).isEqualTo(CASEWORKER.skills());
  }

  @Test
  void blankNameIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Resource.of(
                    ResourceId.of("sb-02"),
                    OFFICE,
                    "",
                    ResourceKind.CASEWORKER,
                    List.of(PASSPORT)));
  }
}
