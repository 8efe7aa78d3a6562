package org.opentermin.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.ports.contract.ContractFixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.ports.out.SpentChallenges;

/** Every {@link SpentChallenges} MUST pass this. Subclasses supply an empty store per test. */
public abstract class SpentChallengesContract {

  private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(5));

  private SpentChallenges spent;

  /** A new, empty store. */
  protected abstract SpentChallenges newStore();

  @BeforeEach
  void createStore() {
    spent = newStore();
  }

  @Test
  void challengeIsSpentOnlyTheFirstTime() {
    assertThat(spent.spend("7Jx2cVb0QmK1aZ9yWq3tLg", EXPIRY, NOW)).isTrue();
    assertThat(spent.spend("7Jx2cVb0QmK1aZ9yWq3tLg", EXPIRY, NOW)).isFalse();
    assertThat(spent.spend("7Jx2cVb0QmK1aZ9yWq3tLg", EXPIRY, NOW.plusSeconds(1))).isFalse();
  }

  @Test
  void spentChallengeStaysSpentUntilItExpires() {
    spent.spend("challenge-1", EXPIRY, NOW);

    assertThat(spent.spend("challenge-1", EXPIRY, EXPIRY.minusNanos(1))).isFalse();
  }

  @Test
  void otherChallengesAreSpentIndependently() {
    assertThat(spent.spend("challenge-1", EXPIRY, NOW)).isTrue();
    assertThat(spent.spend("challenge-2", EXPIRY, NOW)).isTrue();
    assertThat(spent.spend("challenge-3", EXPIRY.plusSeconds(60), NOW.plusSeconds(1))).isTrue();
    assertThat(spent.spend("challenge-2", EXPIRY, NOW)).isFalse();
  }

  @Test
  void idsDifferingOnlyInCaseAreDifferentChallenges() {
    assertThat(spent.spend("AbCdEf", EXPIRY, NOW)).isTrue();

    assertThat(spent.spend("abcdef", EXPIRY, NOW)).isTrue();
    assertThat(spent.spend("ABCDEF", EXPIRY, NOW)).isTrue();
  }

  @Test
  void longestIdIsAccepted() {
    String longest = "x".repeat(SpentChallenges.MAXIMUM_ID_LENGTH);

    assertThat(spent.spend(longest, EXPIRY, NOW)).isTrue();
    assertThat(spent.spend(longest, EXPIRY, NOW)).isFalse();
  }

  @Test
  void unexpiredChallengesAreRememberedWhileExpiredOnesAreCleanedUp() {
    // Enough spends, long after the first challenges expired, that any clean-up has run.
    for (int i = 0; i < 50; i++) {
      spent.spend("early-" + i, NOW.plusSeconds(60), NOW);
    }
    spent.spend("kept", EXPIRY.plus(Duration.ofHours(1)), NOW);
    Instant later = NOW.plus(Duration.ofHours(1));
    for (int i = 0; i < 3000; i++) {
      assertThat(spent.spend("later-" + i, later.plusSeconds(300), later)).isTrue();
    }

    assertThat(spent.spend("kept", EXPIRY.plus(Duration.ofHours(1)), later)).isFalse();
    assertThat(spent.spend("later-0", later.plusSeconds(300), later)).isFalse();
  }

  @Test
  void invalidIdsAndExpiredChallengesAreRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> spent.spend("", EXPIRY, NOW));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> spent.spend("x".repeat(SpentChallenges.MAXIMUM_ID_LENGTH + 1), EXPIRY, NOW));
    assertThatIllegalArgumentException()
        .as("expires now")
        .isThrownBy(() -> spent.spend("challenge-1", NOW, NOW));
    assertThatIllegalArgumentException()
        .as("expired before")
        .isThrownBy(() -> spent.spend("challenge-1", NOW.minusSeconds(1), NOW));
  }

  @Test
  void ofManyCallersSpendingTheSameChallengeAtOnceExactlyOneSucceeds() throws Exception {
    int callers = 8;
    for (int round = 0; round < 20; round++) {
      String id = "contended-" + round;
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Boolean>> spends = new ArrayList<>();
      for (int caller = 0; caller < callers; caller++) {
        spends.add(
            () -> {
              start.await();
              return spent.spend(id, EXPIRY, NOW);
            });
      }
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (Callable<Boolean> spend : spends) {
          results.add(pool.submit(spend));
        }
        start.countDown();
        int successes = 0;
        for (Future<Boolean> result : results) {
          successes += result.get() ? 1 : 0;
        }
        assertThat(successes).as("round %s", round).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
