package org.opentermin.ports.memory;

import org.opentermin.ports.contract.LotteryStoreContract;
import org.opentermin.ports.out.LotteryStore;

class InMemoryLotteryStoreTest extends LotteryStoreContract {

  @Override
  protected LotteryStore newStore() {
    return new InMemoryLotteryStore();
  }
}
