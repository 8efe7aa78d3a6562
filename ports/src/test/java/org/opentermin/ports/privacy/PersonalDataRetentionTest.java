package org.opentermin.ports.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.ErasedBooking;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.privacy.RetentionPeriod;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.contract.MutableClock;
import org.opentermin.ports.fairness.WaitingListService;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.in.ViewDay;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemoryLotteryStore;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.memory.InMemoryWaitingListStore;
import org.opentermin.ports.out.LotteryStore;
import org.opentermin.ports.out.RandomSource;

/**
 * The retention job against the in-memory stores with a clock the tests move: a booking on Monday 7
 * December 2026 from 09:00 to 09:30 in Munich, made the evening before.
 */
class PersonalDataRetentionTest {

  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final Instant END = NINE.plus(Duration.ofMinutes(30));
  private static final AccessGrant CLERK =
      new AccessGrant("clerk", AccessRole.STAFF, ImmutableSet.of(OFFICE));
  private static final Citizen ERIKA =
      new Citizen(
          "Erika Mustermann",
          Optional.of("erika@example.org"),
          Optional.empty(),
          Optional.of("Bitte mit Dolmetscher"));

  private final MutableClock clock = new MutableClock(NOW);
  private InMemoryCatalogStore catalog;
  private InMemoryBookingStore bookings;
  private InMemoryWaitingListStore waitingList;
  private InMemoryLotteryStore lottery;
  private BookingServices booking;
  private PersonalDataRetention retention;

  @BeforeEach
  void setUp() {
    catalog = new InMemoryCatalogStore();
    ContractFixtures.fill(catalog);
    bookings = new InMemoryBookingStore();
    waitingList = new InMemoryWaitingListStore(bookings);
    lottery = new InMemoryLotteryStore();
    booking =
        BookingServices.of(
            catalog,
            bookings,
            bookings.auditLog(),
            clock,
            RandomSource.seeded(11),
            new InMemorySpentChallenges(),
            new InMemoryHoldRates());
    retention = new PersonalDataRetention(catalog, bookings, waitingList, lottery, clock, 2);
  }

