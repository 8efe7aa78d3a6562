package org.opentermin.ports.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.ZONE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.ChannelContingents;
import org.opentermin.core.fairness.Contingent;
import org.opentermin.core.fairness.FairnessSecret;
import org.opentermin.core.fairness.Lottery;
import org.opentermin.core.fairness.LotteryPolicy;
import org.opentermin.core.fairness.ReleasePolicy;
import org.opentermin.core.fairness.ReleaseWave;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.booking.Secrets;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.contract.MutableClock;
import org.opentermin.ports.in.AvailabilityResult;
import org.opentermin.ports.in.EnterLottery;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemoryLotteryStore;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.memory.RecordingNotifier;
import org.opentermin.ports.out.LotteryStore;
import org.opentermin.ports.out.Notifier;
import org.opentermin.ports.out.RandomSource;

class LotteryTest {

  /** One wave a week ahead at 08:00 sharp; entries open 48 hours before. */
  private static final ReleasePolicy WEEK_AHEAD =
      new ReleasePolicy(
          LocalTime.of(8, 0), Duration.ZERO, ImmutableList.of(new ReleaseWave(7, 100)));

  private static final AccessPolicy LOTTERY =
      AccessPolicy.none()
          .withRelease(WEEK_AHEAD)
          .withLottery(new LotteryPolicy(Duration.ofHours(48)));

  /** Drawn on Monday 7 December 2026 at 08:00; entries open since Saturday 08:00, before NOW. */
  private static final LocalDate DAY = MONDAY_DATE.plusDays(7);

