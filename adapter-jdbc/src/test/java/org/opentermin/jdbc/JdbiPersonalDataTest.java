package org.opentermin.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.opentermin.ports.contract.PersonalDataContract;

class JdbiPersonalDataTest extends PersonalDataContract {

  private JdbcAdapter adapter;

  @Override
  protected Stores newStores() {
    adapter = JdbcAdapter.connect(TestDatabase.freshDatabase().withMaximumPoolSize(20));
    return new Stores(
        adapter.catalog(),
        adapter.bookings(),
        adapter.waitingList(),
        adapter.lottery(),
        adapter.auditLog());
  }

  @AfterEach
  void close() {
    adapter.close();
  }
}