  private BookingResult.Confirmed booked(OfficeId office, Instant start) {
    HoldResult held =
        booking.hold(
            new HoldSlot.Command(
                office,
                ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1)),
                start,
                Channel.ONLINE,
                Actor.CITIZEN,
                Optional.empty()));
    Hold hold = ((HoldResult.Held) held).hold();
    return (BookingResult.Confirmed)
        booking.confirm(
            new ConfirmBooking.Command(hold.id(), ERIKA, Actor.CITIZEN, Optional.empty()));
  }

  private Optional<Booking> reachable(BookingResult.Confirmed confirmed) {
    return booking.find(
        confirmed.booking().reference(), BookingAccess.byToken(confirmed.manageToken()));
  }

  private Appointment stored(BookingResult.Confirmed confirmed) {
    return bookings.find(confirmed.booking().id()).orElseThrow();
  }

  @Test
  void aBookingsDataIsKeptUntilThirtyDaysAfterItsEndAndErasedThen() {
    BookingResult.Confirmed confirmed = booked(OFFICE, NINE);

    clock.set(END.plus(Duration.ofDays(30)).minus(1, ChronoUnit.MICROS));
    assertThat(retention.run().bookings()).isZero();
    assertThat(reachable(confirmed))
        .hasValueSatisfying(found -> assertThat(found.citizen()).isEqualTo(ERIKA));

    clock.set(END.plus(Duration.ofDays(30)));
    assertThat(retention.run()).isEqualTo(new PersonalDataRetention.Erased(1, 0, 0));

    assertThat(reachable(confirmed)).isEmpty();
    assertThat(stored(confirmed)).isEqualTo(confirmed.booking().erased(clock.instant()));
    assertThat(((ViewDay.Day) booking.bookingsOn(OFFICE, MONDAY_DATE, CLERK)).bookings())
        .singleElement()
        .satisfies(
            erased -> {
              assertThat(erased.status()).isEqualTo(AppointmentStatus.CONFIRMED);
              assertThat(erased).isInstanceOf(ErasedBooking.class);
              assertThat(erased.start()).isEqualTo(NINE);
            });
  }

  @Test
  void eachOfficeKeepsDataForItsOwnPeriod() {
    catalog.saveRetentionPeriod(OFFICE, RetentionPeriod.ofDays(7));
    BookingResult.Confirmed here = booked(OFFICE, NINE);
    BookingResult.Confirmed there = booked(OTHER_OFFICE, NINE);

    clock.set(END.plus(Duration.ofDays(7)));
    assertThat(retention.run().bookings()).isEqualTo(1);
    assertThat(stored(here).isErased()).isTrue();
    assertThat(((Booking) stored(there)).citizen()).isEqualTo(ERIKA);

    clock.set(END.plus(Duration.ofDays(30)));
    assertThat(retention.run().bookings()).isEqualTo(1);
    assertThat(stored(there).isErased()).isTrue();
  }

  @Test
  void runningAgainErasesNothingMoreAndRecordsTheErasureOnce() {
    BookingResult.Confirmed confirmed = booked(OFFICE, NINE);
    clock.set(END.plus(Duration.ofDays(31)));

    assertThat(retention.run().bookings()).isEqualTo(1);
    assertThat(retention.run().total()).isZero();

    assertThat(bookings.history(confirmed.booking().id()))
        .filteredOn(event -> event.note().equals(BookingEvent.ERASURE_NOTE))
        .singleElement()
        .satisfies(event -> assertThat(event.actor()).isEqualTo(Actor.SYSTEM));
  }

  @Test
  void moreBookingsThanOneBatchAreAllErasedInOneRun() {
    for (int i = 0; i < 5; i++) {
      booked(OFFICE, NINE.plus(Duration.ofMinutes(30L * i)));
    }
    clock.set(END.plus(Duration.ofDays(40)));

    assertThat(retention.run().bookings()).isEqualTo(5);
    assertThat(((ViewDay.Day) booking.bookingsOn(OFFICE, MONDAY_DATE, CLERK)).bookings())
        .hasSize(5)
        .allSatisfy(erased -> assertThat(erased.isErased()).isTrue());
  }

  @Test
  void aBookingCancelledLongBeforeItsDayIsErasedThePeriodAfterTheCancellation() {
    BookingResult.Confirmed confirmed = booked(OFFICE, NINE.plus(Duration.ofDays(50)));
    booking.cancel(
        confirmed.booking().reference(),
        BookingAccess.byToken(confirmed.manageToken()),
        "im Krankenhaus");

    clock.set(NOW.plus(Duration.ofDays(30)).minus(1, ChronoUnit.MICROS));
    assertThat(retention.run().bookings()).isZero();
    clock.set(NOW.plus(Duration.ofDays(30)));
    assertThat(retention.run().bookings()).isEqualTo(1);

    assertThat(stored(confirmed).status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(bookings.history(confirmed.booking().id()))
        .extracting(BookingEvent::note)
        .doesNotContain("im Krankenhaus");
  }

  @Test
  void aWithdrawnWaitingListEntryIsDeletedThePeriodAfterItLeftTheList() {
    catalog.saveAccessPolicy(
        OFFICE,
        Optional.empty(),
        Optional.of(AccessPolicy.none().withWaitingList(AccessPolicy.RECOMMENDED_WAITING_LIST)));
    WaitingListService service =
        new WaitingListService(
            catalog, waitingList, bookings.auditLog(), clock, RandomSource.seeded(3));
    JoinWaitingList.Joined joined =
        (JoinWaitingList.Joined)
            service.register(
                new JoinWaitingList.Registration(
                    OFFICE,
                    ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1)),
                    DateRange.closed(MONDAY_DATE, MONDAY_DATE.plusDays(20)),
                    ERIKA));
    assertThat(service.withdraw(joined.entry(), joined.entryToken()))
        .isInstanceOf(JoinWaitingList.Withdrawn.class);

    clock.set(NOW.plus(Duration.ofDays(30)).minus(1, ChronoUnit.MICROS));
    assertThat(retention.run().waitingListEntries()).isZero();
    assertThat(service.find(joined.entry(), joined.entryToken())).isPresent();

    clock.set(NOW.plus(Duration.ofDays(30)));
    assertThat(retention.run().waitingListEntries()).isEqualTo(1);
    assertThat(service.find(joined.entry(), joined.entryToken())).isEmpty();
  }

  @Test
  void lotteryEntriesAreDeletedThePeriodAfterTheirDay() {
    LotteryStore.DrawKey monday = new LotteryStore.DrawKey(OFFICE, MONDAY_DATE, 0);
    lottery.enter(
        LotteryStore.Draw.open(monday, NOW, "c".repeat(64)),
        new LotteryStore.Entry(
            "entry-1",
            monday,
            new byte[32],
            ImmutableList.of(new BookedService(BASIC_INCOME.id(), 1)),
            Optional.of(ERIKA.withoutNote()),
            ImmutableSet.of("key-erika"),
            false,
            NOW,
            LotteryStore.Outcome.pending()));
    // Monday's appointments are over at midnight; thirty days later the entry goes.
    Instant mondayOver = at(MONDAY_DATE.plusDays(1), 0, 0);

    clock.set(mondayOver.plus(Duration.ofDays(30)).minus(1, ChronoUnit.MICROS));
    assertThat(retention.run().lotteryEntries()).isZero();
    clock.set(mondayOver.plus(Duration.ofDays(30)));
    assertThat(retention.run().lotteryEntries()).isEqualTo(1);

    assertThat(lottery.entry("entry-1")).isEmpty();
    assertThat(lottery.draw(monday)).isPresent();
  }

  @Test
  void holdsAreNotTheJobsBusiness() {
    HoldResult held =
        booking.hold(
            new HoldSlot.Command(
                OFFICE,
                ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1)),
                NINE,
                Channel.ONLINE,
                Actor.CITIZEN,
                Optional.empty()));
    clock.set(END.plus(Duration.ofDays(400)));

    assertThat(retention.run().total()).isZero();
    assertThat(bookings.find(((HoldResult.Held) held).hold().id())).isPresent();
  }
}
