package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.google.common.io.BaseEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expected hashes were computed outside Java (Python's hashlib) from the UTF-8 bytes of {@code
 * challenge + ":" + solution}; their leading zero bits are counted by hand in the comments.
 */
class ProofOfWorkTest {

  private static byte[] hex(String hex) {
    return BaseEncoding.base16().lowerCase().decode(hex);
  }

  @ParameterizedTest(name = "{0} has {1} leading zero bits")
  @CsvSource({
    "'', 0",
    "80, 0",
    "4d, 1",
    "01, 7",
    "00, 8",
    "000f, 12",
    "0080, 8",
    "0000, 16",
    "00000001ff, 31"
  })
  void leadingZeroBitsCountFromTheMostSignificantBitOfTheFirstByte(String bytes, int zeros) {
    assertThat(ProofOfWork.leadingZeroBits(hex(bytes))).isEqualTo(zeros);
  }

  @Test
  void leadingZeroBitsOfKnownSha256Digests() {
    // SHA-256("opentermin:2") = 002e31ab...: 0x00 is 8 zero bits, 0x2e = 0010 1110 adds 2.
    assertThat(
            ProofOfWork.leadingZeroBits(
                hex("002e31abcfc8ee379fc2cbfb5b9e77efccc9cca29d2bf6eb5fcab005b71f0193")))
        .isEqualTo(10);
    // SHA-256("opentermin:5646") = 0002d8eb...: 0x00, then 0x02 = 0000 0010 adds 6.
    assertThat(
            ProofOfWork.leadingZeroBits(
                hex("0002d8eb31e57f9b799eeebb87a7b409c3092c1d50618923afd41debe3107b64")))
        .isEqualTo(14);
  }

  @Test
  void solutionSolvesUpToTheLeadingZeroBitsOfItsHashAndNoFurther() {
    // SHA-256("opentermin:2") starts with 10 zero bits.
    assertThat(ProofOfWork.solves("opentermin", "2", 10)).isTrue();
    assertThat(ProofOfWork.solves("opentermin", "2", 11)).isFalse();
    // SHA-256("opentermin:0") = 4d71...: 0x4d = 0100 1101, one zero bit.
    assertThat(ProofOfWork.solves("opentermin", "0", 1)).isTrue();
    assertThat(ProofOfWork.solves("opentermin", "0", 2)).isFalse();
  }

  @Test
  void everySolutionSolvesAtDifficultyZero() {
    assertThat(ProofOfWork.solves("opentermin", "anything", 0)).isTrue();
    assertThat(ProofOfWork.solve("opentermin", 0)).isEqualTo("0");
  }

  @Test
  void solveFindsTheSmallestDecimalCounter() {
    // Counters 0 and 1 hash to 4d71... and 4516...: one zero bit each; 2 hashes to 002e31ab...
    assertThat(ProofOfWork.solve("opentermin", 4)).isEqualTo("2");
    assertThat(ProofOfWork.solve("opentermin", 8)).isEqualTo("2");
    // SHA-256("opentermin:5646") = 0002d8eb..., the first counter with 12 zero bits.
    assertThat(ProofOfWork.solve("opentermin", 12)).isEqualTo("5646");
  }

  @Test
  void challengeIsHashedAsUtf8() {
    // SHA-256("Sozialbürgerhaus:134") in UTF-8 = 0065d80d...: 0x00, then 0x65 = 0110 0101 adds 1.
    assertThat(ProofOfWork.solve("Sozialbürgerhaus", 8)).isEqualTo("134");
    assertThat(ProofOfWork.solves("Sozialbürgerhaus", "134", 9)).isTrue();
    assertThat(ProofOfWork.solves("Sozialbürgerhaus", "134", 10)).isFalse();
  }

  @ParameterizedTest(name = "challenge \"{0}\"")
  @ValueSource(
      strings = {
        "",
        "a",
        "AAECAwQFBgcICQoLDA0ODw.c2lnbmF0dXJl",
        "Bürgerbüro Mitte",
        "with:colons:inside"
      })
  void solvedChallengeIsSolvedAndNoSmallerCounterSolvesIt(String challenge) {
    int bits = 8;
    String solution = ProofOfWork.solve(challenge, bits);

    assertThat(ProofOfWork.solves(challenge, solution, bits)).isTrue();
    for (long smaller = 0; smaller < Long.parseLong(solution); smaller++) {
      assertThat(ProofOfWork.solves(challenge, Long.toString(smaller), bits))
          .as("counter %s", smaller)
          .isFalse();
    }
  }

  @Test
  void solutionOfOneChallengeDoesNotCarryOverToAnother() {
    // "2" solves "opentermin" at 8 bits, but SHA-256("Sozialbürgerhaus:2") has fewer zero bits:
    // the smallest solution there is 134.
    assertThat(ProofOfWork.solves("Sozialbürgerhaus", "2", 8)).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\" is no solution")
  @ValueSource(
      strings = {
        "",
        " 2",
        "2 ",
        "-2",
        "+2",
        "2.0",
        "２",
        "٢",
        "a_b",
        "123456789012345678901234567890123"
      })
  void malformedSolutionsSolveNothingEvenAtDifficultyZero(String solution) {
    assertThat(ProofOfWork.solves("opentermin", solution, 0)).isFalse();
  }

  @Test
  void longestWellFormedSolutionIsAccepted() {
    assertThat(ProofOfWork.solves("opentermin", "aZ9".repeat(10) + "xy", 0)).isTrue();
  }

  @Test
  void difficultyOutsideZeroToThirtyBitsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProofOfWork.solves("opentermin", "2", -1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProofOfWork.solves("opentermin", "2", 31));
    assertThatIllegalArgumentException().isThrownBy(() -> ProofOfWork.solve("opentermin", 31));
    assertThatIllegalArgumentException().isThrownBy(() -> ProofOfWork.solve("opentermin", -1));
    assertThat(ProofOfWork.solves("opentermin", "2", ProofOfWork.MAXIMUM_DIFFICULTY_BITS))
        .isFalse();
  }

  @Test
  void nullsAreRejected() {
    assertThatNullPointerException().isThrownBy(() -> ProofOfWork.solves(null, "2", 8));
    assertThatNullPointerException().isThrownBy(() -> ProofOfWork.solves("opentermin", null, 8));
    assertThatNullPointerException().isThrownBy(() -> ProofOfWork.solve(null, 8));
    assertThatNullPointerException().isThrownBy(() -> ProofOfWork.leadingZeroBits(null));
  }
}
