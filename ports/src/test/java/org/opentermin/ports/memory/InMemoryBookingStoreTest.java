package org.opentermin.ports.memory;

import org.opentermin.ports.contract.BookingStoreContract;

class InMemoryBookingStoreTest extends BookingStoreContract {

  @Override
  protected Stores newStores() {
    return new Stores(new InMemoryCatalogStore(), new InMemoryBookingStore());
  }
}
