package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import org.opentermin.core.catalog.OfficeId;

/**
 * The challenge a client solves before an online hold, when the office's policy asks for one:
 * always, or while the office's hold rate is above the policy's threshold.
 */
public interface GetChallenge {

  ChallengeResult challenge(OfficeId office);

  /** A challenge to solve, word that none is needed now, or why there is none. */
  sealed interface ChallengeResult permits Required, NotRequired, Refused {}

  /** Solve this and send the answer with the hold. */
  record Required(Ticket ticket) implements ChallengeResult {
    public Required {
      checkNotNull(ticket, "ticket");
    }
  }

  /** Holds at this office need no challenge at the moment. */
  record NotRequired() implements ChallengeResult {}

  /**
   * What a client is given to solve: the opaque challenge text, the name of the algorithm that
   * tells the client what to do with it, how hard it is, and until when (exclusive) it may be
   * answered. Immutable.
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
}
