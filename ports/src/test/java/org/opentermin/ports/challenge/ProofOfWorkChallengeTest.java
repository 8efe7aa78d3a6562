package org.opentermin.ports.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentermin.core.fairness.ProofOfWork;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.Challenge.Ticket;
import org.opentermin.ports.out.Challenge.Verdict;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.out.SpentChallenges;

class ProofOfWorkChallengeTest {

  private static final Instant NOW = Instant.parse("2026-12-06T17:00:00.250Z");
  private static final int BITS = 8;
  private static final byte[] SECRET =
      "a secret of at least 32 bytes, for tests only".getBytes(StandardCharsets.UTF_8);

  private final SpentChallenges spent = new InMemorySpentChallenges();
  private final ProofOfWorkChallenge challenges =
      new ProofOfWorkChallenge(SECRET, RandomSource.seeded(1), spent);

  @Test
  void ticketNamesTheAlgorithmDifficultyAndExpiryInWholeSeconds() {
    Ticket ticket = challenges.issue(BITS, NOW);

    assertThat(ticket.algorithm()).isEqualTo("hashcash-sha256");
    assertThat(ticket.difficultyBits()).isEqualTo(BITS);
    assertThat(ticket.expiresAt()).isEqualTo(Instant.parse("2026-12-06T17:05:00Z"));
    assertThat(ticket.challenge()).matches("[A-Za-z0-9_-]{46}\\.[A-Za-z0-9_-]{43}");
  }

  @Test
  void everyTicketIsADifferentChallenge() {
    assertThat(challenges.issue(BITS, NOW).challenge())
        .isNotEqualTo(challenges.issue(BITS, NOW).challenge());
  }

  @Test
  void solvedChallengePasses() {
    Ticket ticket = challenges.issue(BITS, NOW);

    String solution = ProofOfWork.solve(ticket.challenge(), BITS);

    assertThat(challenges.verify(ticket.challenge(), solution, BITS, NOW.plusSeconds(30)))
        .isEqualTo(Verdict.PASSED);
  }

  @Test
  void solvedChallengePassesOnlyOnce() {
    Ticket ticket = challenges.issue(BITS, NOW);
    String solution = ProofOfWork.solve(ticket.challenge(), BITS);
    challenges.verify(ticket.challenge(), solution, BITS, NOW);

    assertThat(challenges.verify(ticket.challenge(), solution, BITS, NOW.plusSeconds(1)))
        .isEqualTo(Verdict.ALREADY_USED);
  }

  @Test
  void secondSolutionOfAPassedChallengeIsAlreadyUsedToo() {
    Ticket ticket = challenges.issue(BITS, NOW);
    String first = ProofOfWork.solve(ticket.challenge(), BITS);
    challenges.verify(ticket.challenge(), first, BITS, NOW);

    String second = anotherSolution(ticket.challenge(), first);

    assertThat(challenges.verify(ticket.challenge(), second, BITS, NOW))
        .isEqualTo(Verdict.ALREADY_USED);
  }

  @Test
  void wrongSolutionFailsAndDoesNotUseUpTheChallenge() {
    Ticket ticket = challenges.issue(BITS, NOW);
    String solution = ProofOfWork.solve(ticket.challenge(), BITS);

    assertThat(challenges.verify(ticket.challenge(), wrongSolution(ticket.challenge()), BITS, NOW))
        .isEqualTo(Verdict.FAILED);
    assertThat(challenges.verify(ticket.challenge(), solution, BITS, NOW))
        .isEqualTo(Verdict.PASSED);
  }

  @Test
  void challengeAnsweredAtOrAfterItsExpiryHasExpired() {
    Ticket ticket = challenges.issue(BITS, NOW);
    String solution = ProofOfWork.solve(ticket.challenge(), BITS);

    assertThat(challenges.verify(ticket.challenge(), solution, BITS, ticket.expiresAt()))
        .isEqualTo(Verdict.EXPIRED);
    assertThat(challenges.verify(ticket.challenge(), solution, BITS, NOW.plus(Duration.ofHours(1))))
        .isEqualTo(Verdict.EXPIRED);
    assertThat(
            challenges.verify(
                ticket.challenge(), solution, BITS, ticket.expiresAt().minusMillis(1)))
        .as("just before its expiry")
        .isEqualTo(Verdict.PASSED);
  }

