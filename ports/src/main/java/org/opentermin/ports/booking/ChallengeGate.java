package org.opentermin.ports.booking;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.out.Challenge;
import org.opentermin.ports.out.HoldRates;

/**
 * The challenge in front of citizens' holds: counts each office's hold attempts in the hold rates
 * and asks for a solved challenge while the office's policy needs one. Shared by the hold and the
 * challenge use cases, so that the challenge issued matches the one checked. Thread-safe.
 */
final class ChallengeGate {

  private final Challenge challenge;
  private final HoldRates holdRates;

  ChallengeGate(Challenge challenge, HoldRates holdRates) {
    this.challenge = challenge;
    this.holdRates = holdRates;
  }

  /** How hard a challenge {@code policy} asks for at the office now, if any. */
  OptionalInt requiredDifficulty(AccessPolicy policy, OfficeId office, Instant now) {
    return policy
        .challenge()
        .map(rule -> rule.requiredDifficulty(holdRates.lastMinute(office, now)))
        .orElse(OptionalInt.empty());
  }

  Challenge.Ticket issue(int difficultyBits, Instant now) {
    return challenge.issue(difficultyBits, now);
  }

  /**
   * Counts the citizen's hold attempt towards the office's rate, then asks for a solved challenge
   * if the policy needs one now. Staff and the system pass.
   */
  Optional<Refused> check(ResolvedRequest resolved, HoldSlot.Command command, Instant now) {
    if (!(command.actor() instanceof Actor.Citizen)) {
      return Optional.empty();
    }
    OfficeId office = resolved.office().id();
    holdRates.record(office, now);
    OptionalInt difficulty = requiredDifficulty(resolved.policy(), office, now);
    if (difficulty.isEmpty()) {
      return Optional.empty();
    }
    if (command.challenge().isEmpty()) {
      return refused("solve a challenge for this office first");
    }
    HoldSlot.ChallengeAnswer answer = command.challenge().get();
    switch (challenge.verify(answer.challenge(), answer.solution(), difficulty.getAsInt(), now)) {
      case PASSED:
        return Optional.empty();
      case EXPIRED:
        return refused("the challenge expired; get a new one");
      case ALREADY_USED:
        return refused("each challenge counts once; get a new one");
      case FAILED:
      default:
        return refused("the challenge was not solved at the difficulty needed now; get a new one");
    }
  }

  private static Optional<Refused> refused(String detail) {
    return Optional.of(new Refused(RefusalReason.CHALLENGE_REQUIRED, detail));
  }
}
