package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentermin.ports.contract.SpentChallengesContract;
import org.opentermin.ports.out.SpentChallenges;

class JdbiSpentChallengesTest extends SpentChallengesContract {

  private DatabaseSettings database;
  private JdbcAdapter adapter;

  @Override
  protected SpentChallenges newStore() {
    database = TestDatabase.freshDatabase();
    adapter = JdbcAdapter.connect(database);
    return adapter.spentChallenges();
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  private int rows() {
    return Jdbi.create(database.jdbcUrl(), database.user(), database.password())
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT count(*) FROM spent_challenges")
                    .mapTo(Integer.class)
                    .one());
  }

  @Test
  void challengeSpentInOneInstanceIsSpentInAnotherOnTheSameDatabase() {
    Instant expiry = NOW.plus(Duration.ofMinutes(5));
    try (JdbcAdapter other = JdbcAdapter.connect(database)) {
      assertThat(adapter.spentChallenges().spend("shared", expiry, NOW)).isTrue();

      assertThat(other.spentChallenges().spend("shared", expiry, NOW.plusSeconds(1))).isFalse();
    }
  }

  @Test
  void laterSpendsDeleteRowsOnceTheyAreAMinutePastExpiry() {
    SpentChallenges spent = adapter.spentChallenges();
    Instant expiry = NOW.plus(Duration.ofMinutes(5));
    for (int i = 0; i < 20; i++) {
      spent.spend("early-" + i, expiry, NOW);
    }

    Instant withinMargin = expiry.plus(JdbiSpentChallenges.CLOCK_SKEW_MARGIN).minusSeconds(1);
    for (int i = 0; i < JdbiSpentChallenges.CLEAN_UP_EVERY; i++) {
      spent.spend("within-margin-" + i, withinMargin.plusSeconds(300), withinMargin);
    }
    assertThat(rows())
        .as("expired, but a lagging clock may still take them for unexpired")
        .isEqualTo(20 + JdbiSpentChallenges.CLEAN_UP_EVERY);

    Instant pastMargin = expiry.plus(JdbiSpentChallenges.CLOCK_SKEW_MARGIN);
    for (int i = 0; i < JdbiSpentChallenges.CLEAN_UP_EVERY; i++) {
      spent.spend("past-margin-" + i, pastMargin.plusSeconds(300), pastMargin);
    }
    assertThat(rows())
        .as("the early ones are gone")
        .isEqualTo(2 * JdbiSpentChallenges.CLEAN_UP_EVERY);
  }
}
