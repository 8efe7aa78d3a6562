package org.opentermin.ports.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.availability.Slot;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.ChallengePolicy;
import org.opentermin.core.fairness.ChannelContingents;
import org.opentermin.core.fairness.Contingent;
import org.opentermin.core.fairness.FairAssignment;
import org.opentermin.core.fairness.HoldLimit;
import org.opentermin.core.fairness.IdentityLimit;
import org.opentermin.core.fairness.ProofOfWork;
import org.opentermin.core.fairness.Quarantine;
import org.opentermin.core.fairness.ReleasePolicy;
import org.opentermin.core.fairness.ReleaseWave;
import org.opentermin.core.fairness.RescheduleLimit;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.catalog.CatalogService;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.contract.MutableClock;
import org.opentermin.ports.in.AvailabilityResult;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.GetChallenge;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.RandomSource;

/** The booking use cases under an office's fair-access policy; each rule alone. */
class FairAccessBookingTest {

  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final Instant TUESDAY_NINE = at(MONDAY_DATE.plusDays(1), 9, 0);
  private static final ImmutableList<ServiceRequest> ONE_BASIC_INCOME =
      ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1));
  private static final Citizen ERIKA =
      new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.empty());
  private static final Actor ADMIN = Actor.staff("admin-1");

  private final MutableClock clock = new MutableClock(NOW);
  private CatalogService catalog;
  private BookingServices service;

  @BeforeEach
  void setUp() {
    InMemoryCatalogStore store = new InMemoryCatalogStore(RandomSource.seeded(7));
    ContractFixtures.fill(store);
    InMemoryBookingStore bookings = new InMemoryBookingStore();
    catalog = new CatalogService(store, bookings.auditLog(), clock);
    service =
        BookingServices.of(
            store,
            bookings,
            bookings.auditLog(),
            clock,
            RandomSource.seeded(42),
            new InMemorySpentChallenges(),
            new InMemoryHoldRates());
  }

  private void policy(AccessPolicy policy) {
    assertThat(catalog.setAccessPolicy(OFFICE, Optional.empty(), Optional.of(policy), ADMIN))
        .isEmpty();
  }

  private HoldResult hold(Instant start, Channel channel, Actor actor) {
    return service.hold(
        new HoldSlot.Command(OFFICE, ONE_BASIC_INCOME, start, channel, actor, Optional.empty()));
  }

  private HoldResult citizenHold(Instant start) {
    return hold(start, Channel.ONLINE, Actor.CITIZEN);
  }

  private HoldResult clientHold(Instant start, String client) {
    return service.hold(
        new HoldSlot.Command(
            OFFICE,
            ONE_BASIC_INCOME,
            start,
            Channel.ONLINE,
            Actor.CITIZEN,
            Optional.empty(),
            false,
            Optional.of(client),
            Optional.empty()));
  }

  private HoldResult solvedHold(HoldSlot.ChallengeAnswer answer) {
    return service.hold(
        new HoldSlot.Command(
            OFFICE,
            ONE_BASIC_INCOME,
            NINE,
            Channel.ONLINE,
            Actor.CITIZEN,
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.of(answer)));
  }

  private static Hold held(HoldResult result) {
    assertThat(result).isInstanceOf(HoldResult.Held.class);
    return ((HoldResult.Held) result).hold();
  }

  private BookingResult confirm(Hold hold, Citizen citizen) {
    return service.confirm(
        new ConfirmBooking.Command(hold.id(), citizen, Actor.CITIZEN, Optional.empty()));
  }

  private BookingResult.Confirmed booked(Instant start, Citizen citizen) {
    BookingResult result = confirm(held(citizenHold(start)), citizen);
    assertThat(result).isInstanceOf(BookingResult.Confirmed.class);
    return (BookingResult.Confirmed) result;
  }

  private static RefusalReason refusalOf(Object result) {
    assertThat(result).isInstanceOf(Refused.class);
    return ((Refused) result).reason();
  }

  private ImmutableList<Slot> slotsOn(java.time.LocalDate date) {
    AvailabilityResult result =
        service.findSlots(
            new FindAvailability.Query(
                OFFICE, ONE_BASIC_INCOME, Channel.ONLINE, DateRange.ofDay(date)));
    return ((AvailabilityResult.Found) result).availability().slots();
  }

  @Test
  void aDayOpensOnlyAtItsReleaseAndAHoldBeforeSaysNotYetReleased() {
    // Each day opens at 08:00 the day before: Monday is open on Sunday evening, Tuesday is not.
    policy(
        AccessPolicy.none()
            .withRelease(
                new ReleasePolicy(
                    LocalTime.of(8, 0), Duration.ZERO, ImmutableList.of(new ReleaseWave(1, 100)))));

    assertThat(slotsOn(MONDAY_DATE)).isNotEmpty();
    assertThat(slotsOn(MONDAY_DATE.plusDays(1))).isEmpty();
    assertThat(refusalOf(citizenHold(TUESDAY_NINE))).isEqualTo(RefusalReason.NOT_YET_RELEASED);
    assertThat(hold(TUESDAY_NINE, Channel.PHONE, Actor.staff("s-1")))
        .as("staff book for callers")
        .isInstanceOf(HoldResult.Held.class);

    clock.set(at(MONDAY_DATE, 8, 0));

    assertThat(slotsOn(MONDAY_DATE.plusDays(1))).isNotEmpty();
    assertThat(citizenHold(TUESDAY_NINE)).isInstanceOf(HoldResult.Held.class);
  }

  @Test
  void aResourceDedicatedToPhoneIsNotBookedOnlineUntilItIsReleasedToOnline() {
    ChannelContingents phoneAnna =
        new ChannelContingents(
            ImmutableMap.of(Contingent.ONLINE, 100),
            ImmutableMap.of(ANNA, Contingent.PHONE),
            60,
            Duration.ofHours(2));
    policy(AccessPolicy.none().withContingents(phoneAnna));

    assertThat(slotsOn(MONDAY_DATE))
        .filteredOn(slot -> slot.start().equals(NINE))
        .extracting(Slot::capacity)
        .containsExactly(1);
    assertThat(held(citizenHold(NINE)).resource()).isEqualTo(BEN);
    assertThat(refusalOf(citizenHold(NINE))).isEqualTo(RefusalReason.CONTINGENT_EXHAUSTED);
    assertThat(held(hold(NINE, Channel.PHONE, Actor.staff("s-1"))).resource()).isEqualTo(ANNA);

    Instant ten = NINE.plus(Duration.ofHours(1));
    clock.set(ten.minus(Duration.ofHours(2)));
    assertThat(List.of(held(citizenHold(ten)).resource(), held(citizenHold(ten)).resource()))
        .as("released to online two hours before")
        .containsExactlyInAnyOrder(ANNA, BEN);
  }

  @Test
  void cancelledTimeStaysClosedToCitizensDuringTheQuarantineButNotToStaff() {
    policy(AccessPolicy.none().withQuarantine(new Quarantine(Duration.ofHours(1), Duration.ZERO)));
    booked(NINE, ERIKA);
    BookingResult.Confirmed cancelled =
        booked(NINE, new Citizen("Max", Optional.of("max@example.org"), Optional.empty()));

    ChangeResult cancel =
        service.cancel(
            cancelled.booking().reference(), BookingAccess.byToken(cancelled.manageToken()), "");
    assertThat(cancel).isInstanceOf(ChangeResult.Changed.class);

    assertThat(slotsOn(MONDAY_DATE)).filteredOn(slot -> slot.start().equals(NINE)).isEmpty();
    assertThat(refusalOf(citizenHold(NINE))).isEqualTo(RefusalReason.UNAVAILABLE);
    clock.advance(Duration.ofMinutes(59));
    assertThat(refusalOf(citizenHold(NINE))).isEqualTo(RefusalReason.UNAVAILABLE);
    clock.advance(Duration.ofMinutes(1));
    assertThat(slotsOn(MONDAY_DATE))
        .filteredOn(slot -> slot.start().equals(NINE))
        .extracting(Slot::capacity)
        .containsExactly(1);
  }

  @Test
  void staffMayTakeQuarantinedTimeAtOnce() {
    policy(AccessPolicy.none().withQuarantine(new Quarantine(Duration.ofHours(1), Duration.ZERO)));
    BookingResult.Confirmed booking = booked(NINE, ERIKA);
    service.cancel(booking.booking().reference(), BookingAccess.byToken(booking.manageToken()), "");

    assertThat(held(hold(NINE, Channel.PHONE, Actor.staff("s-1"))).start()).isEqualTo(NINE);
  }

  @Test
  void aClientHasAtMostTheAllowedNumberOfLiveHolds() {
    policy(AccessPolicy.none().withHoldLimit(new HoldLimit(2)));
    held(clientHold(NINE, "10.0.0.1"));
    held(clientHold(NINE, "10.0.0.1"));

    assertThat(refusalOf(clientHold(NINE.plus(Duration.ofHours(1)), "10.0.0.1")))
        .isEqualTo(RefusalReason.HOLD_LIMIT);
    assertThat(clientHold(NINE.plus(Duration.ofHours(1)), "10.0.0.2"))
        .isInstanceOf(HoldResult.Held.class);
    assertThat(hold(NINE.plus(Duration.ofHours(1)), Channel.PHONE, Actor.staff("s-1")))
        .isInstanceOf(HoldResult.Held.class);

    clock.advance(Duration.ofMinutes(10));
    assertThat(clientHold(NINE.plus(Duration.ofHours(2)), "10.0.0.1"))
        .as("the first holds expired")
        .isInstanceOf(HoldResult.Held.class);
  }

  @Test
  void onePersonBooksOnceWithinThePeriodWhateverTheSpellingOfTheirAddress() {
    policy(AccessPolicy.none().withIdentityLimit(new IdentityLimit(1, Duration.ofDays(30))));
    booked(NINE, ERIKA);
    Hold second = held(citizenHold(NINE.plus(Duration.ofHours(1))));

    Citizen sameErika =
        new Citizen("E. Mustermann", Optional.of("  Erika+second@Example.org"), Optional.empty());
    assertThat(refusalOf(confirm(second, sameErika))).isEqualTo(RefusalReason.IDENTITY_LIMIT);
    assertThat(refusalOf(confirm(second, Citizen.named("No Contact"))))
        .isEqualTo(RefusalReason.INVALID_REQUEST);
    assertThat(
            confirm(second, new Citizen("Max", Optional.of("max@example.org"), Optional.empty())))
        .isInstanceOf(BookingResult.Confirmed.class);
  }

  @Test
  void aBookingMovesOnlyAsOftenAsAllowed() {
    policy(AccessPolicy.none().withRescheduleLimit(new RescheduleLimit(1)));
    BookingResult.Confirmed booking = booked(NINE, ERIKA);
    BookingAccess access = BookingAccess.byToken(booking.manageToken());
    var reference = booking.booking().reference();

    assertThat(
            service.reschedule(
                reference, access, held(citizenHold(NINE.plus(Duration.ofHours(1)))).id()))
        .isInstanceOf(ChangeResult.Changed.class);
    Appointment again = held(citizenHold(NINE.plus(Duration.ofHours(2))));
    assertThat(refusalOf(service.reschedule(reference, access, again.id())))
        .isEqualTo(RefusalReason.RESCHEDULE_LIMIT);
    assertThat(
            service.reschedule(
                reference,
                BookingAccess.byStaff(
                    new AccessGrant("s-1", AccessRole.STAFF, ImmutableSet.of(OFFICE))),
                again.id()))
        .as("staff are not limited")
        .isInstanceOf(ChangeResult.Changed.class);
  }

  @Test
  void anOfficeThatAlwaysAsksForAChallengeAcceptsEachSolvedChallengeOnce() {
    policy(AccessPolicy.none().withChallenge(new ChallengePolicy(true, 4, 0)));
    assertThat(refusalOf(citizenHold(NINE))).isEqualTo(RefusalReason.CHALLENGE_REQUIRED);

    GetChallenge.ChallengeResult issued = service.challenge(OFFICE);
    assertThat(issued).isInstanceOf(GetChallenge.Required.class);
    String challenge = ((GetChallenge.Required) issued).ticket().challenge();
    HoldSlot.ChallengeAnswer answer =
        new HoldSlot.ChallengeAnswer(challenge, ProofOfWork.solve(challenge, 4));

    assertThat(solvedHold(answer)).isInstanceOf(HoldResult.Held.class);
    assertThat(refusalOf(solvedHold(answer)))
        .as("spent")
        .isEqualTo(RefusalReason.CHALLENGE_REQUIRED);
    assertThat(refusalOf(solvedHold(new HoldSlot.ChallengeAnswer(challenge + "x", "1"))))
        .isEqualTo(RefusalReason.CHALLENGE_REQUIRED);
    assertThat(hold(NINE, Channel.PHONE, Actor.staff("s-1")))
        .as("staff solve nothing")
        .isInstanceOf(HoldResult.Held.class);
  }

  @Test
  void aChallengeIsAskedForOnlyOnceTheHoldRatePassesTheThreshold() {
    policy(AccessPolicy.none().withChallenge(new ChallengePolicy(false, 4, 3)));
    assertThat(service.challenge(OFFICE)).isInstanceOf(GetChallenge.NotRequired.class);
    for (int i = 0; i < 3; i++) {
      assertThat(citizenHold(NINE.plus(Duration.ofMinutes(30L * i))))
          .isInstanceOf(HoldResult.Held.class);
    }

    assertThat(refusalOf(citizenHold(NINE.plus(Duration.ofHours(2)))))
        .isEqualTo(RefusalReason.CHALLENGE_REQUIRED);
    assertThat(service.challenge(OFFICE)).isInstanceOf(GetChallenge.Required.class);
    clock.advance(Duration.ofMinutes(1));
    assertThat(service.challenge(OFFICE))
        .as("the rate fell")
        .isInstanceOf(GetChallenge.NotRequired.class);
  }

  @Test
  void fairAssignmentGivesTheHoldToTheLeastBookedCaseworker() {
    policy(AccessPolicy.none().withFairAssignment(FairAssignment.equalWeights()));
    Booking first = booked(NINE, ERIKA).booking();
    assertThat(first.resource()).as("tie broken by id").isEqualTo(ANNA);

    assertThat(held(citizenHold(NINE.plus(Duration.ofHours(1)))).resource()).isEqualTo(BEN);
    assertThat(held(citizenHold(NINE.plus(Duration.ofHours(2)))).resource())
        .as("holds do not count")
        .isEqualTo(BEN);
  }

  @Test
  void aServicesOwnPolicyAppliesToRequestsForItOnly() {
    ReleasePolicy sameDay =
        new ReleasePolicy(
            LocalTime.of(8, 0), Duration.ZERO, ImmutableList.of(new ReleaseWave(0, 100)));
    assertThat(
            catalog.setAccessPolicy(
                OFFICE,
                Optional.of(HOUSING.id()),
                Optional.of(AccessPolicy.none().withRelease(sameDay)),
                ADMIN))
        .isEmpty();

    assertThat(citizenHold(NINE)).isInstanceOf(HoldResult.Held.class);
    HoldResult housing =
        service.hold(
            new HoldSlot.Command(
                OFFICE,
                ImmutableList.of(new ServiceRequest(HOUSING.id(), 1)),
                NINE,
                Channel.ONLINE,
                Actor.CITIZEN,
                Optional.empty()));
    assertThat(refusalOf(housing)).isEqualTo(RefusalReason.NOT_YET_RELEASED);
  }

  @Test
  void withoutAPolicyNothingChanges() {
    for (int i = 0; i < 10; i++) {
      assertThat(clientHold(NINE.plus(Duration.ofMinutes(30L * (i / 2))), "10.0.0.1"))
          .isInstanceOf(HoldResult.Held.class);
    }
    assertThat(service.challenge(OFFICE)).isInstanceOf(GetChallenge.NotRequired.class);
    assertThat(held(citizenHold(TUESDAY_NINE)).status()).isEqualTo(AppointmentStatus.HELD);
  }
}
