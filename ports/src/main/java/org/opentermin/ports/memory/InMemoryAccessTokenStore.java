package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opentermin.ports.out.AccessTokenStore;

/** {@link AccessTokenStore} in memory; one lock serializes every method. */
public final class InMemoryAccessTokenStore implements AccessTokenStore {

  private final Map<ByteBuffer, StoredAccessToken> tokens = new HashMap<>();

  @Override
  public synchronized void save(StoredAccessToken token) {
    checkNotNull(token, "token");
    tokens.put(key(token.tokenHash()), copy(token));
  }

  @Override
  public synchronized Optional<StoredAccessToken> find(byte[] tokenHash) {
    return Optional.ofNullable(tokens.get(key(tokenHash))).map(InMemoryAccessTokenStore::copy);
  }

  @Override
  public synchronized boolean hasAdmin() {
    return tokens.values().stream().anyMatch(token -> token.grant().isAdmin());
  }

  /** With its own array: callers changing theirs must change nothing stored, as in a database. */
  private static StoredAccessToken copy(StoredAccessToken token) {
    return new StoredAccessToken(token.tokenHash().clone(), token.grant(), token.issuedAt());
  }

  /** A copy, so that callers changing their array cannot change the map's key. */
  private static ByteBuffer key(byte[] hash) {
    return ByteBuffer.wrap(hash.clone());
  }
}
