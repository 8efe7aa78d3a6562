package org.opentermin.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.opentermin.ports.out.Challenge;

/**
 * Proof of work modelled as time instead of burnt CPU: a client that solves a challenge of {@code
 * d} bits needs {@code 2^d} hashes on average, so it spends {@code 2^d / hashesPerSecond} seconds
 * before it may answer. The client's answer names its hash rate ({@link #answer}); the challenge
 * passes once, before its expiry, and only if the simulated clock has moved on by at least that
 * long since the challenge was issued. The simulation never forges answers; this only keeps the
 * simulated clients honest about the time the work takes. Not thread-safe.
 */
final class TimedChallenge implements Challenge {

  static final String ALGORITHM = "simulated-work";

  private final Duration lifetime;
  private final Map<String, Issued> issued = new HashMap<>();
  private long next;

  private record Issued(int bits, Instant issuedAt, Instant expiresAt) {}

  TimedChallenge(Duration lifetime) {
    checkArgument(lifetime.compareTo(Duration.ZERO) > 0, "a challenge must live a while");
    this.lifetime = lifetime;
  }

  /** How long a client with {@code hashesPerSecond} needs, on average, for {@code bits}. */
  static Duration workTime(int bits, double hashesPerSecond) {
    checkArgument(hashesPerSecond > 0, "hash rate must be positive");
    // Whole microseconds: the booking service keeps instants at that precision.
    return Duration.of(Math.round(Math.pow(2, bits) / hashesPerSecond * 1e6), ChronoUnit.MICROS);
  }

  /** The answer of a client that works at {@code hashesPerSecond}. */
  static String answer(double hashesPerSecond) {
    return Double.toString(hashesPerSecond);
  }

  @Override
  public Ticket issue(int difficultyBits, Instant now) {
    String id = "sim-" + next++;
    Instant expiresAt = now.plus(lifetime);
    issued.put(id, new Issued(difficultyBits, now, expiresAt));
    return new Ticket(id, ALGORITHM, difficultyBits, expiresAt);
  }

  @Override
  public Verdict verify(String challenge, String solution, int minimumDifficultyBits, Instant now) {
    Issued ticket = issued.get(challenge);
    if (ticket == null || ticket.bits() < minimumDifficultyBits) {
      return Verdict.FAILED;
    }
    if (!now.isBefore(ticket.expiresAt())) {
      return Verdict.EXPIRED;
    }
    double rate;
    try {
      rate = Double.parseDouble(solution);
    } catch (NumberFormatException notARate) {
      return Verdict.FAILED;
    }
    if (!(rate > 0) || now.isBefore(ticket.issuedAt().plus(workTime(ticket.bits(), rate)))) {
      return Verdict.FAILED;
    }
    // Spent challenges are forgotten: a second answer finds nothing and fails, as a spent one
    // would.
    issued.remove(challenge);
    return Verdict.PASSED;
  }
}
