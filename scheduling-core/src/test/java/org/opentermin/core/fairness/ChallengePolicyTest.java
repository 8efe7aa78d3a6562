package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChallengePolicyTest {

  @ParameterizedTest(name = "always={0}, {1} bits, threshold {2}, {3} holds -> {4}")
  @CsvSource({
    "false, 18, 120, 0, -1",
    "false, 18, 120, 120, -1",
    "false, 18, 120, 121, 18",
    "false, 18, 120, 239, 18",
    "false, 18, 120, 240, 19",
    "false, 18, 120, 479, 19",
    "false, 18, 120, 480, 20",
    "false, 18, 120, 1000000, 30",
    "true, 18, 120, 0, 18",
    "true, 18, 120, 240, 19",
    "true, 12, 0, 1000000, 12",
    "false, 12, 0, 1000000, -1",
    "false, 30, 1, 2, 30",
    "false, 1, 1, 2147483647, 30",
  })
  void difficultyRisesWithTheRate(
      boolean always, int bits, int threshold, int holds, int expected) {
    OptionalInt required = new ChallengePolicy(always, bits, threshold).requiredDifficulty(holds);

    assertThat(required).isEqualTo(expected < 0 ? OptionalInt.empty() : OptionalInt.of(expected));
  }

  @Test
  void boundsAreChecked() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ChallengePolicy(true, 0, 0))
        .withMessageContaining("1 to 30 bits");
    assertThatIllegalArgumentException().isThrownBy(() -> new ChallengePolicy(true, 31, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ChallengePolicy(true, 8, 1_000_001))
        .withMessageContaining("1000000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ChallengePolicy(true, 8, 10).requiredDifficulty(-1));
  }
}
