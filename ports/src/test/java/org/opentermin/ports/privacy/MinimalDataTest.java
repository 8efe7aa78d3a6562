package org.opentermin.ports.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.contract.MutableClock;
import org.opentermin.ports.fairness.WaitingListService;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.JoinWaitingList;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.memory.InMemoryWaitingListStore;
import org.opentermin.ports.out.Notifier;
import org.opentermin.ports.out.RandomSource;

/** What a booking needs of a citizen, and where the sensitive note may go. */
class MinimalDataTest {

  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final String NOTE = "Es geht um Mietschulden";

  private final MutableClock clock = new MutableClock(NOW);
  private InMemoryCatalogStore catalog;
  private InMemoryBookingStore bookings;
  private BookingServices booking;

  @BeforeEach
  void setUp() {
    catalog = new InMemoryCatalogStore();
    ContractFixtures.fill(catalog);
    bookings = new InMemoryBookingStore();
    booking =
        BookingServices.of(
            catalog,
            bookings,
            bookings.auditLog(),
            clock,
            RandomSource.seeded(5),
            new InMemorySpentChallenges(),
            new InMemoryHoldRates());
  }

  private BookingResult confirm(Channel channel, Actor actor, Citizen citizen) {
    HoldResult held =
        booking.hold(
            new HoldSlot.Command(
                OFFICE,
                ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1)),
                NINE,
                channel,
                actor,
                Optional.empty()));
    Hold hold = ((HoldResult.Held) held).hold();
    return booking.confirm(new ConfirmBooking.Command(hold.id(), citizen, actor, Optional.empty()));
  }

  @Test
  void aCitizenWhoBooksOnlineGivesAnEmailAddressOrAPhoneNumber() {
    BookingResult result =
        confirm(Channel.ONLINE, Actor.CITIZEN, Citizen.named("Erika Mustermann"));

    assertThat(result)
        .isInstanceOfSatisfying(
            Refused.class,
            refused -> {
              assertThat(refused.reason()).isEqualTo(RefusalReason.INVALID_REQUEST);
              assertThat(refused.detail()).contains("email address or a phone number");
            });
    assertThat(
            confirm(
                Channel.ONLINE,
                Actor.CITIZEN,
                new Citizen("Erika Mustermann", Optional.empty(), Optional.of("+49 89 1234"))))
        .as("a phone number is enough")
        .isInstanceOf(BookingResult.Confirmed.class);
  }

  @Test
  void staffBookAWalkInOrACallerByNameAlone() {
    assertThat(confirm(Channel.COUNTER, Actor.staff("clerk"), Citizen.named("Max Mustermann")))
        .isInstanceOf(BookingResult.Confirmed.class);
  }

  @Test
  void theNoteIsKeptWithTheBooking() {
    Citizen withNote =
        new Citizen(
            "Erika Mustermann",
            Optional.of("erika@example.org"),
            Optional.empty(),
            Optional.of(NOTE));

    BookingResult result = confirm(Channel.ONLINE, Actor.CITIZEN, withNote);

    Appointment booked = ((BookingResult.Confirmed) result).booking();
    assertThat(((Booking) bookings.find(booked.id()).orElseThrow()).citizen().note())
        .contains(NOTE);
    assertThat(result.toString()).doesNotContain(NOTE);
  }

  @Test
  void aNotificationNeverCarriesTheNote() {
    Citizen withNote =
        new Citizen(
            "Erika Mustermann",
            Optional.of("erika@example.org"),
            Optional.empty(),
            Optional.of(NOTE));

    Notifier.Notification notification =
        new Notifier.Notification(
            Notifier.Kind.WAITING_LIST_OFFER,
            OFFICE,
            withNote,
            "entry-1",
            Optional.empty(),
            Optional.of(NINE));

    assertThat(notification.recipient().note()).isEmpty();
    assertThat(notification.recipient().email()).contains("erika@example.org");
  }

  @Test
  void theWaitingListKeepsHowToReachTheCitizenButNotTheirNote() {
    catalog.saveAccessPolicy(
        OFFICE,
        Optional.empty(),
        Optional.of(AccessPolicy.none().withWaitingList(AccessPolicy.RECOMMENDED_WAITING_LIST)));
    InMemoryWaitingListStore store = new InMemoryWaitingListStore(bookings);
    WaitingListService waitingList =
        new WaitingListService(catalog, store, bookings.auditLog(), clock, RandomSource.seeded(6));
    Citizen withNote =
        new Citizen(
            "Erika Mustermann",
            Optional.of("erika@example.org"),
            Optional.empty(),
            Optional.of(NOTE));

    JoinWaitingList.JoinResult joined =
        waitingList.register(
            new JoinWaitingList.Registration(
                OFFICE,
                ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1)),
                DateRange.ofDay(MONDAY_DATE),
                withNote));

    JoinWaitingList.Joined entry = (JoinWaitingList.Joined) joined;
    assertThat(store.find(entry.entry()).orElseThrow().contact()).isEqualTo(withNote.withoutNote());
  }
}
