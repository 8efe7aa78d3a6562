package org.opentermin.ports.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.FairnessSecret;
import org.opentermin.core.fairness.IdentityLimit;
import org.opentermin.core.fairness.Quarantine;
import org.opentermin.core.fairness.WaitingListEntryId;
import org.opentermin.core.fairness.WaitingListPolicy;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.contract.MutableClock;
import org.opentermin.ports.in.AvailabilityResult;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.in.JoinWaitingList.EntryView;
import org.opentermin.ports.in.JoinWaitingList.Joined;
import org.opentermin.ports.in.JoinWaitingList.NotJoined;
import org.opentermin.ports.in.JoinWaitingList.Registration;
import org.opentermin.ports.in.JoinWaitingList.Status;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.memory.InMemoryWaitingListStore;
import org.opentermin.ports.memory.RecordingNotifier;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.Notifier;
import org.opentermin.ports.out.RandomSource;

class WaitingListServiceTest {

  private static final Duration OFFER_EXPIRY = Duration.ofMinutes(30);
  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final ImmutableList<ServiceRequest> ONE_BASIC_INCOME =
      ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1));
  private static final DateRange MONDAY = DateRange.ofDay(MONDAY_DATE);
  private static final Actor STAFF = Actor.staff("s-1");

  private final MutableClock clock = new MutableClock(NOW);
  private InMemoryCatalogStore catalog;
  private InMemoryBookingStore bookingStore;
  private BookingServices bookings;
  private RecordingNotifier notifier;
  private WaitingListService waitingList;
  private WaitingListOffers offers;
  private int citizens;

  @BeforeEach
  void setUp() {
    catalog = new InMemoryCatalogStore(RandomSource.seeded(7));
    ContractFixtures.fill(catalog);
    // A long quarantine, so that a cancelled time stays closed to citizens during the whole test.
    catalog.saveAccessPolicy(
        OFFICE,
        Optional.empty(),
        Optional.of(
            AccessPolicy.none()
                .withQuarantine(new Quarantine(Duration.ofDays(1), Duration.ZERO))
                .withWaitingList(new WaitingListPolicy(OFFER_EXPIRY))));
    bookingStore = new InMemoryBookingStore();
    InMemoryWaitingListStore store = new InMemoryWaitingListStore(bookingStore);
    bookings =
        BookingServices.of(
            catalog,
            bookingStore,
            bookingStore.auditLog(),
            clock,
            RandomSource.seeded(42),
            new InMemorySpentChallenges(),
            new InMemoryHoldRates());
    notifier = new RecordingNotifier();
    waitingList =
        new WaitingListService(
            catalog, store, bookingStore.auditLog(), clock, RandomSource.seeded(43));
    offers =
        new WaitingListOffers(catalog, bookings.system(), bookingStore, store, notifier, clock);
  }

  private static Citizen citizen(int number) {
    return new Citizen(
        "Citizen " + number, Optional.of("citizen" + number + "@example.org"), Optional.empty());
  }

  private Joined joined(DateRange dates) {
    JoinWaitingList.JoinResult result =
        waitingList.register(
            new Registration(OFFICE, ONE_BASIC_INCOME, dates, citizen(++citizens)));
    assertThat(result).isInstanceOf(Joined.class);
    return (Joined) result;
  }

  private RefusalReason refusalOf(Registration registration) {
    JoinWaitingList.JoinResult result = waitingList.register(registration);
    assertThat(result).isInstanceOf(NotJoined.class);
    return ((NotJoined) result).refused().reason();
  }

  private EntryView view(Joined joined) {
    return waitingList.find(joined.entry(), joined.entryToken()).orElseThrow();
  }

  /**
   * Books every time on Monday morning (both caseworkers, 08:00 to 12:00); returns the bookings.
   */
  private List<BookingResult.Confirmed> bookMondayFull() {
    List<BookingResult.Confirmed> booked = new ArrayList<>();
    for (Instant start = at(MONDAY_DATE, 8, 0);
        start.isBefore(at(MONDAY_DATE, 12, 0));
        start = start.plus(Duration.ofMinutes(30))) {
      for (int resource = 0; resource < 2; resource++) {
        HoldResult hold =
            bookings.hold(
                new HoldSlot.Command(
                    OFFICE,
                    ONE_BASIC_INCOME,
                    start,
                    Channel.ONLINE,
                    Actor.CITIZEN,
                    Optional.empty()));
        assertThat(hold).isInstanceOf(HoldResult.Held.class);
        BookingResult result =
            bookings.confirm(
                new ConfirmBooking.Command(
                    ((HoldResult.Held) hold).hold().id(),
                    citizen(1000 + booked.size()),
                    Actor.CITIZEN,
                    Optional.empty()));
        booked.add((BookingResult.Confirmed) result);
      }
    }
    return booked;
  }

  private void cancelNineOClock(List<BookingResult.Confirmed> booked) {
    BookingResult.Confirmed nine =
        booked.stream().filter(b -> b.booking().start().equals(NINE)).findFirst().orElseThrow();
    assertThat(
            bookings.cancel(
                nine.booking().reference(), BookingAccess.byToken(nine.manageToken()), ""))
        .isInstanceOf(ChangeResult.Changed.class);
  }

  @Nested
  class Order {

    @Test
    void firstComeFirstServedWithTiesBrokenByTheOfficesKeyedHash() {
      clock.set(NOW.minusSeconds(60));
      Joined early = joined(MONDAY);
      clock.set(NOW);
      List<Joined> tied = List.of(joined(MONDAY), joined(MONDAY), joined(MONDAY), joined(MONDAY));
      FairnessSecret secret = catalog.accessPolicies(OFFICE).orElseThrow().secret();
      List<WaitingListEntryId> tiedByHash =
          tied.stream()
              .map(Joined::entry)
              .sorted(
                  Comparator.comparingLong(
                      (WaitingListEntryId id) -> secret.hash("waiting", id.toString())))
              .toList();

      List<WaitingListEntryId> order =
          waitingList.openEntries(OFFICE, STAFF).stream()
              .map(view -> view.entry().entry())
              .toList();

      assertThat(order.get(0)).isEqualTo(early.entry());
      assertThat(order.subList(1, 5)).isEqualTo(tiedByHash);
    }

    @Test
    void freedTimeGoesToTheFirstInOrder() {
      List<BookingResult.Confirmed> booked = bookMondayFull();
      List<Joined> entries = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        entries.add(joined(MONDAY));
      }
      WaitingListEntryId first = waitingList.openEntries(OFFICE, STAFF).get(0).entry().entry();
      cancelNineOClock(booked);

      assertThat(offers.run()).isEqualTo(1);

      assertThat(entries)
          .filteredOn(entry -> view(entry).status() == Status.OFFERED)
          .extracting(Joined::entry)
          .containsExactly(first);
    }
  }

  @Test
  void anOfferIsNeverHeldPastTheStartOfItsAppointment() {
    catalog.saveAccessPolicy(
        OFFICE,
        Optional.empty(),
        Optional.of(
            AccessPolicy.none().withWaitingList(new WaitingListPolicy(Duration.ofDays(2)))));
    Joined entry = joined(MONDAY);

    assertThat(offers.run()).isEqualTo(1);

    assertThat(view(entry).offer())
        .hasValueSatisfying(offer -> assertThat(offer.deadline()).isEqualTo(offer.start()));
  }

  @Test
  void someoneWhoAlreadyHasTheBookingsTheLimitAllowsGetsNoOfferThatCouldNotBeTaken() {
    catalog.saveAccessPolicy(
        OFFICE,
        Optional.empty(),
        Optional.of(
            AccessPolicy.none()
                .withIdentityLimit(new IdentityLimit(1, Duration.ofDays(30)))
                .withWaitingList(new WaitingListPolicy(OFFER_EXPIRY))));
    Joined alreadyBooked = joined(MONDAY);
    clock.advance(Duration.ofSeconds(1));
    Joined next = joined(MONDAY);
    HoldResult hold =
        bookings.hold(
            new HoldSlot.Command(
                OFFICE, ONE_BASIC_INCOME, NINE, Channel.ONLINE, Actor.CITIZEN, Optional.empty()));
    assertThat(
            bookings.confirm(
                new ConfirmBooking.Command(
                    ((HoldResult.Held) hold).hold().id(),
                    citizen(1),
                    Actor.CITIZEN,
                    Optional.empty())))
        .isInstanceOf(BookingResult.Confirmed.class);

    assertThat(offers.run()).isEqualTo(1);

    assertThat(view(alreadyBooked).status()).isEqualTo(Status.WAITING);
    assertThat(view(next).status()).isEqualTo(Status.OFFERED);
  }

  @Test
  void nothingIsOfferedWhileNothingIsFree() {
    bookMondayFull();
    Joined entry = joined(MONDAY);

    assertThat(offers.run()).isZero();

    assertThat(view(entry).status()).isEqualTo(Status.WAITING);
    assertThat(notifier.sent()).isEmpty();
  }

  @Test
  void cancelledTimeIsOfferedToTheFirstEntryWhileItIsInQuarantineForCitizens() {
    List<BookingResult.Confirmed> booked = bookMondayFull();
    Joined entry = joined(MONDAY);
    cancelNineOClock(booked);
    AvailabilityResult forCitizens =
        bookings.findSlots(
            new FindAvailability.Query(OFFICE, ONE_BASIC_INCOME, Channel.ONLINE, MONDAY));
    assertThat(((AvailabilityResult.Found) forCitizens).availability().slots())
        .as("in quarantine")
        .isEmpty();

    assertThat(offers.run()).isEqualTo(1);

    EntryView view = view(entry);
    assertThat(view.status()).isEqualTo(Status.OFFERED);
    assertThat(view.offer())
        .hasValueSatisfying(
            offer -> {
              assertThat(offer.start()).isEqualTo(NINE);
              assertThat(offer.deadline()).isEqualTo(NOW.plus(OFFER_EXPIRY));
              assertThat(bookingStore.find(offer.hold()))
                  .hasValueSatisfying(hold -> assertThat(hold.isLiveHoldAt(NOW)).isTrue());
            });
    assertThat(notifier.sent())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.kind()).isEqualTo(Notifier.Kind.WAITING_LIST_OFFER);
              assertThat(sent.office()).isEqualTo(OFFICE);
              assertThat(sent.entryId()).isEqualTo(entry.entry().toString());
              assertThat(sent.recipient().email()).contains("citizen1@example.org");
              assertThat(sent.appointmentStart()).contains(NINE);
              assertThat(sent.deadline()).contains(NOW.plus(OFFER_EXPIRY));
            });
    assertThat(offers.run()).as("offered once").isZero();
  }

  @Test
  void unansweredOfferLapsesAndTheTimeGoesToTheNextEntry() {
    List<BookingResult.Confirmed> booked = bookMondayFull();
    Joined first = joined(MONDAY);
    clock.advance(Duration.ofSeconds(1));
    Joined second = joined(MONDAY);
    cancelNineOClock(booked);
    offers.run();
    Instant firstHold = view(first).offer().orElseThrow().start();

    clock.advance(OFFER_EXPIRY);
    assertThat(offers.run()).isEqualTo(1);

    assertThat(view(first).status()).isEqualTo(Status.LAPSED);
    assertThat(view(second).status()).isEqualTo(Status.OFFERED);
    assertThat(view(second).offer().orElseThrow().start()).isEqualTo(firstHold);
  }

  @Test
  void acceptedOfferIsBooked() {
    List<BookingResult.Confirmed> booked = bookMondayFull();
    Joined entry = joined(MONDAY);
    cancelNineOClock(booked);
    offers.run();
    clock.advance(Duration.ofMinutes(10));

    BookingResult confirmed =
        bookings.confirm(
            new ConfirmBooking.Command(
                view(entry).offer().orElseThrow().hold(),
                citizen(1),
                Actor.CITIZEN,
                Optional.empty()));
    assertThat(confirmed).isInstanceOf(BookingResult.Confirmed.class);
    clock.advance(OFFER_EXPIRY);
    offers.run();

    assertThat(view(entry).status()).isEqualTo(Status.BOOKED);
  }

  @Test
  void withdrawingAnOfferedEntryReleasesItsHoldAtOnce() {
    List<BookingResult.Confirmed> booked = bookMondayFull();
    Joined first = joined(MONDAY);
    clock.advance(Duration.ofSeconds(1));
    Joined second = joined(MONDAY);
    cancelNineOClock(booked);
    offers.run();
    Appointment hold = bookingStore.find(view(first).offer().orElseThrow().hold()).orElseThrow();

    assertThat(waitingList.withdraw(first.entry(), first.entryToken()))
        .isInstanceOf(JoinWaitingList.Withdrawn.class);

    assertThat(bookingStore.find(hold.id())).isEmpty();
    assertThat(view(first).status()).isEqualTo(Status.WITHDRAWN);
    assertThat(offers.run())
        .as("the time goes to the next entry before the offer's deadline")
        .isEqualTo(1);
    assertThat(view(second).offer().orElseThrow().start()).isEqualTo(NINE);
    assertThat(waitingList.withdraw(first.entry(), first.entryToken()))
        .as("again")
        .isInstanceOf(JoinWaitingList.Withdrawn.class);
  }

  @Test
  void withdrawnWaitingEntryIsNeverOffered() {
    List<BookingResult.Confirmed> booked = bookMondayFull();
    Joined entry = joined(MONDAY);
    waitingList.withdraw(entry.entry(), entry.entryToken());
    cancelNineOClock(booked);

    assertThat(offers.run()).isZero();
    assertThat(view(entry).status()).isEqualTo(Status.WITHDRAWN);
  }

  @Test
  void bookedEntryCannotBeWithdrawn() {
    List<BookingResult.Confirmed> booked = bookMondayFull();
    Joined entry = joined(MONDAY);
    cancelNineOClock(booked);
    offers.run();
    bookings.confirm(
        new ConfirmBooking.Command(
            view(entry).offer().orElseThrow().hold(), citizen(1), Actor.CITIZEN, Optional.empty()));
    offers.run();

    JoinWaitingList.WithdrawResult result = waitingList.withdraw(entry.entry(), entry.entryToken());

    assertThat(result)
        .isInstanceOfSatisfying(
            JoinWaitingList.NotWithdrawn.class,
            refused ->
                assertThat(refused.refused().reason()).isEqualTo(RefusalReason.ILLEGAL_TRANSITION));
  }

  @Test
  void staffLookingAtTheListIsRecordedInTheAuditLog() {
    joined(MONDAY);

    assertThat(waitingList.openEntries(OFFICE, STAFF)).hasSize(1);

    assertThat(bookingStore.auditLog().read(AuditLog.Query.firstPage(OFFICE, 10)).entries())
        .extracting(AuditLog.Logged::entry)
        .filteredOn(entry -> entry.action() == AuditAction.VIEWED_WAITING_LIST)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.actor()).isEqualTo(STAFF);
              assertThat(entry.at()).isEqualTo(NOW);
            });
  }

  @Test
  void entryWhoseDatesPassedExpires() {
    Joined entry = joined(MONDAY);
    clock.set(at(MONDAY_DATE.plusDays(1), 7, 0));

    assertThat(view(entry).status()).as("shown at once").isEqualTo(Status.EXPIRED);
    offers.run();

    assertThat(waitingList.openEntries(OFFICE, STAFF)).isEmpty();
    assertThat(view(entry).status()).isEqualTo(Status.EXPIRED);
  }

  @Test
  void freeTimeOutsideAnEntrysDatesIsNotOffered() {
    bookMondayFull();
    Joined entry = joined(MONDAY);

    assertThat(offers.run()).as("Tuesday is free, but the entry wants Monday").isZero();
    assertThat(view(entry).status()).isEqualTo(Status.WAITING);
  }

  @Nested
  class Privacy {

    @Test
    void entriesNeverSeeEachOthersData() {
      Joined erika = joined(MONDAY);
      Joined max = joined(MONDAY);

      assertThat(waitingList.find(erika.entry(), max.entryToken())).isEmpty();
      assertThat(waitingList.find(max.entry(), erika.entryToken())).isEmpty();
      assertThat(waitingList.withdraw(erika.entry(), max.entryToken()))
          .isInstanceOfSatisfying(
              JoinWaitingList.NotWithdrawn.class,
              refused -> assertThat(refused.refused().reason()).isEqualTo(RefusalReason.NOT_FOUND));
      assertThat(view(erika).status()).isEqualTo(Status.WAITING);
      assertThat(view(erika).entry()).isEqualTo(erika.entry());
    }

    @Test
    void wrongOrMissingTokenLooksLikeAnUnknownEntry() {
      Joined entry = joined(MONDAY);
      WaitingListEntryId unknown = new WaitingListEntryId(OFFICE, java.util.UUID.randomUUID());

      assertThat(waitingList.find(entry.entry(), "")).isEmpty();
      assertThat(waitingList.find(entry.entry(), null)).isEmpty();
      assertThat(waitingList.find(unknown, entry.entryToken())).isEmpty();
      assertThat(((JoinWaitingList.NotWithdrawn) waitingList.withdraw(unknown, "x")).refused())
          .isEqualTo(
              ((JoinWaitingList.NotWithdrawn) waitingList.withdraw(entry.entry(), "x")).refused());
    }

    @Test
    void tokensAreLongAndDifferent() {
      Joined one = joined(MONDAY);
      Joined two = joined(MONDAY);

      assertThat(one.entryToken()).hasSize(43).isNotEqualTo(two.entryToken());
    }
  }

  @Nested
  class Refusals {

    private Registration registration(
        OfficeId office, ImmutableList<ServiceRequest> services, DateRange dates, Citizen citizen) {
      return new Registration(office, services, dates, citizen);
    }

    @Test
    void officeWithoutWaitingListRefuses() {
      assertThat(refusalOf(registration(OTHER_OFFICE, ONE_BASIC_INCOME, MONDAY, citizen(1))))
          .isEqualTo(RefusalReason.NOT_PERMITTED);
    }

    @Test
    void unknownOfficeOrServiceIsRefused() {
      assertThat(
              refusalOf(registration(OfficeId.of("nowhere"), ONE_BASIC_INCOME, MONDAY, citizen(1))))
          .isEqualTo(RefusalReason.NOT_FOUND);
      assertThat(
              refusalOf(
                  registration(
                      OFFICE,
                      ImmutableList.of(new ServiceRequest(ServiceId.of("nothing"), 1)),
                      MONDAY,
                      citizen(1))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
      assertThat(refusalOf(registration(OFFICE, ImmutableList.of(), MONDAY, citizen(1))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
      assertThat(
              refusalOf(
                  registration(
                      OFFICE,
                      ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 3)),
                      MONDAY,
                      citizen(1))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
      assertThat(
              refusalOf(
                  registration(
                      OFFICE,
                      ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 0)),
                      MONDAY,
                      citizen(1))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
    }

    @Test
    void aRefusalDoesNotNameASensitiveService() {
      JoinWaitingList.JoinResult result =
          waitingList.register(
              registration(
                  OFFICE,
                  ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 3)),
                  MONDAY,
                  citizen(1)));

      assertThat(BASIC_INCOME.sensitive()).isTrue();
      assertThat(result)
          .isInstanceOfSatisfying(
              NotJoined.class,
              refused ->
                  assertThat(refused.refused().detail())
                      .contains("1 to 2 persons")
                      .doesNotContain(BASIC_INCOME.id().value(), BASIC_INCOME.name()));
    }

    @Test
    void datesOutsideTheHorizonOrTooLongAreRefused() {
      assertThat(
              refusalOf(
                  registration(
                      OFFICE,
                      ONE_BASIC_INCOME,
                      DateRange.ofDay(MONDAY_DATE.minusDays(2)),
                      citizen(1))))
          .as("past")
          .isEqualTo(RefusalReason.INVALID_REQUEST);
      assertThat(
              refusalOf(
                  registration(
                      OFFICE,
                      ONE_BASIC_INCOME,
                      DateRange.closed(MONDAY_DATE, MONDAY_DATE.plusDays(70)),
                      citizen(1))))
          .as("beyond the 60-day horizon")
          .isEqualTo(RefusalReason.INVALID_REQUEST);
      assertThat(
              refusalOf(
                  registration(
                      OFFICE,
                      ONE_BASIC_INCOME,
                      new DateRange(MONDAY_DATE, MONDAY_DATE),
                      citizen(1))))
          .as("empty")
          .isEqualTo(RefusalReason.INVALID_REQUEST);
    }

    @Test
    void citizenWithoutValidEmailOrPhoneIsRefused() {
      assertThat(refusalOf(registration(OFFICE, ONE_BASIC_INCOME, MONDAY, Citizen.named("Erika"))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
      assertThat(
              refusalOf(
                  registration(
                      OFFICE,
                      ONE_BASIC_INCOME,
                      MONDAY,
                      new Citizen("Erika", Optional.of("not-an-address"), Optional.of("12")))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
    }

    @Test
    void samePersonWaitingForTheSameServiceIsRefusedInAnySpelling() {
      waitingList.register(
          registration(
              OFFICE,
              ONE_BASIC_INCOME,
              MONDAY,
              new Citizen("Erika", Optional.of("erika.mustermann@gmail.com"), Optional.empty())));

      assertThat(
              refusalOf(
                  registration(
                      OFFICE,
                      ImmutableList.of(
                          new ServiceRequest(HOUSING.id(), 1),
                          new ServiceRequest(BASIC_INCOME.id(), 1)),
                      MONDAY,
                      new Citizen(
                          "E. M.",
                          Optional.of("ErikaMustermann+termin@googlemail.com"),
                          Optional.empty()))))
          .isEqualTo(RefusalReason.ALREADY_EXISTS);
    }
  }
}
