package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.fairness.FairnessFixtures.SECRET;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.ServiceId;

class AccessPolicyTest {

  @Test
  void noneHasNoRule() {
    assertThat(AccessPolicy.none().isNone()).isTrue();
    assertThat(AccessPolicy.none().release()).isEmpty();
  }

  @Test
  void recommendedPresetIsValidAndHasEveryRule() {
    AccessPolicy recommended = AccessPolicy.recommended();

    assertThat(recommended.isNone()).isFalse();
    assertThat(recommended.release())
        .contains(
            new ReleasePolicy(
                LocalTime.of(8, 0),
                Duration.ofHours(2),
                ImmutableList.of(new ReleaseWave(14, 50), new ReleaseWave(7, 50))));
    assertThat(recommended.contingents().orElseThrow().sharePercent())
        .containsEntry(Contingent.ONLINE, 70)
        .containsEntry(Contingent.PHONE, 20)
        .containsEntry(Contingent.URGENT, 10);
    assertThat(recommended.quarantine())
        .contains(new Quarantine(Duration.ofMinutes(15), Duration.ofHours(3)));
    assertThat(recommended.identityLimit()).contains(new IdentityLimit(1, Duration.ofDays(30)));
    assertThat(recommended.holdLimit()).contains(new HoldLimit(3));
    assertThat(recommended.rescheduleLimit()).contains(new RescheduleLimit(3));
    assertThat(recommended.lottery()).contains(new LotteryPolicy(Duration.ofHours(48)));
    assertThat(recommended.waitingList()).contains(new WaitingListPolicy(Duration.ofHours(12)));
    assertThat(recommended.challenge()).contains(new ChallengePolicy(false, 18, 120));
    assertThat(recommended.fairAssignment()).contains(FairAssignment.equalWeights());
  }

  @Test
  void lotteryWithoutReleaseIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new AccessPolicy(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(new LotteryPolicy(Duration.ofHours(48))),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .withMessageContaining("lottery")
        .withMessageContaining("release policy");
  }

  @Test
  void aSingleRuleMakesAPolicyThatIsNotNone() {
    assertThat(FairnessFixtures.only(new Quarantine(Duration.ZERO, Duration.ZERO)).isNone())
        .isFalse();
  }

  @Test
  void namedServiceWithItsOwnPolicyReplacesTheOfficePolicy() {
    ServiceId passport = ServiceId.of("passport");
    ServiceId advice = ServiceId.of("advice");
    AccessPolicy strict = AccessPolicy.recommended();
    AccessPolicies policies =
        new AccessPolicies(AccessPolicy.none(), ImmutableMap.of(passport, strict), SECRET);

    assertThat(policies.forServices(List.of(advice, passport))).isEqualTo(strict);
    assertThat(policies.forServices(List.of(advice))).isEqualTo(AccessPolicy.none());
    assertThat(policies.forServices(List.of())).isEqualTo(AccessPolicy.none());
    assertThat(AccessPolicies.none(SECRET).forServices(List.of(passport)).isNone()).isTrue();
  }

  @Test
  void policiesTextDoesNotShowTheSecret() {
    assertThat(AccessPolicies.none(SECRET).toString())
        .doesNotContain(SECRET.toUuid().toString(), Long.toString(SECRET.high()));
  }
}
