package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.out.HoldRates;
import org.opentermin.ports.out.RandomSource;

/** What two app instances on one database share: secrets and hold rates. */
class SharedInstanceStateTest {

  private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
  private static final OfficeId OFFICE = OfficeId.of("sbh-mitte");
  private static final OfficeId OTHER_OFFICE = OfficeId.of("sbh-nord");

  private JdbcAdapter first;
  private JdbcAdapter second;

  @BeforeEach
  void connectTwoInstances() {
    DatabaseSettings database = TestDatabase.freshDatabase();
    first = JdbcAdapter.connect(database);
    second = JdbcAdapter.connect(database);
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
  }

  @Test
  void theFirstInstanceMakesASecretAndTheSecondReadsTheSame() {
    byte[] made = first.sharedSecret("proof-of-work", RandomSource.seeded(1));
    byte[] read = second.sharedSecret("proof-of-work", RandomSource.seeded(2));

    assertThat(made).hasSize(JdbcAdapter.SHARED_SECRET_BYTES);
    assertThat(read).isEqualTo(made);
    assertThat(second.sharedSecret("another-key", RandomSource.seeded(2))).isNotEqualTo(made);
  }

  @Test
  void eachInstanceSeesItsOwnAttemptsAtOnceAndTheOthersAfterTheirNextSecond() {
    HoldRates a = first.holdRates(new InMemoryHoldRates());
    HoldRates b = second.holdRates(new InMemoryHoldRates());
    for (int i = 0; i < 5; i++) {
      a.record(OFFICE, NOW);
    }
    b.record(OFFICE, NOW);
    b.record(OTHER_OFFICE, NOW);

    assertThat(a.lastMinute(OFFICE, NOW))
        .as("a's own five and b's first, written with it")
        .isEqualTo(6);
    // a wrote its first attempt of the second at once, the other four with its next second.
    assertThat(b.lastMinute(OFFICE, NOW)).isEqualTo(2);

    Instant later = NOW.plusSeconds(1);
    a.lastMinute(OFFICE, later);
    assertThat(b.lastMinute(OFFICE, later)).isEqualTo(6);
    assertThat(a.lastMinute(OTHER_OFFICE, later)).isEqualTo(1);
  }

  @Test
  void attemptsOlderThanAMinuteNoLongerCount() {
    HoldRates a = first.holdRates(new InMemoryHoldRates());
    HoldRates b = second.holdRates(new InMemoryHoldRates());
    a.record(OFFICE, NOW);
    a.record(OFFICE, NOW.plusSeconds(30));
    a.lastMinute(OFFICE, NOW.plusSeconds(31));

    assertThat(b.lastMinute(OFFICE, NOW.plusSeconds(59))).isEqualTo(2);
    assertThat(b.lastMinute(OFFICE, NOW.plusSeconds(60))).isEqualTo(1);
    assertThat(b.lastMinute(OFFICE, NOW.plusSeconds(90))).isZero();
  }
}
