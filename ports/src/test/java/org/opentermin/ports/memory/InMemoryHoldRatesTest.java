package org.opentermin.ports.memory;

import org.opentermin.ports.contract.HoldRatesContract;
import org.opentermin.ports.out.HoldRates;

class InMemoryHoldRatesTest extends HoldRatesContract {

  @Override
  protected HoldRates newRates() {
    return new InMemoryHoldRates();
  }
}
