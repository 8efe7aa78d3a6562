package org.opentermin.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.opentermin.ports.contract.BookingStoreContract;

class JdbiBookingStoreTest extends BookingStoreContract {

  private JdbcAdapter adapter;

  @Override
  protected Stores newStores() {
    adapter = JdbcAdapter.connect(TestDatabase.freshDatabase().withMaximumPoolSize(20));
    return new Stores(adapter.catalog(), adapter.bookings());
  }

  @AfterEach
  void close() {
    adapter.close();
  }
}
