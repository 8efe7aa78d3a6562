package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.out.Challenge;

/**
 * The challenge a client solves before an online hold, when the office's policy asks for one:
 * always, or while the office's hold rate is above the policy's threshold.
 */
public interface GetChallenge {

  ChallengeResult challenge(OfficeId office);

  /** A challenge to solve, word that none is needed now, or why there is none. */
  sealed interface ChallengeResult permits Required, NotRequired, Refused {}

  /** Solve this and send the answer with the hold. */
  record Required(Challenge.Ticket ticket) implements ChallengeResult {
    public Required {
      checkNotNull(ticket, "ticket");
    }
  }

  /** Holds at this office need no challenge at the moment. */
  record NotRequired() implements ChallengeResult {}
}
