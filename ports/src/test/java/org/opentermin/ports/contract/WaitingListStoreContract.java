package org.opentermin.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.WaitingListEntryId;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;
import org.opentermin.ports.out.WaitingListStore;
import org.opentermin.ports.out.WaitingListStore.Addition;
import org.opentermin.ports.out.WaitingListStore.Entry;
import org.opentermin.ports.out.WaitingListStore.Offer;
import org.opentermin.ports.out.WaitingListStore.Status;

/**
 * Every {@link WaitingListStore} MUST pass this. Subclasses supply fresh stores sharing one backing
 * storage; the catalog is filled with {@link ContractFixtures#fill} before each test.
 */
public abstract class WaitingListStoreContract {

  private static final byte[] TOKEN_HASH =
      "token-hash-32-bytes-long-exactly".getBytes(StandardCharsets.UTF_8);
  private static final Citizen ERIKA =
      new Citizen(
          "Erika Mustermann", Optional.of("erika@example.org"), Optional.of("+49891234567"));
  private static final DateRange WEEK = DateRange.closed(MONDAY_DATE, MONDAY_DATE.plusDays(4));

  private WaitingListStore store;
  private BookingStore bookings;
  private int nextId;

  /** The stores under test, sharing one backing storage, all empty. */
  public record Stores(CatalogStore catalog, BookingStore bookings, WaitingListStore waitingList) {}

  protected abstract Stores newStores();

  @BeforeEach
  void createStores() {
    Stores stores = newStores();
    ContractFixtures.fill(stores.catalog());
    bookings = stores.bookings();
    store = stores.waitingList();
  }

  private WaitingListEntryId newId(OfficeId office) {
    return new WaitingListEntryId(office, new UUID(0x1234L, ++nextId));
  }

  private Entry entry(
      WaitingListEntryId id, String identityKey, Instant registeredAt, BookedService... services) {
    return new Entry(
        id,
        ImmutableList.copyOf(services),
        WEEK,
        ERIKA,
        ImmutableSet.of(identityKey),
        TOKEN_HASH,
        registeredAt,
        Status.WAITING,
        Optional.empty(),
        registeredAt);
  }

  private Entry added(String identityKey, Instant registeredAt) {
    Entry entry =
        entry(newId(OFFICE), identityKey, registeredAt, new BookedService(BASIC_INCOME.id(), 1));
    assertThat(store.add(entry)).isEqualTo(Addition.ADDED);
    return entry;
  }

  private AppointmentId hold(Instant start) {
    AppointmentId id = new AppointmentId(OFFICE, new UUID(0x5678L, ++nextId));
    HoldClaim claim =
        new HoldClaim(
            id,
            ImmutableList.of(ANNA),
            start,
            start.plus(Duration.ofMinutes(30)),
            ImmutableList.of(new BookedService(BASIC_INCOME.id(), 1)),
            Channel.ONLINE,
            NOW.plus(Duration.ofHours(12)));
    assertThat(bookings.placeHold(claim, Optional.empty(), NOW).outcome())
        .isEqualTo(BookingStore.HoldInsertion.INSERTED);
    return id;
  }

  @Test
  void addedEntryIsFoundWithEverythingItWasGiven() {
    Entry entry =
        new Entry(
            newId(OFFICE),
            ImmutableList.of(
                new BookedService(BASIC_INCOME.id(), 2), new BookedService(HOUSING.id(), 1)),
            WEEK,
            ERIKA,
            ImmutableSet.of("key-email", "key-phone"),
            TOKEN_HASH,
            NOW,
            Status.WAITING,
            Optional.empty(),
            NOW);

    assertThat(store.add(entry)).isEqualTo(Addition.ADDED);

    Entry found = store.find(entry.id()).orElseThrow();
    assertThat(found.id()).isEqualTo(entry.id());
    assertThat(found.services()).isEqualTo(entry.services());
    assertThat(found.dates()).isEqualTo(WEEK);
    assertThat(found.contact().name()).isEqualTo("Erika Mustermann");
    assertThat(found.contact().email()).contains("erika@example.org");
    assertThat(found.contact().phone()).contains("+49891234567");
    assertThat(found.identityKeys()).containsExactlyInAnyOrder("key-email", "key-phone");
    assertThat(found.tokenHash()).isEqualTo(TOKEN_HASH);
    assertThat(found.registeredAt()).isEqualTo(NOW);
    assertThat(found.status()).isEqualTo(Status.WAITING);
    assertThat(found.offer()).isEmpty();
  }

