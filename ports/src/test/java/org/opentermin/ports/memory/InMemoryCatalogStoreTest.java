package org.opentermin.ports.memory;

import org.opentermin.ports.contract.CatalogStoreContract;
import org.opentermin.ports.out.CatalogStore;

class InMemoryCatalogStoreTest extends CatalogStoreContract {

  @Override
  protected CatalogStore newStore() {
    return new InMemoryCatalogStore();
  }
}
