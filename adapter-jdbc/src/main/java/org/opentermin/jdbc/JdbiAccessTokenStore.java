package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.Optional;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.jdbc.AccessTokenSql.TokenRow;
import org.opentermin.ports.out.AccessTokenStore;

/** {@link AccessTokenStore} in PostgreSQL. Each method is one statement. */
final class JdbiAccessTokenStore implements AccessTokenStore {

  private final Transactions transactions;

  JdbiAccessTokenStore(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void save(StoredAccessToken token) {
    checkNotNull(token, "token");
    AccessGrant grant = token.grant();
    TokenRow row =
        new TokenRow(
            token.tokenHash(),
            grant.tokenId(),
            grant.role().name(),
            grant.offices().stream().map(OfficeId::value).toArray(String[]::new),
            JdbiBookingStore.utc(token.issuedAt()));
    transactions.singleStatement(
        handle -> {
          AccessTokenSql.upsert(handle, row);
          return null;
        });
  }

  @Override
  public Optional<StoredAccessToken> find(byte[] tokenHash) {
    checkNotNull(tokenHash, "tokenHash");
    return transactions.read(
        handle -> AccessTokenSql.find(handle, tokenHash).map(JdbiAccessTokenStore::token));
  }

  @Override
  public boolean hasAdmin() {
    return transactions.read(AccessTokenSql::adminExists);
  }

  private static StoredAccessToken token(TokenRow row) {
    AccessGrant grant =
        new AccessGrant(
            row.tokenId(),
            AccessRole.valueOf(row.role()),
            Arrays.stream(row.officeIds())
                .map(OfficeId::of)
                .collect(ImmutableSet.toImmutableSet()));
    return new StoredAccessToken(row.tokenHash(), grant, row.issuedAt().toInstant());
  }
}
