package org.opentermin.ports.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.access.AccessGrant;

/**
 * Access tokens, kept only as hashes of the token. Implementations are thread-safe; each method is
 * atomic.
 */
public interface AccessTokenStore {

  /** Adds the token, or replaces the one with the same hash. */
  void save(StoredAccessToken token);

  /** The token with this hash. */
  Optional<StoredAccessToken> find(byte[] tokenHash);

  /** Whether any admin token exists. */
  boolean hasAdmin();

  /** A token's hash, what it allows, and when it was issued. */
  record StoredAccessToken(byte[] tokenHash, AccessGrant grant, Instant issuedAt) {
    public StoredAccessToken {
      checkNotNull(tokenHash, "tokenHash");
      checkArgument(tokenHash.length == 32, "token hashes are SHA-256, 32 bytes");
      checkNotNull(grant, "grant");
      checkNotNull(issuedAt, "issuedAt");
    }
  }
}