  private static final Instant DRAW_AT = at(MONDAY_DATE, 8, 0);
  private static final ImmutableList<ServiceRequest> ONE_BASIC_INCOME =
      ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1));

  private final MutableClock clock = new MutableClock(NOW);
  private InMemoryCatalogStore catalog;
  private InMemoryBookingStore bookings;
  private InMemoryLotteryStore store;
  private BookingServices booking;
  private LotteryService lottery;
  private RecordingNotifier notifier;
  private List<LostEntryHandOff.Loser> waitingList;

  @BeforeEach
  void setUp() {
    catalog = new InMemoryCatalogStore(RandomSource.seeded(11));
    ContractFixtures.fill(catalog);
    catalog.saveAccessPolicy(OFFICE, Optional.empty(), Optional.of(LOTTERY));
    bookings = new InMemoryBookingStore();
    store = new InMemoryLotteryStore();
    booking =
        BookingServices.of(
            catalog,
            bookings,
            bookings.auditLog(),
            clock,
            RandomSource.seeded(1),
            new InMemorySpentChallenges(),
            new InMemoryHoldRates());
    lottery = new LotteryService(catalog, store, clock, RandomSource.seeded(2));
    notifier = new RecordingNotifier();
    waitingList = Collections.synchronizedList(new ArrayList<>());
  }

  private LotteryDraws draws() {
    return new LotteryDraws(catalog, store, booking.system(), notifier, waitingList::add, clock);
  }

  private FairnessSecret secret() {
    return catalog.accessPolicies(OFFICE).orElseThrow().secret();
  }

  private static Citizen citizen(int i) {
    return new Citizen(
        "Citizen " + i, Optional.of("citizen" + i + "@example.org"), Optional.empty());
  }

  private EnterLottery.EntryResult enter(Citizen citizen) {
    return lottery.enter(new EnterLottery.Command(OFFICE, ONE_BASIC_INCOME, DAY, citizen, true));
  }

  private EnterLottery.Entered entered(Citizen citizen) {
    EnterLottery.EntryResult result = enter(citizen);
    assertThat(result).isInstanceOf(EnterLottery.Entered.class);
    return (EnterLottery.Entered) result;
  }

  private static Refused refused(Object result) {
    assertThat(result).isInstanceOf(Refused.class);
    return (Refused) result;
  }

  private EnterLottery.DrawView view() {
    return lottery.draw(OFFICE, DAY, 0).orElseThrow();
  }

  private HoldResult citizenHold(Instant start) {
    return booking.hold(
        new HoldSlot.Command(
            OFFICE, ONE_BASIC_INCOME, start, Channel.ONLINE, Actor.CITIZEN, Optional.empty()));
  }

  @Test
  void aDrawBooksOnlyTheCapacityOfTheWaveItDraws() {
    ReleasePolicy twoWaves =
        new ReleasePolicy(
            LocalTime.of(8, 0),
            Duration.ZERO,
            ImmutableList.of(new ReleaseWave(7, 50), new ReleaseWave(1, 50)));
    catalog.saveAccessPolicy(
        OFFICE,
        Optional.empty(),
        Optional.of(
            AccessPolicy.none()
                .withRelease(twoWaves)
                .withLottery(new LotteryPolicy(Duration.ofHours(48)))));
    List<EnterLottery.Entered> entries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      entries.add(entered(citizen(i)));
    }
    clock.set(DRAW_AT);

    draws().run();

    List<EnterLottery.Won> won =
        entries.stream()
            .map(entry -> lottery.find(entry.entryId(), entry.entryToken()).orElseThrow())
            .filter(EnterLottery.Won.class::isInstance)
            .map(EnterLottery.Won.class::cast)
            .toList();
    assertThat(won).isNotEmpty();
    for (EnterLottery.Won win : won) {
      var booked = bookings.findByReference(win.reference()).orElseThrow().booking();
      for (Instant cell = booked.start();
          cell.isBefore(booked.end());
          cell = cell.plus(Duration.ofMinutes(10))) {
        assertThat(twoWaves.waveOf(secret(), OFFICE, booked.resource(), cell))
            .as("wave of the cell at %s", cell)
            .isZero();
      }
    }
  }

  @Test
  void entryGetsATokenTheDrawTimeAndTheCommitmentToTheSeed() {
    EnterLottery.Entered entry = entered(citizen(1));

    assertThat(entry.drawAt()).isEqualTo(DRAW_AT);
    assertThat(entry.wave()).isZero();
    assertThat(entry.commitment())
        .isEqualTo(Lottery.commitment(Lottery.seed(secret(), OFFICE, DAY, 0)));
    assertThat(entry.entryToken()).hasSize(43);
    assertThat(entry.toString()).doesNotContain(entry.entryToken());
    assertThat(lottery.find(entry.entryId(), entry.entryToken()))
        .contains(
            new EnterLottery.Pending(entry.entryId(), OFFICE, DAY, 0, DRAW_AT, entry.commitment()));
    assertThat(lottery.find(entry.entryId(), "wrong")).isEmpty();
    assertThat(lottery.find("unknown", entry.entryToken())).isEmpty();
    EnterLottery.DrawView view = view();
    assertThat(view.status()).isEqualTo(EnterLottery.DrawStatus.OPEN);
    assertThat(view.entries()).isEqualTo(1);
    assertThat(view.commitment()).contains(entry.commitment());
    assertThat(view.seed()).isEmpty();
    assertThat(view.order()).isEmpty();
  }

  @Test
  void oneIdentityEntersOnceEvenUnderAnotherSpellingOfItsAddress() {
    entered(new Citizen("Erika", Optional.of("erika.mustermann@gmail.com"), Optional.empty()));

    Refused again =
        refused(
            enter(
                new Citizen(
                    "E. M.",
                    Optional.of("ErikaMustermann+termin@googlemail.com"),
                    Optional.empty())));
    Refused byPhone =
        refused(
            enter(
                new Citizen(
                    "Erika",
                    Optional.of("erika.mustermann@gmail.com"),
                    Optional.of("089 123456"))));

    assertThat(again.reason()).isEqualTo(RefusalReason.ALREADY_EXISTS);
    assertThat(byPhone.reason()).isEqualTo(RefusalReason.ALREADY_EXISTS);
    assertThat(view().entries()).isEqualTo(1);
  }

  @Test
  void entriesWithoutContactForUnknownOfficesOrServicesOrWithoutALotteryAreRefused() {
    assertThat(refused(enter(Citizen.named("No Contact"))).reason())
        .isEqualTo(RefusalReason.INVALID_REQUEST);
    assertThat(
            refused(enter(new Citizen("Bad", Optional.of("not-an-address"), Optional.empty())))
                .reason())
        .isEqualTo(RefusalReason.INVALID_REQUEST);
    assertThat(
            refused(
                    lottery.enter(
                        new EnterLottery.Command(
                            OfficeId.of("nowhere"), ONE_BASIC_INCOME, DAY, citizen(1), false)))
                .reason())
        .isEqualTo(RefusalReason.NOT_FOUND);
    assertThat(
            refused(
                    lottery.enter(
                        new EnterLottery.Command(
                            OFFICE,
                            ImmutableList.of(new ServiceRequest(ServiceId.of("nothing"), 1)),
                            DAY,
                            citizen(1),
                            false)))
                .reason())
        .isEqualTo(RefusalReason.INVALID_REQUEST);
    assertThat(
            refused(
                    lottery.enter(
                        new EnterLottery.Command(
                            OTHER_OFFICE, ONE_BASIC_INCOME, DAY, citizen(1), false)))
                .reason())
        .isEqualTo(RefusalReason.NOT_PERMITTED);
    assertThat(refused(lottery.draws(OTHER_OFFICE, DAY)).reason())
        .isEqualTo(RefusalReason.NOT_PERMITTED);
  }

  @Test
  void entriesOutsideTheWindowAreRefusedSayingWhenTheyOpen() {
    Refused early =
        refused(
            lottery.enter(
                new EnterLottery.Command(
                    OFFICE, ONE_BASIC_INCOME, DAY.plusDays(7), citizen(1), false)));
    Refused late =
        refused(
            lottery.enter(
                new EnterLottery.Command(
                    OFFICE, ONE_BASIC_INCOME, MONDAY_DATE, citizen(1), false)));

    assertThat(early.reason()).isEqualTo(RefusalReason.NOT_YET_RELEASED);
    assertThat(early.detail()).contains(DRAW_AT.plus(Duration.ofDays(5)).toString());
    assertThat(late.reason()).isEqualTo(RefusalReason.TOO_LATE);
    assertThat(lottery.draw(OFFICE, DAY.plusDays(7), 0).orElseThrow().status())
        .isEqualTo(EnterLottery.DrawStatus.SCHEDULED);
    assertThat(lottery.draw(OFFICE, DAY.plusDays(7), 0).orElseThrow().commitment())
        .as("published when entries open")
        .isEmpty();
  }

  @Test
  void drawIsReproducibleFromTheRevealedSeedAndTheCommitmentPublishedBefore() {
    List<EnterLottery.Entered> entries = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      entries.add(entered(citizen(i)));
    }
    String published = view().commitment().orElseThrow();
    assertThat(draws().run()).as("not before the draw time").isZero();

    clock.set(DRAW_AT);
    assertThat(draws().run()).isEqualTo(1);

    EnterLottery.DrawView view = view();
    assertThat(view.status()).isEqualTo(EnterLottery.DrawStatus.DRAWN);
    String seed = view.seed().orElseThrow();
    assertThat(Hashing.sha256().hashString(seed, StandardCharsets.UTF_8).toString())
        .isEqualTo(published);
    List<String> ids =
        new ArrayList<>(entries.stream().map(EnterLottery.Entered::entryId).toList());
    for (int shuffle = 0; shuffle < 5; shuffle++) {
      Collections.shuffle(ids, new Random(shuffle));
      assertThat(Lottery.drawOrder(seed, ids, Function.identity())).isEqualTo(view.order());
    }
    assertThat(view.winners()).containsExactlyElementsOf(view.order()).as("capacity for everyone");
    for (EnterLottery.Entered entry : entries) {
      EnterLottery.EntryStatus status =
          lottery.find(entry.entryId(), entry.entryToken()).orElseThrow();
      assertThat(status).isInstanceOf(EnterLottery.Won.class);
      var stored = bookings.findByReference(((EnterLottery.Won) status).reference()).orElseThrow();
      assertThat(stored.booking().start()).isEqualTo(((EnterLottery.Won) status).start());
      assertThat(stored.manageTokenHash())
          .as("the entry token manages the booking")
          .isEqualTo(Secrets.sha256(entry.entryToken()));
    }
    // Winners booked in draw order: earlier in the order, earlier start.
    List<Instant> starts =
        view.order().stream()
            .map(id -> store.entry(id).orElseThrow().outcome().start().orElseThrow())
            .toList();
    assertThat(starts).isSorted();
    assertThat(notifier.sent())
        .extracting(Notifier.Notification::kind)
        .containsOnly(Notifier.Kind.LOTTERY_WON)
        .hasSize(6);
    assertThat(store.entries(new LotteryStore.DrawKey(OFFICE, DAY, 0)))
        .allSatisfy(entry -> assertThat(entry.citizen()).isEmpty());
  }

  @Test
  void sameEntriesAreDrawnInTheSameOrderWhateverTheOrderTheyCameIn() {
    List<LotteryStore.Entry> entries = new ArrayList<>();
    LotteryStore.DrawKey key = new LotteryStore.DrawKey(OFFICE, DAY, 0);
    for (int i = 0; i < 12; i++) {
      entries.add(
          new LotteryStore.Entry(
              "entry-" + i,
              key,
              Secrets.sha256("token-" + i),
              ImmutableList.of(new BookedService(BASIC_INCOME.id(), 1)),
              Optional.of(citizen(i)),
              ImmutableSet.of("identity-" + i),
              false,
              NOW,
              LotteryStore.Outcome.pending()));
    }
    List<ImmutableList<String>> orders = new ArrayList<>();
    List<ImmutableList<String>> winners = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      // The same office (and secret), fresh bookings and entries.
      bookings = new InMemoryBookingStore();
      store = new InMemoryLotteryStore();
      booking =
          BookingServices.of(
              catalog,
              bookings,
              bookings.auditLog(),
              clock,
              RandomSource.seeded(1),
              new InMemorySpentChallenges(),
              new InMemoryHoldRates());
      lottery = new LotteryService(catalog, store, clock, RandomSource.seeded(2));
      clock.set(NOW);
      List<LotteryStore.Entry> arrival = new ArrayList<>(entries);
      Collections.shuffle(arrival, new Random(run));
      LotteryStore.Draw draw =
          LotteryStore.Draw.open(
              key, DRAW_AT, Lottery.commitment(Lottery.seed(secret(), OFFICE, DAY, 0)));
      arrival.forEach(entry -> store.enter(draw, entry));
      clock.set(DRAW_AT);
      draws().run();
      orders.add(view().order());
      winners.add(view().winners());
    }
    assertThat(orders).allSatisfy(order -> assertThat(order).isEqualTo(orders.get(0)).hasSize(12));
    assertThat(winners).allSatisfy(won -> assertThat(won).isEqualTo(winners.get(0)));
  }

  @Test
  void winnersAreBookedInTheOnlineContingentOnlyAndLosersGoToTheWaitingList() {
    ChannelContingents halfOnline =
        new ChannelContingents(
            ImmutableMap.of(Contingent.ONLINE, 50, Contingent.PHONE, 50),
            ImmutableMap.of(),
            60,
            Duration.ZERO);
    catalog.saveAccessPolicy(
        OFFICE, Optional.empty(), Optional.of(LOTTERY.withContingents(halfOnline)));
    List<EnterLottery.Entered> entries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      entries.add(entered(citizen(i)));
    }
    clock.set(DRAW_AT);

    draws().run();

    EnterLottery.DrawView view = view();
    assertThat(view.winners()).isNotEmpty().hasSizeLessThan(20);
    for (String winner : view.winners()) {
      var won =
          bookings
              .findByReference(
                  store.entry(winner).orElseThrow().outcome().reference().orElseThrow())
              .orElseThrow()
              .booking();
      assertThat(halfOnline.contingentOf(secret(), OFFICE, ZONE, won.resource(), won.start()))
          .isEqualTo(Contingent.ONLINE);
      assertThat(won.channel()).isEqualTo(Channel.ONLINE);
    }
    assertThat(view.winners())
        .as("the winners are the first of the order")
        .containsExactlyElementsOf(view.order().subList(0, view.winners().size()));
    int losers = 20 - view.winners().size();
    assertThat(notifier.sent())
        .filteredOn(sent -> sent.kind() == Notifier.Kind.LOTTERY_LOST)
        .hasSize(losers);
    assertThat(waitingList)
        .hasSize(losers)
        .allSatisfy(
            loser -> {
              assertThat(loser.office()).isEqualTo(OFFICE);
              assertThat(loser.day()).isEqualTo(DAY);
              assertThat(loser.services()).containsExactly(new BookedService(BASIC_INCOME.id(), 1));
            });
    EnterLottery.Entered lost =
        entries.stream()
            .filter(entry -> !view.winners().contains(entry.entryId()))
            .findFirst()
            .orElseThrow();
    assertThat(lottery.find(lost.entryId(), lost.entryToken()))
        .containsInstanceOf(EnterLottery.Lost.class);
  }

  @Test
  void firstComeFirstServedOpensOnlyTheDrawGraceAfterTheDraw() {
    entered(citizen(1));
    Instant nine = at(DAY, 9, 0);
    assertThat(refused(citizenHold(nine)).reason())
        .as("while entries are open")
        .isEqualTo(RefusalReason.NOT_YET_RELEASED);

    clock.set(DRAW_AT);
    assertThat(refused(citizenHold(nine)).reason())
        .as("at the draw time")
        .isEqualTo(RefusalReason.NOT_YET_RELEASED);
    draws().run();
    clock.set(DRAW_AT.plus(LotteryPolicy.DRAW_GRACE).minusSeconds(1));
    assertThat(refused(citizenHold(nine)).reason())
        .as("just before the grace ends")
        .isEqualTo(RefusalReason.NOT_YET_RELEASED);

    clock.set(DRAW_AT.plus(LotteryPolicy.DRAW_GRACE));
    AvailabilityResult left =
        booking.findSlots(
            new FindAvailability.Query(
                OFFICE, ONE_BASIC_INCOME, Channel.ONLINE, DateRange.ofDay(DAY)));
    Instant leftover = ((AvailabilityResult.Found) left).availability().slots().get(0).start();
    assertThat(citizenHold(leftover)).isInstanceOf(HoldResult.Held.class);
  }

  @Test
  void drawRunsOnceEvenWhenTwoJobsRunAtTheSameTime() throws Exception {
    for (int i = 0; i < 10; i++) {
      entered(citizen(i));
    }
    clock.set(DRAW_AT);
    LotteryDraws first = draws();
    LotteryDraws second = draws();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (LotteryDraws job : List.of(first, second)) {
        Callable<Integer> run =
            () -> {
              start.await();
              return job.run();
            };
        runs.add(pool.submit(run));
      }
      start.countDown();
      assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(notifier.sent()).hasSize(10);
    List<Appointment> booked =
        bookings.bookings(
            OFFICE,
            DAY.atStartOfDay(ZONE).toInstant(),
            DAY.plusDays(1).atStartOfDay(ZONE).toInstant());
    assertThat(booked).hasSize(10);
    assertThat(draws().run()).as("nothing left to draw").isZero();
  }
}
