package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentermin.ports.contract.LotteryStoreContract;
import org.opentermin.ports.out.LotteryStore;

class JdbiLotteryStoreTest extends LotteryStoreContract {

  private DatabaseSettings database;
  private JdbcAdapter adapter;

  @Override
  protected LotteryStore newStore() {
    database = TestDatabase.freshDatabase();
    adapter = JdbcAdapter.connect(database);
    return adapter.lottery();
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  @Test
  void drawClaimedInOneInstanceIsClaimedInAnotherOnTheSameDatabase() {
    LotteryStore.DrawKey key = new LotteryStore.DrawKey(OFFICE, MONDAY_DATE, 0);
    adapter
        .lottery()
        .enter(
            LotteryStore.Draw.open(key, NOW, "c".repeat(64)),
            new LotteryStore.Entry(
                "e-1",
                key,
                new byte[32],
                com.google.common.collect.ImmutableList.of(
                    new org.opentermin.core.booking.BookedService(
                        org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME.id(), 1)),
                java.util.Optional.of(org.opentermin.core.booking.Citizen.named("Erika")),
                com.google.common.collect.ImmutableSet.of("key-a"),
                false,
                NOW,
                LotteryStore.Outcome.pending()));
    try (JdbcAdapter other = JdbcAdapter.connect(database)) {
      assertThat(adapter.lottery().claim(key, NOW, NOW.minusSeconds(600))).isTrue();

      assertThat(other.lottery().claim(key, NOW, NOW.minusSeconds(600))).isFalse();
      assertThat(other.lottery().draw(key).orElseThrow().status())
          .isEqualTo(LotteryStore.DrawStatus.DRAWING);
    }
  }
}
