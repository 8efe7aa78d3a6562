package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class ActorTest {

  @Test
  void citizenIsRecordedWithoutAnId() {
    assertThat(Actor.CITIZEN.kind()).isEqualTo("CITIZEN");
    assertThat(Actor.CITIZEN.id()).isEmpty();
  }

  @Test
  void systemIsRecordedWithoutAnId() {
    assertThat(Actor.SYSTEM.kind()).isEqualTo("SYSTEM");
    assertThat(Actor.SYSTEM.id()).isEmpty();
  }

  @Test
  void staffMemberIsRecordedWithTheirAccountId() {
    Actor clerk = Actor.staff("clerk-17");

    assertThat(clerk.kind()).isEqualTo("STAFF");
    assertThat(clerk.id()).isEqualTo("clerk-17");
  }

  @Test
  void staffWithTheSameIdAreTheSameActor() {
    assertThat(Actor.staff("clerk-17"))
        .isEqualTo(Actor.staff("clerk-17"))
        .isNotEqualTo(Actor.staff("clerk-18"));
  }

  @Test
  void citizenSystemAndStaffAreDifferentActors() {
    assertThat(Actor.CITIZEN).isNotEqualTo(Actor.SYSTEM);
    assertThat(Actor.staff("clerk-17")).isNotEqualTo(Actor.CITIZEN).isNotEqualTo(Actor.SYSTEM);
  }

  @Test
  void staffIdOfSixtyFourCharactersIsAccepted() {
    assertThat(Actor.staff("s".repeat(64)).id()).hasSize(64);
  }

  @Test
  void staffIdOfSixtyFiveCharactersIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Actor.staff("s".repeat(65)));
  }

  @Test
  void blankStaffIdIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Actor.staff(" "));
  }

  @Test
  void emptyStaffIdIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Actor.staff(""));
  }

  @Test
  void missingStaffIdIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> Actor.staff(null));
  }
}
