package org.opentermin.ports.booking;

import com.google.common.collect.Iterables;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.ports.in.GetChallenge;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.out.Challenge;

/**
 * Issues the challenge an office's policy asks for before a citizen's hold. The client has not said
 * yet which service it wants, so it gets the hardest any of the office's policies needs now.
 * Thread-safe.
 */
final class ChallengeService implements GetChallenge {

  private final CompiledOffices offices;
  private final ChallengeGate gate;
  private final Clock clock;

  ChallengeService(CompiledOffices offices, ChallengeGate gate, Clock clock) {
    this.offices = offices;
    this.gate = gate;
    this.clock = clock;
  }

  @Override
  public ChallengeResult challenge(OfficeId officeId) {
    Optional<CompiledOffices.CompiledOffice> compiled = offices.get(officeId);
    if (compiled.isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown office " + officeId);
    }
    Instant now = BookingChecks.now(clock);
    AccessPolicies policies = compiled.get().policies();
    OptionalInt hardest = OptionalInt.empty();
    for (AccessPolicy policy :
        Iterables.concat(List.of(policies.office()), policies.services().values())) {
      OptionalInt needed = gate.requiredDifficulty(policy, officeId, now);
      if (needed.isPresent() && (hardest.isEmpty() || needed.getAsInt() > hardest.getAsInt())) {
        hardest = needed;
      }
    }
    if (hardest.isEmpty()) {
      return new GetChallenge.NotRequired();
    }
    Challenge.Ticket ticket = gate.issue(hardest.getAsInt(), now);
    return new GetChallenge.Required(
        new GetChallenge.Ticket(
            ticket.challenge(), ticket.algorithm(), ticket.difficultyBits(), ticket.expiresAt()));
  }
}
