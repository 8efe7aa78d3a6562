package org.opentermin.ports.out;

import java.time.Instant;

/**
 * The challenges that have been answered, so that each passes only once, however many app instances
 * check them: the store decides, atomically. An id needs to be remembered only until its challenge
 * expires; implementations may forget it afterwards and delete expired ids when it suits them.
 * Implementations are thread-safe.
 */
public interface SpentChallenges {

  /** Ids are 1 to this many characters; they are compared exactly, case included. */
  int MAXIMUM_ID_LENGTH = 64;

  /**
   * Marks the challenge as spent: true the first time for an id, false every time afterwards until
   * {@code expiresAt}.
   *
   * @throws IllegalArgumentException if the id is empty or too long, or if the challenge has
   *     expired ({@code expiresAt} not after {@code now}): an expired challenge is refused before
   *     it is spent
   */
  boolean spend(String challengeId, Instant expiresAt, Instant now);
}
