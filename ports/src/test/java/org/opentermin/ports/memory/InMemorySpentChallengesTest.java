package org.opentermin.ports.memory;

import org.opentermin.ports.contract.SpentChallengesContract;
import org.opentermin.ports.out.SpentChallenges;

class InMemorySpentChallengesTest extends SpentChallengesContract {

  @Override
  protected SpentChallenges newStore() {
    return new InMemorySpentChallenges();
  }
}