  @Test
  void lifetimeIsConfigurable() {
    ProofOfWorkChallenge shortLived =
        new ProofOfWorkChallenge(SECRET, RandomSource.seeded(2), Duration.ofSeconds(30), spent);
    Ticket ticket = shortLived.issue(BITS, NOW);
    String solution = ProofOfWork.solve(ticket.challenge(), BITS);

    assertThat(ticket.expiresAt()).isEqualTo(Instant.parse("2026-12-06T17:00:30Z"));
    assertThat(shortLived.verify(ticket.challenge(), solution, BITS, NOW.plusSeconds(30)))
        .isEqualTo(Verdict.EXPIRED);
  }

  @Test
  void challengeIssuedEasierThanRequiredFailsEvenWhenSolved() {
    Ticket easy = challenges.issue(4, NOW);
    String solution = ProofOfWork.solve(easy.challenge(), 4);

    assertThat(challenges.verify(easy.challenge(), solution, BITS, NOW)).isEqualTo(Verdict.FAILED);
    assertThat(challenges.verify(easy.challenge(), solution, 4, NOW))
        .as("not used up")
        .isEqualTo(Verdict.PASSED);
  }

  @Test
  void challengeIssuedHarderThanRequiredMustBeSolvedAtItsOwnDifficulty() {
    Ticket hard = challenges.issue(12, NOW);
    String easySolution = solutionAtExactly(hard.challenge(), 4, 12);

    assertThat(challenges.verify(hard.challenge(), easySolution, 4, NOW)).isEqualTo(Verdict.FAILED);
    assertThat(challenges.verify(hard.challenge(), ProofOfWork.solve(hard.challenge(), 12), 4, NOW))
        .isEqualTo(Verdict.PASSED);
  }

  @Test
  void tamperedSignatureFails() {
    Ticket ticket = challenges.issue(BITS, NOW);
    String tampered = flipLastCharacter(ticket.challenge());

    assertThat(challenges.verify(tampered, ProofOfWork.solve(tampered, BITS), BITS, NOW))
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void payloadChangedWithoutSigningItAgainFails() {
    Ticket ticket = challenges.issue(BITS, NOW);
    String[] parts = ticket.challenge().split("\\.");
    ByteBuffer payload = ByteBuffer.wrap(Base64.getUrlDecoder().decode(parts[0]));
    // A later expiry and no work at all.
    payload.putLong(9, payload.getLong(9) + 3600);
    payload.put(17, (byte) 0);
    String forged =
        Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array()) + "." + parts[1];

    assertThat(challenges.verify(forged, ProofOfWork.solve(forged, 0), 0, NOW))
        .isEqualTo(Verdict.FAILED);
  }

