package org.opentermin.http.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.Quarantine;

class AccessPolicyJsonTest {

  @Test
  void theRecommendedPresetReadsBackExactly() {
    assertThat(AccessPolicyJson.of(AccessPolicy.recommended()).toDomain())
        .isEqualTo(AccessPolicy.recommended());
  }

  @Test
  void aFinerDurationThanTheApiShowsIsRoundedUpInsteadOfFailing() {
    AccessPolicy embedded =
        AccessPolicy.none()
            .withQuarantine(new Quarantine(Duration.ofSeconds(90), Duration.ofMinutes(30)));

    AccessPolicyJson shown = AccessPolicyJson.of(embedded);

    assertThat(shown.quarantine().delayMinutes()).isEqualTo(2);
    assertThat(shown.quarantine().randomWindowMinutes()).isEqualTo(30);
  }
}
