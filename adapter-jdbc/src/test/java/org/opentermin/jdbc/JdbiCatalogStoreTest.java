package org.opentermin.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.opentermin.ports.contract.CatalogStoreContract;
import org.opentermin.ports.out.CatalogStore;

class JdbiCatalogStoreTest extends CatalogStoreContract {

  private JdbcAdapter adapter;

  @Override
  protected CatalogStore newStore() {
    adapter = JdbcAdapter.connect(TestDatabase.freshDatabase());
    return adapter.catalog();
  }

  @AfterEach
  void close() {
    adapter.close();
  }
}
