package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.opentermin.core.fairness.FairnessFixtures.OTHER_SECRET;
import static org.opentermin.core.fairness.FairnessFixtures.SECRET;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FairnessSecretTest {

  private static final UUID UUID_VALUE = UUID.fromString("6f1c9e52-3a7d-4e0b-9c55-0d2f7a41b8e3");

  @Test
  void roundTripsThroughItsUuid() {
    assertThat(FairnessSecret.of(UUID_VALUE).toUuid()).isEqualTo(UUID_VALUE);
  }

  @Test
  void textDoesNotShowTheSecret() {
    assertThat(SECRET.toString())
        .doesNotContain(UUID_VALUE.toString())
        .doesNotContain(Long.toString(SECRET.high()))
        .doesNotContain(Long.toString(SECRET.low()))
        .doesNotContain(Long.toHexString(SECRET.high()));
  }

  @Test
  void sameSecretGivesSameHashesInEveryInstance() {
    FairnessSecret again = FairnessSecret.of(UUID_VALUE);

    assertThat(again.hash("p", "a", 1)).isEqualTo(SECRET.hash("p", "a", 1));
    assertThat(again.keyedDigest("identity", "EMAIL:a@b.de"))
        .isEqualTo(SECRET.keyedDigest("identity", "EMAIL:a@b.de"));
  }

  @Test
  void aNumberHashesExactlyAsItsDecimalText() {
    for (long number :
        new long[] {0, 7, -7, 1_800_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE}) {
      assertThat(SECRET.hash("cell", "office", number))
          .as("%s", number)
          .isEqualTo(SECRET.hash("cell", "office", Long.toString(number)));
    }
    assertThat(SECRET.hash("cell", 42)).isEqualTo(SECRET.hash("cell", "42"));
    assertThat(SECRET.hash("cell", 42)).isNotEqualTo(SECRET.hash("cell", 43));
  }

  @Test
  void otherSecretGivesOtherHashes() {
    assertThat(OTHER_SECRET.hash("p", "a")).isNotEqualTo(SECRET.hash("p", "a"));
    assertThat(OTHER_SECRET.keyedDigest("p", "a")).isNotEqualTo(SECRET.keyedDigest("p", "a"));
  }

  @Test
  void partsAreJoinedUnambiguously() {
    assertThat(SECRET.hash("p", "ab", "c")).isNotEqualTo(SECRET.hash("p", "a", "bc"));
    assertThat(SECRET.hash("pa", "b")).isNotEqualTo(SECRET.hash("p", "ab"));
    assertThat(SECRET.keyedDigest("ab", "c")).isNotEqualTo(SECRET.keyedDigest("a", "bc"));
  }

  @Test
  void unitLiesInTheHalfOpenUnitInterval() {
    for (int i = 0; i < 10_000; i++) {
      assertThat(SECRET.unit("u", i)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
  }

  @Test
  void keyedDigestIsLowerCaseHexOfSha256Length() {
    assertThat(SECRET.keyedDigest("lottery", "x")).matches("[0-9a-f]{64}");
  }

  @Test
  void nullPartIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> SECRET.hash("p", "a", null));
  }
}
