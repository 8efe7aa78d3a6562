package org.opentermin.ports.memory;

import org.opentermin.ports.contract.AccessTokenStoreContract;
import org.opentermin.ports.out.AccessTokenStore;

class InMemoryAccessTokenStoreTest extends AccessTokenStoreContract {

  @Override
  protected AccessTokenStore newStore() {
    return new InMemoryAccessTokenStore();
  }
}
