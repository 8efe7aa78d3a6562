package org.opentermin.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.opentermin.ports.contract.HoldRatesContract;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.out.HoldRates;

class JdbiHoldRatesTest extends HoldRatesContract {

  private JdbcAdapter adapter;

  @Override
  protected HoldRates newRates() {
    adapter = JdbcAdapter.connect(TestDatabase.freshDatabase());
    return adapter.holdRates(new InMemoryHoldRates());
  }

  @AfterEach
  void close() {
    adapter.close();
  }
}
