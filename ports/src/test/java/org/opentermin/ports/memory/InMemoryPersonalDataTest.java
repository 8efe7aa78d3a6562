package org.opentermin.ports.memory;

import org.opentermin.ports.contract.PersonalDataContract;

class InMemoryPersonalDataTest extends PersonalDataContract {

  @Override
  protected Stores newStores() {
    InMemoryBookingStore bookings = new InMemoryBookingStore();
    return new Stores(
        new InMemoryCatalogStore(),
        bookings,
        new InMemoryWaitingListStore(bookings),
        new InMemoryLotteryStore(),
        bookings.auditLog());
  }
}
