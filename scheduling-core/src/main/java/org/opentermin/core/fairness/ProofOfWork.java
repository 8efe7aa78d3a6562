package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.CharMatcher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * Hashcash-style proof of work: a solution solves a challenge at a difficulty of {@code b} bits if
 * the SHA-256 hash of the UTF-8 bytes of {@code challenge + ":" + solution} begins with at least
 * {@code b} zero bits. Each attempt succeeds with probability 2<sup>-b</sup>, so a client needs
 * 2<sup>b</sup> hashes on average (every further bit doubles the work), while checking a solution
 * takes one hash. At 16 bits that is about 65,000 hashes, at 20 bits about a million.
 *
 * <p>A solution is 1 to {@value #MAXIMUM_SOLUTION_LENGTH} characters of {@code [0-9a-zA-Z]};
 * difficulties range from 0 to {@value #MAXIMUM_DIFFICULTY_BITS} bits. Clients may search solutions
 * in any order; {@link #solve} counts up in decimal. Stateless and thread-safe.
 */
public final class ProofOfWork {

  /** Beyond this, the expected work (2<sup>30</sup>, about a billion hashes) is no longer fair. */
  public static final int MAXIMUM_DIFFICULTY_BITS = 30;

  /** Room for any decimal {@code long} counter, and little to hash on the server. */
  public static final int MAXIMUM_SOLUTION_LENGTH = 32;

  private static final CharMatcher SOLUTION_CHARACTERS =
      CharMatcher.inRange('0', '9')
          .or(CharMatcher.inRange('a', 'z'))
          .or(CharMatcher.inRange('A', 'Z'));

  private ProofOfWork() {}

  /**
   * Whether {@code solution} solves {@code challenge} at {@code difficultyBits}. A solution that is
   * not 1 to {@value #MAXIMUM_SOLUTION_LENGTH} characters of {@code [0-9a-zA-Z]} solves nothing: it
   * comes from a client, so it is refused rather than rejected with an exception.
   *
   * @throws IllegalArgumentException if the difficulty is outside 0 to {@value
   *     #MAXIMUM_DIFFICULTY_BITS}
   */
  public static boolean solves(String challenge, String solution, int difficultyBits) {
    checkNotNull(challenge, "challenge");
    checkNotNull(solution, "solution");
    checkDifficulty(difficultyBits);
    return isWellFormed(solution) && leadingZeroBits(hash(challenge, solution)) >= difficultyBits;
  }

  /**
   * The smallest decimal counter ({@code "0"}, {@code "1"}, ...) that solves {@code challenge} at
   * {@code difficultyBits}; takes 2<sup>difficultyBits</sup> hashes on average. For tests,
   * simulations and as the reference for client implementations; the server only checks.
   *
   * @throws IllegalArgumentException if the difficulty is outside 0 to {@value
   *     #MAXIMUM_DIFFICULTY_BITS}
   */
  public static String solve(String challenge, int difficultyBits) {
    checkNotNull(challenge, "challenge");
    checkDifficulty(difficultyBits);
    // Terminates with certainty in practice: the chance that 2^40 attempts all fail at 30 bits
    // is below e^-1000, and a long counter has 2^63 of them.
    for (long counter = 0; ; counter++) {
      String candidate = Long.toString(counter);
      if (leadingZeroBits(hash(challenge, candidate)) >= difficultyBits) {
        return candidate;
      }
    }
  }

  /**
   * The number of zero bits before the first one bit, most significant bit of the first byte first.
   */
  public static int leadingZeroBits(byte[] bytes) {
    checkNotNull(bytes, "bytes");
    int zeros = 0;
    for (byte b : bytes) {
      if (b != 0) {
        return zeros + Integer.numberOfLeadingZeros(b & 0xff) - (Integer.SIZE - Byte.SIZE);
      }
      zeros += Byte.SIZE;
    }
    return zeros;
  }

  private static boolean isWellFormed(String solution) {
    return !solution.isEmpty()
        && solution.length() <= MAXIMUM_SOLUTION_LENGTH
        && SOLUTION_CHARACTERS.matchesAllOf(solution);
  }

  private static byte[] hash(String challenge, String solution) {
    return Hashing.sha256()
        .hashString(challenge + ":" + solution, StandardCharsets.UTF_8)
        .asBytes();
  }

  private static void checkDifficulty(int difficultyBits) {
    checkArgument(
        difficultyBits >= 0 && difficultyBits <= MAXIMUM_DIFFICULTY_BITS,
        "difficulty must be 0 to %s bits, not %s",
        MAXIMUM_DIFFICULTY_BITS,
        difficultyBits);
  }
}
