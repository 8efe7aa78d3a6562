package org.opentermin.ports.memory;

import org.opentermin.ports.contract.WaitingListStoreContract;

class InMemoryWaitingListStoreTest extends WaitingListStoreContract {

  @Override
  protected Stores newStores() {
    InMemoryBookingStore bookings = new InMemoryBookingStore();
    return new Stores(new InMemoryCatalogStore(), bookings, new InMemoryWaitingListStore(bookings));
  }
}