  @Test
  void unknownEntryIsNotFound() {
    assertThat(store.find(newId(OFFICE))).isEmpty();
  }

  @Test
  void samePersonCannotWaitTwiceForOneServiceAtOneOffice() {
    added("key-1", NOW);

    Entry again =
        entry(
            newId(OFFICE),
            "key-1",
            NOW.plusSeconds(1),
            new BookedService(HOUSING.id(), 1),
            new BookedService(BASIC_INCOME.id(), 1));
    assertThat(store.add(again)).isEqualTo(Addition.ALREADY_WAITING);
    assertThat(store.find(again.id())).isEmpty();
  }

  @Test
  void samePersonMayWaitForAnotherServiceOrAtAnotherOfficeOrAfterLeaving() {
    Entry first = added("key-1", NOW);

    assertThat(store.add(entry(newId(OFFICE), "key-1", NOW, new BookedService(HOUSING.id(), 1))))
        .isEqualTo(Addition.ADDED);
    assertThat(
            store.add(
                entry(newId(OTHER_OFFICE), "key-1", NOW, new BookedService(BASIC_INCOME.id(), 1))))
        .isEqualTo(Addition.ADDED);
    assertThat(store.changeStatus(first.id(), Status.WAITING, Status.WITHDRAWN, NOW)).isTrue();
    assertThat(
            store.add(entry(newId(OFFICE), "key-1", NOW, new BookedService(BASIC_INCOME.id(), 1))))
        .isEqualTo(Addition.ADDED);
  }

  @Test
  void entriesComeByRegistrationPerOfficeAndStatus() {
    Entry second = added("key-2", NOW.plusSeconds(2));
    Entry first = added("key-1", NOW.plusSeconds(1));
    Entry withdrawn = added("key-3", NOW);
    store.changeStatus(withdrawn.id(), Status.WAITING, Status.WITHDRAWN, NOW);
    store.add(entry(newId(OTHER_OFFICE), "key-4", NOW, new BookedService(BASIC_INCOME.id(), 1)));

    assertThat(store.entries(OFFICE, EnumSet.of(Status.WAITING)))
        .extracting(Entry::id)
        .containsExactly(first.id(), second.id());
    assertThat(store.entries(OFFICE, EnumSet.of(Status.WITHDRAWN)))
        .extracting(Entry::id)
        .containsExactly(withdrawn.id());
    assertThat(store.entries(OFFICE, EnumSet.of(Status.OFFERED))).isEmpty();
  }

