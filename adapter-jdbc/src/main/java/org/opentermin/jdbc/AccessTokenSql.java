package org.opentermin.jdbc;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of access tokens, each statement next to the method that runs it on a handle. */
final class AccessTokenSql {

  private AccessTokenSql() {}

  record TokenRow(
      byte[] tokenHash, String tokenId, String role, String[] officeIds, OffsetDateTime issuedAt) {}

  static void upsert(Handle handle, TokenRow token) {
    handle
        .createUpdate(
            """
            INSERT INTO access_tokens (token_hash, token_id, role, office_ids, issued_at)
            VALUES (:tokenHash, :tokenId, :role, :officeIds, :issuedAt)
            ON CONFLICT (token_hash) DO UPDATE SET
              token_id = excluded.token_id, role = excluded.role, office_ids = excluded.office_ids,
              issued_at = excluded.issued_at\
            """)
        .bind("tokenHash", token.tokenHash())
        .bind("tokenId", token.tokenId())
        .bind("role", token.role())
        .bind("officeIds", token.officeIds())
        .bind("issuedAt", token.issuedAt())
        .execute();
  }

  static Optional<TokenRow> find(Handle handle, byte[] tokenHash) {
    return handle
        .createQuery(
            """
            SELECT token_hash, token_id, role, office_ids, issued_at FROM access_tokens
            WHERE token_hash = :tokenHash\
            """)
        .bind("tokenHash", tokenHash)
        .mapTo(TokenRow.class)
        .findOne();
  }

  static boolean adminExists(Handle handle) {
    return handle
        .createQuery("SELECT EXISTS (SELECT 1 FROM access_tokens WHERE role = 'ADMIN')")
        .mapTo(Boolean.class)
        .one();
  }
}