  @ParameterizedTest(name = "signed payload of {0} bytes and version {1} fails")
  @CsvSource({"34, 2", "34, 0", "33, 1", "35, 1", "0, 1"})
  void signedPayloadOfAnotherVersionOrLengthFails(int length, int version) throws Exception {
    byte[] payload = new byte[length];
    if (length >= 17) {
      // Otherwise genuine: unexpired, no work required.
      ByteBuffer.wrap(payload)
          .put(0, (byte) version)
          .putLong(9, NOW.plusSeconds(60).getEpochSecond());
    }
    String signed = Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    String challenge =
        signed
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));

    assertThat(challenges.verify(challenge, "0", 0, NOW)).isEqualTo(Verdict.FAILED);
  }

  @Test
  void challengeSignedWithAnotherSecretFails() {
    byte[] otherSecret = Arrays.copyOf(SECRET, SECRET.length);
    otherSecret[0] ^= 1;
    Ticket foreign =
        new ProofOfWorkChallenge(otherSecret, RandomSource.seeded(1), spent).issue(BITS, NOW);

    assertThat(
            challenges.verify(
                foreign.challenge(), ProofOfWork.solve(foreign.challenge(), BITS), BITS, NOW))
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void challengeIssuedByOneInstanceIsVerifiedByAnotherOnce() {
    ProofOfWorkChallenge first = new ProofOfWorkChallenge(SECRET, RandomSource.seeded(3), spent);
    ProofOfWorkChallenge second = new ProofOfWorkChallenge(SECRET, RandomSource.seeded(4), spent);
    Ticket ticket = first.issue(BITS, NOW);
    String solution = ProofOfWork.solve(ticket.challenge(), BITS);

    assertThat(second.verify(ticket.challenge(), solution, BITS, NOW.plusSeconds(10)))
        .isEqualTo(Verdict.PASSED);
    assertThat(first.verify(ticket.challenge(), solution, BITS, NOW.plusSeconds(11)))
        .isEqualTo(Verdict.ALREADY_USED);
    assertThat(second.verify(ticket.challenge(), solution, BITS, NOW.plusSeconds(12)))
        .isEqualTo(Verdict.ALREADY_USED);
  }

  @ParameterizedTest(name = "challenge \"{0}\" fails")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        ".",
        "abc",
        "abc.",
        ".abc",
        "a.b.c",
        "!!!.###",
        "AQAAAAA.AAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "ÄÖÜ.ß€",
        "\u0000.\u0000"
      })
  void malformedChallengeFails(String malformed) {
    String solution = malformed == null ? "0" : ProofOfWork.solve(malformed, 0);

    assertThat(challenges.verify(malformed, solution, 0, NOW)).isEqualTo(Verdict.FAILED);
  }

  @Test
  void veryLongChallengeFails() {
    String genuine = challenges.issue(0, NOW).challenge();

    assertThat(challenges.verify(genuine + "x".repeat(100_000), "0", 0, NOW))
        .isEqualTo(Verdict.FAILED);
  }

  @ParameterizedTest(name = "solution \"{0}\" fails")
  @NullAndEmptySource
  @ValueSource(strings = {" ", "-1", "1.0", "1 ", "٣", "123456789012345678901234567890123"})
  void malformedSolutionFailsEvenWithoutWork(String malformed) {
    Ticket ticket = challenges.issue(0, NOW);

    assertThat(challenges.verify(ticket.challenge(), malformed, 0, NOW)).isEqualTo(Verdict.FAILED);
    assertThat(challenges.verify(ticket.challenge(), "0", 0, NOW))
        .as("not used up")
        .isEqualTo(Verdict.PASSED);
  }

  @Test
  void configurationErrorsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProofOfWorkChallenge(new byte[31], RandomSource.seeded(1), spent));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new ProofOfWorkChallenge(SECRET, RandomSource.seeded(1), Duration.ZERO, spent));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ProofOfWorkChallenge(
                    SECRET, RandomSource.seeded(1), Duration.ofMillis(1500), spent));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ProofOfWorkChallenge(
                    SECRET, RandomSource.seeded(1), Duration.ofDays(2), spent));
    assertThatIllegalArgumentException().isThrownBy(() -> challenges.issue(31, NOW));
    assertThatIllegalArgumentException().isThrownBy(() -> challenges.issue(-1, NOW));
    assertThatIllegalArgumentException().isThrownBy(() -> challenges.verify("a.b", "0", 31, NOW));
  }

  @Test
  void secretIsCopiedSoThatChangingTheCallersArrayChangesNothing() {
    byte[] secret = SECRET.clone();
    ProofOfWorkChallenge instance = new ProofOfWorkChallenge(secret, RandomSource.seeded(5), spent);
    Ticket ticket = instance.issue(BITS, NOW);

    Arrays.fill(secret, (byte) 0);

    assertThat(
            instance.verify(
                ticket.challenge(), ProofOfWork.solve(ticket.challenge(), BITS), BITS, NOW))
        .isEqualTo(Verdict.PASSED);
  }

  /** A counter above {@code solved} that solves the challenge too. */
  private static String anotherSolution(String challenge, String solved) {
    for (long counter = Long.parseLong(solved) + 1; ; counter++) {
      if (ProofOfWork.solves(challenge, Long.toString(counter), BITS)) {
        return Long.toString(counter);
      }
    }
  }

  /**
   * A solution whose hash has fewer than {@link #BITS} leading zero bits, so it certainly fails.
   */
  private static String wrongSolution(String challenge) {
    for (long counter = 0; ; counter++) {
      if (!ProofOfWork.solves(challenge, Long.toString(counter), BITS)) {
        return Long.toString(counter);
      }
    }
  }

  /** A solution with at least {@code bits} but fewer than {@code notBits} leading zero bits. */
  private static String solutionAtExactly(String challenge, int bits, int notBits) {
    for (long counter = 0; ; counter++) {
      String candidate = Long.toString(counter);
      if (ProofOfWork.solves(challenge, candidate, bits)
          && !ProofOfWork.solves(challenge, candidate, notBits)) {
        return candidate;
      }
    }
  }

  private static String flipLastCharacter(String text) {
    char last = text.charAt(text.length() - 1);
    return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
  }
}