  @Test
  void offerIsRecordedOnlyOnAWaitingEntry() {
    Entry entry = added("key-1", NOW);
    Offer offer =
        new Offer(
            hold(at(MONDAY_DATE, 9, 0)), at(MONDAY_DATE, 9, 0), NOW.plus(Duration.ofHours(12)));

    assertThat(store.offer(entry.id(), offer, NOW.plusSeconds(5))).isTrue();
    assertThat(store.offer(entry.id(), offer, NOW.plusSeconds(6))).as("offered already").isFalse();

    Entry found = store.find(entry.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(Status.OFFERED);
    assertThat(found.offer()).contains(offer);
    assertThat(found.changedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void statusChangesOnlyFromTheExpectedStatusAndKeepsTheOffer() {
    Entry entry = added("key-1", NOW);
    Offer offer =
        new Offer(
            hold(at(MONDAY_DATE, 9, 0)), at(MONDAY_DATE, 9, 0), NOW.plus(Duration.ofHours(12)));
    store.offer(entry.id(), offer, NOW);

    assertThat(store.changeStatus(entry.id(), Status.WAITING, Status.WITHDRAWN, NOW)).isFalse();
    assertThat(store.changeStatus(entry.id(), Status.OFFERED, Status.LAPSED, NOW.plusSeconds(1)))
        .isTrue();
    assertThat(store.changeStatus(entry.id(), Status.OFFERED, Status.BOOKED, NOW.plusSeconds(2)))
        .isFalse();
    assertThat(store.changeStatus(newId(OFFICE), Status.WAITING, Status.WITHDRAWN, NOW))
        .as("unknown")
        .isFalse();

    Entry found = store.find(entry.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(Status.LAPSED);
    assertThat(found.offer()).contains(offer);
  }

  @Test
  void changesThatTheLifecycleDoesNotKnowAreRejected() {
    Entry entry = added("key-1", NOW);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.changeStatus(entry.id(), Status.WAITING, Status.BOOKED, NOW));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store.changeStatus(entry.id(), Status.LAPSED, Status.WAITING, NOW));
  }

  @Test
  void releasingAnOfferedHoldFreesItsTimeAtOnce() {
    Instant nine = at(MONDAY_DATE, 9, 0);
    AppointmentId hold = hold(nine);

    assertThat(store.releaseHold(hold)).isTrue();

    assertThat(bookings.find(hold)).isEmpty();
    assertThat(bookings.busyPeriods(OFFICE, nine, nine.plus(Duration.ofHours(1)))).isEmpty();
    assertThat(store.releaseHold(hold)).as("gone already").isFalse();
  }

  @Test
  void releasingNeverDeletesABooking() {
    AppointmentId hold = hold(at(MONDAY_DATE, 9, 0));
    BookingEvent event =
        new BookingEvent(
            hold, NOW, Actor.CITIZEN, AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, "");
    assertThat(
            bookings
                .confirm(
                    ConfirmClaim.of(
                        hold,
                        EnumSet.of(Channel.ONLINE),
                        BookingReference.random(bound -> 3 % bound),
                        TOKEN_HASH,
                        ERIKA,
                        NOW,
                        event))
                .outcome())
        .isEqualTo(BookingStore.Confirmation.CONFIRMED);

    assertThat(store.releaseHold(hold)).isFalse();

    assertThat(bookings.find(hold))
        .hasValueSatisfying(
            booking -> assertThat(booking.status()).isEqualTo(AppointmentStatus.CONFIRMED));
  }

  @Test
  void ofManyInstancesOfferingOneEntryAtOnceExactlyOneSucceeds() throws Exception {
    int callers = 8;
    for (int round = 0; round < 10; round++) {
      Entry entry = added("key-" + round, NOW);
      Offer offer =
          new Offer(
              new AppointmentId(OFFICE, new UUID(9, round)),
              at(MONDAY_DATE, 9, 0),
              NOW.plus(Duration.ofHours(1)));
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Boolean>> offers = new ArrayList<>();
      for (int caller = 0; caller < callers; caller++) {
        offers.add(
            () -> {
              start.await();
              return store.offer(entry.id(), offer, NOW);
            });
      }
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (Callable<Boolean> call : offers) {
          results.add(pool.submit(call));
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

  @Test
  void ofManyRegistrationsOfOnePersonAtOnceExactlyOneIsAdded() throws Exception {
    int callers = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Addition>> additions = new ArrayList<>();
    for (int caller = 0; caller < callers; caller++) {
      Entry entry =
          entry(newId(OFFICE), "same-person", NOW, new BookedService(BASIC_INCOME.id(), 1));
      additions.add(
          () -> {
            start.await();
            return store.add(entry);
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Addition>> results = new ArrayList<>();
      for (Callable<Addition> call : additions) {
        results.add(pool.submit(call));
      }
      start.countDown();
      int added = 0;
      for (Future<Addition> result : results) {
        added += result.get() == Addition.ADDED ? 1 : 0;
      }
      assertThat(added).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
