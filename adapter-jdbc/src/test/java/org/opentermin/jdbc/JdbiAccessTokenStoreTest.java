package org.opentermin.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.opentermin.ports.contract.AccessTokenStoreContract;
import org.opentermin.ports.out.AccessTokenStore;

class JdbiAccessTokenStoreTest extends AccessTokenStoreContract {

  private JdbcAdapter adapter;

  @Override
  protected AccessTokenStore newStore() {
    adapter = JdbcAdapter.connect(TestDatabase.freshDatabase());
    return adapter.accessTokens();
  }

  @AfterEach
  void close() {
    adapter.close();
  }
}
