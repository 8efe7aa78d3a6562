package org.opentermin.jdbc;

import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;

/** The SQL of spent challenges, each statement next to the method that runs it on a handle. */
final class SpentChallengeSql {

  private SpentChallengeSql() {}

  /** Whether the row was inserted, that is, whether this is the first spend of the id. */
  static boolean insert(Handle handle, String challengeId, OffsetDateTime expiresAt) {
    return handle
            .createUpdate(
                """
                INSERT INTO spent_challenges (challenge_id, expires_at) VALUES (:challengeId, :expiresAt)
                ON CONFLICT (challenge_id) DO NOTHING\
                """)
            .bind("challengeId", challengeId)
            .bind("expiresAt", expiresAt)
            .execute()
        == 1;
  }

  /**
   * Deletes at most {@code limit} rows that expired at or before {@code expiredBy}. Several
   * instances may run this at once: each skips the rows another one is deleting. The CTE is
   * evaluated exactly once, so the limit holds.
   */
  static int deleteExpired(Handle handle, OffsetDateTime expiredBy, int limit) {
    return handle
        .createUpdate(
            """
            WITH doomed AS (
              SELECT challenge_id FROM spent_challenges WHERE expires_at <= :expiredBy
              ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            DELETE FROM spent_challenges s USING doomed d WHERE s.challenge_id = d.challenge_id\
            """)
        .bind("expiredBy", expiredBy)
        .bind("limit", limit)
        .execute();
  }
}
