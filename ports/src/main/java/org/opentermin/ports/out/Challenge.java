package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * A test a client passes before it may place a hold, so that bots cannot grab capacity faster than
 * people. A proof of work by default ({@link org.opentermin.ports.challenge.ProofOfWorkChallenge});
 * a captcha service can implement it instead. Each issued challenge passes at most once.
 * Implementations are thread-safe and never throw for what a client sends.
 */
public interface Challenge {

  /** A new challenge for a client, at least {@code difficultyBits} hard, valid from {@code now}. */
  Ticket issue(int difficultyBits, Instant now);

  /**
   * Whether {@code solution} answers {@code challenge}. {@link Verdict#PASSED} is answered once per
   * challenge; malformed, forged or too easy challenges and wrong solutions are {@link
   * Verdict#FAILED}, never an exception.
   *
   * @param minimumDifficultyBits how hard the challenge must have been; one issued easier fails
   */
  Verdict verify(String challenge, String solution, int minimumDifficultyBits, Instant now);

  /**
   * What a client is given to solve: the opaque challenge text, the name of the algorithm that
   * tells the client what to do with it, how hard it is, and until when (exclusive) it may be
   * answered.
   */
  record Ticket(String challenge, String algorithm, int difficultyBits, Instant expiresAt) {
    public Ticket {
      checkNotNull(challenge, "challenge");
      checkArgument(!challenge.isEmpty(), "a challenge needs text");
      checkNotNull(algorithm, "algorithm");
      checkArgument(!algorithm.isEmpty(), "a challenge needs an algorithm");
      checkArgument(difficultyBits >= 0, "difficulty must not be negative, not %s", difficultyBits);
      checkNotNull(expiresAt, "expiresAt");
    }
  }

  /** The outcome of checking a solution. */
  enum Verdict {
    /** Solved, in time, and for the first time. */
    PASSED,
    /** Wrong solution, or a challenge that is malformed, forged or easier than required. */
    FAILED,
    /** Genuine, but answered at or after its expiry; the client needs a new one. */
    EXPIRED,
    /** Genuine and solved, but it already passed once. */
    ALREADY_USED
  }
}
