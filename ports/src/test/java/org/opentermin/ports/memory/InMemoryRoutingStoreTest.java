package org.opentermin.ports.memory;

import org.opentermin.ports.contract.RoutingStoreContract;

class InMemoryRoutingStoreTest extends RoutingStoreContract {

  @Override
  protected Stores newStores() {
    InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    return new Stores(catalog, new InMemoryRoutingStore(catalog));
  }
}
