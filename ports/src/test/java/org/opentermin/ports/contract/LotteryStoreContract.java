package org.opentermin.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.ports.out.LotteryStore;
import org.opentermin.ports.out.LotteryStore.Draw;
import org.opentermin.ports.out.LotteryStore.DrawKey;
import org.opentermin.ports.out.LotteryStore.DrawStatus;
import org.opentermin.ports.out.LotteryStore.Entry;
import org.opentermin.ports.out.LotteryStore.Insertion;
import org.opentermin.ports.out.LotteryStore.Outcome;
import org.opentermin.ports.out.LotteryStore.OutcomeStatus;

/** Every {@link LotteryStore} MUST pass this. Subclasses supply an empty store per test. */
public abstract class LotteryStoreContract {

  private static final DrawKey WAVE_0 = new DrawKey(OFFICE, MONDAY_DATE, 0);
  private static final DrawKey WAVE_1 = new DrawKey(OFFICE, MONDAY_DATE, 1);
  private static final Instant DRAW_AT = NOW.plus(Duration.ofHours(2));
  private static final String COMMITMENT = "c".repeat(64);
  private static final Citizen ERIKA =
      new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.of("+4989123456"));

  private LotteryStore store;

  /** A new, empty store. */
  protected abstract LotteryStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private static Draw open(DrawKey key) {
    return Draw.open(key, DRAW_AT, COMMITMENT);
  }

  private static Entry entry(String id, DrawKey draw, String... identityKeys) {
    return new Entry(
        id,
        draw,
        sha256("token-" + id),
        ImmutableList.of(
            new BookedService(BASIC_INCOME.id(), 2), new BookedService(HOUSING.id(), 1)),
        Optional.of(ERIKA),
        ImmutableSet.copyOf(identityKeys),
        true,
        NOW,
        Outcome.pending());
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  @Test
  void enteredEntryIsFoundWithEverythingItWasEnteredWith() {
    assertThat(store.enter(open(WAVE_0), entry("e-1", WAVE_0, "key-a", "key-b")))
        .isEqualTo(Insertion.ENTERED);

    Entry found = store.entry("e-1").orElseThrow();
    assertThat(found.id()).isEqualTo("e-1");
    assertThat(found.draw()).isEqualTo(WAVE_0);
    assertThat(found.tokenHash()).isEqualTo(sha256("token-e-1"));
    assertThat(found.services())
        .containsExactly(
            new BookedService(BASIC_INCOME.id(), 2), new BookedService(HOUSING.id(), 1));
    assertThat(found.citizen()).contains(ERIKA);
    assertThat(found.identityKeys()).containsExactlyInAnyOrder("key-a", "key-b");
    assertThat(found.waitingListIfLost()).isTrue();
    assertThat(found.enteredAt()).isEqualTo(NOW);
    assertThat(found.outcome()).isEqualTo(Outcome.pending());
    assertThat(store.entry("unknown")).isEmpty();
    assertThat(store.draw(WAVE_0)).contains(open(WAVE_0));
    assertThat(store.entries(WAVE_0)).extracting(Entry::id).containsExactly("e-1");
  }

  @Test
  void firstEntryCreatesTheDrawAndLaterOnesKeepItsTimeAndCommitment() {
    store.enter(open(WAVE_0), entry("e-1", WAVE_0, "key-a"));

    store.enter(
        Draw.open(WAVE_0, DRAW_AT.plusSeconds(60), "d".repeat(64)), entry("e-2", WAVE_0, "key-b"));

    assertThat(store.draw(WAVE_0)).contains(open(WAVE_0));
    assertThat(store.entries(WAVE_0)).extracting(Entry::id).containsExactlyInAnyOrder("e-1", "e-2");
  }

  @Test
  void secondEntrySharingAnyIdentityKeyInTheSameDrawIsRefused() {
    store.enter(open(WAVE_0), entry("e-1", WAVE_0, "email-a", "phone-a"));

    assertThat(store.enter(open(WAVE_0), entry("e-2", WAVE_0, "email-b", "phone-a")))
        .isEqualTo(Insertion.IDENTITY_TAKEN);
    assertThat(store.enter(open(WAVE_0), entry("e-3", WAVE_0, "email-a")))
        .isEqualTo(Insertion.IDENTITY_TAKEN);
    assertThat(store.entry("e-2")).isEmpty();
    assertThat(store.enter(open(WAVE_0), entry("e-4", WAVE_0, "email-b")))
        .as("nothing of e-2 was kept")
        .isEqualTo(Insertion.ENTERED);
  }

  @Test
  void sameIdentityMayEnterAnotherWaveDayOrOffice() {
    store.enter(open(WAVE_0), entry("e-1", WAVE_0, "key-a"));

    assertThat(store.enter(open(WAVE_1), entry("e-2", WAVE_1, "key-a")))
        .isEqualTo(Insertion.ENTERED);
    DrawKey nextDay = new DrawKey(OFFICE, MONDAY_DATE.plusDays(1), 0);
    assertThat(store.enter(open(nextDay), entry("e-3", nextDay, "key-a")))
        .isEqualTo(Insertion.ENTERED);
    DrawKey otherOffice = new DrawKey(OTHER_OFFICE, MONDAY_DATE, 0);
    assertThat(store.enter(open(otherOffice), entry("e-4", otherOffice, "key-a")))
        .isEqualTo(Insertion.ENTERED);
    assertThat(store.draws(OFFICE, MONDAY_DATE))
        .extracting(draw -> draw.key().wave())
        .containsExactly(0, 1);
  }

  @Test
  void drawIsDueFromItsDrawTimeAndClaimedOnce() {
    store.enter(open(WAVE_0), entry("e-1", WAVE_0, "key-a"));
    Instant longAgo = NOW.minus(Duration.ofDays(1));

    assertThat(store.dueDraws(DRAW_AT.minusMillis(1), longAgo)).isEmpty();
    assertThat(store.claim(WAVE_0, DRAW_AT.minusMillis(1), longAgo)).as("not due yet").isFalse();
    assertThat(store.dueDraws(DRAW_AT, longAgo)).containsExactly(WAVE_0);

    assertThat(store.claim(WAVE_0, DRAW_AT, longAgo)).isTrue();
    assertThat(store.claim(WAVE_0, DRAW_AT, longAgo)).isFalse();
    assertThat(store.dueDraws(DRAW_AT, longAgo)).isEmpty();
    Draw claimed = store.draw(WAVE_0).orElseThrow();
    assertThat(claimed.status()).isEqualTo(DrawStatus.DRAWING);
    assertThat(claimed.claimedAt()).contains(DRAW_AT);
  }

  @Test
  void noEntryJoinsAClaimedDraw() {
    store.enter(open(WAVE_0), entry("e-1", WAVE_0, "key-a"));
    store.claim(WAVE_0, DRAW_AT, NOW);

    assertThat(store.enter(open(WAVE_0), entry("e-2", WAVE_0, "key-b")))
        .isEqualTo(Insertion.DRAW_CLOSED);
    assertThat(store.entries(WAVE_0)).extracting(Entry::id).containsExactly("e-1");
  }

  @Test
  void abandonedClaimIsClaimedAgainOnceItIsOlderThanTheReclaimLimit() {
    store.enter(open(WAVE_0), entry("e-1", WAVE_0, "key-a"));
    store.claim(WAVE_0, DRAW_AT, NOW);
    Instant later = DRAW_AT.plus(Duration.ofMinutes(10));

    assertThat(store.dueDraws(later, DRAW_AT)).as("claimed exactly at the limit").isEmpty();
    assertThat(store.claim(WAVE_0, later, DRAW_AT)).isFalse();
    assertThat(store.dueDraws(later, DRAW_AT.plusMillis(1))).containsExactly(WAVE_0);
    assertThat(store.claim(WAVE_0, later, DRAW_AT.plusMillis(1))).isTrue();
    assertThat(store.draw(WAVE_0).orElseThrow().claimedAt()).contains(later);
  }

  @Test
  void entryIsResolvedOnceAndItsPersonalDataForgotten() {
    store.enter(open(WAVE_0), entry("e-1", WAVE_0, "key-a"));
    store.enter(open(WAVE_0), entry("e-2", WAVE_0, "key-b"));
    BookingReference reference = BookingReference.parse("ABCD2345").orElseThrow();
    Instant start = DRAW_AT.plus(Duration.ofDays(7));

    assertThat(store.resolve("e-1", Outcome.won(reference, start))).isTrue();
    assertThat(store.resolve("e-1", Outcome.lost())).isFalse();
    assertThat(store.resolve("e-2", Outcome.lost())).isTrue();
    assertThat(store.resolve("unknown", Outcome.lost())).isFalse();

    Entry won = store.entry("e-1").orElseThrow();
    assertThat(won.outcome()).isEqualTo(Outcome.won(reference, start));
    assertThat(won.citizen()).isEmpty();
    assertThat(won.tokenHash())
        .as("the token still opens the entry")
        .isEqualTo(sha256("token-e-1"));
    assertThat(store.entry("e-2").orElseThrow().outcome().status()).isEqualTo(OutcomeStatus.LOST);
    assertThat(store.entry("e-2").orElseThrow().citizen()).isEmpty();
  }

  @Test
  void finishingAClaimedDrawRevealsItsSeed() {
    store.enter(open(WAVE_0), entry("e-1", WAVE_0, "key-a"));
    assertThat(store.finish(WAVE_0, "seed", DRAW_AT)).as("not claimed").isFalse();
    store.claim(WAVE_0, DRAW_AT, NOW);

    assertThat(store.finish(WAVE_0, "seed", DRAW_AT.plusSeconds(3))).isTrue();

    Draw drawn = store.draw(WAVE_0).orElseThrow();
    assertThat(drawn.status()).isEqualTo(DrawStatus.DRAWN);
    assertThat(drawn.seed()).contains("seed");
    assertThat(drawn.drawnAt()).contains(DRAW_AT.plusSeconds(3));
    assertThat(drawn.commitment()).isEqualTo(COMMITMENT);
    assertThat(store.finish(WAVE_0, "seed", DRAW_AT.plusSeconds(4))).isFalse();
    assertThat(store.dueDraws(DRAW_AT.plus(Duration.ofDays(1)), DRAW_AT.plus(Duration.ofDays(1))))
        .isEmpty();
  }

  @Test
  void ofManyInstancesClaimingTheSameDrawAtOnceExactlyOneSucceeds() throws Exception {
    int callers = 8;
    for (int round = 0; round < 10; round++) {
      DrawKey key = new DrawKey(OFFICE, MONDAY_DATE.plusDays(round), 0);
      store.enter(open(key), entry("contended-" + round, key, "key-" + round));
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int caller = 0; caller < callers; caller++) {
        claims.add(
            () -> {
              start.await();
              return store.claim(key, DRAW_AT, NOW);
            });
      }
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (Callable<Boolean> claim : claims) {
          results.add(pool.submit(claim));
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
