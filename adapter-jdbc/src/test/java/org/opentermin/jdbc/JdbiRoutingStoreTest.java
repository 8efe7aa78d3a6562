package org.opentermin.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.opentermin.ports.contract.RoutingStoreContract;

class JdbiRoutingStoreTest extends RoutingStoreContract {

  private JdbcAdapter adapter;

  @Override
  protected Stores newStores() {
    adapter = JdbcAdapter.connect(TestDatabase.freshDatabase());
    return new Stores(adapter.catalog(), adapter.routing());
  }

  @AfterEach
  void close() {
    adapter.close();
  }
}
