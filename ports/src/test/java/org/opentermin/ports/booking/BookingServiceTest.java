package org.opentermin.ports.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.availability.Slot;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.ports.challenge.ProofOfWorkChallenge;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.contract.MutableClock;
import org.opentermin.ports.in.AvailabilityResult;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.FirstSlotResult;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.RandomSource;

class BookingServiceTest {

  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final ImmutableList<ServiceRequest> ONE_BASIC_INCOME =
      ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1));
  private static final Citizen ERIKA =
      new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.empty());
  private static final BookingAccess STAFF =
      BookingAccess.byStaff(new AccessGrant("s-1", AccessRole.STAFF, ImmutableSet.of(OFFICE)));

  private final MutableClock clock = new MutableClock(NOW);
  private InMemoryCatalogStore catalog;
  private InMemoryBookingStore bookings;
  private BookingServices service;

  @BeforeEach
  void setUp() {
    catalog = new InMemoryCatalogStore();
    ContractFixtures.fill(catalog);
    bookings = new InMemoryBookingStore();
    service =
        BookingServices.of(
            catalog,
            bookings,
            bookings.auditLog(),
            clock,
            RandomSource.seeded(42),
            new InMemorySpentChallenges(),
            new InMemoryHoldRates());
  }

  private HoldSlot.Command holdCommand(Instant start) {
    return new HoldSlot.Command(
        OFFICE, ONE_BASIC_INCOME, start, Channel.ONLINE, Actor.CITIZEN, Optional.empty());
  }

  private Hold held(Instant start) {
    HoldResult result = service.hold(holdCommand(start));
    assertThat(result).isInstanceOf(HoldResult.Held.class);
    return ((HoldResult.Held) result).hold();
  }

  private BookingResult.Confirmed booked(Instant start) {
    Hold hold = held(start);
    BookingResult result =
        service.confirm(
            new ConfirmBooking.Command(hold.id(), ERIKA, Actor.CITIZEN, Optional.empty()));
    assertThat(result).isInstanceOf(BookingResult.Confirmed.class);
    return (BookingResult.Confirmed) result;
  }

  private static RefusalReason refusalOf(Object result) {
    assertThat(result).isInstanceOf(Refused.class);
    return ((Refused) result).reason();
  }

  @Nested
  class Availability {

    private FindAvailability.Query query(ImmutableList<ServiceRequest> services, Channel channel) {
      return new FindAvailability.Query(OFFICE, services, channel, DateRange.ofDay(MONDAY_DATE));
    }

    @Test
    void slotsReflectBookingsAndLiveHolds() {
      booked(NINE);
      held(NINE);

      AvailabilityResult result = service.findSlots(query(ONE_BASIC_INCOME, Channel.ONLINE));

      assertThat(result).isInstanceOf(AvailabilityResult.Found.class);
      var slots = ((AvailabilityResult.Found) result).availability().slots();
      assertThat(slots).filteredOn(slot -> slot.start().equals(NINE)).isEmpty();
      assertThat(slots)
          .filteredOn(slot -> slot.start().equals(NINE.plus(Duration.ofMinutes(30))))
          .extracting(Slot::capacity)
          .containsExactly(2);
    }

    @Test
    void expiredHoldFreesItsSlotWithoutAnyCleanUp() {
      held(NINE);
      held(NINE);
      clock.advance(Duration.ofMinutes(10));

      var slots =
          ((AvailabilityResult.Found) service.findSlots(query(ONE_BASIC_INCOME, Channel.ONLINE)))
              .availability()
              .slots();

      assertThat(slots)
          .filteredOn(slot -> slot.start().equals(NINE))
          .extracting(Slot::capacity)
          .containsExactly(2);
    }

    @Test
    void unknownOfficeServiceTooManyPersonsAndForbiddenChannelAreRefused() {
      assertThat(
              refusalOf(
                  service.findSlots(
                      new FindAvailability.Query(
                          OfficeId.of("nowhere"),
                          ONE_BASIC_INCOME,
                          Channel.ONLINE,
                          DateRange.ofDay(MONDAY_DATE)))))
          .isEqualTo(RefusalReason.NOT_FOUND);
      assertThat(
              refusalOf(
                  service.findSlots(
                      query(
                          ImmutableList.of(new ServiceRequest(ServiceId.of("nothing"), 1)),
                          Channel.ONLINE))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
      assertThat(
              refusalOf(
                  service.findSlots(
                      query(
                          ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 3)),
                          Channel.ONLINE))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
      assertThat(
              refusalOf(
                  service.findSlots(
                      query(
                          ImmutableList.of(new ServiceRequest(HOUSING.id(), 1)), Channel.COUNTER))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
      assertThat(refusalOf(service.findSlots(query(ImmutableList.of(), Channel.ONLINE))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
    }

    @Test
    void sameServiceTwiceCountsAsTwoPersons() {
      ImmutableList<ServiceRequest> twice =
          ImmutableList.of(
              new ServiceRequest(BASIC_INCOME.id(), 1), new ServiceRequest(BASIC_INCOME.id(), 1));

      var availability =
          ((AvailabilityResult.Found) service.findSlots(query(twice, Channel.ONLINE)))
              .availability();

      assertThat(availability.duration()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void firstFreeSlotSkipsWhatIsTaken() {
      Instant eight = at(MONDAY_DATE, 8, 0);
      booked(eight);
      booked(eight);

      FirstSlotResult first = service.firstFreeSlot(OFFICE, ONE_BASIC_INCOME, Channel.ONLINE);

      assertThat(first)
          .isEqualTo(
              new FirstSlotResult.Found(
                  new Slot(at(MONDAY_DATE, 8, 30), 2), ContractFixtures.ZONE));
    }

    @Test
    void withARecheckIntervalScheduleChangesCountOnceItHasPassed() {
      RandomSource random = RandomSource.seeded(1);
      BookingServices rechecking =
          BookingServices.builder(
                  catalog,
                  bookings,
                  bookings.auditLog(),
                  clock,
                  random,
                  ProofOfWorkChallenge.withRandomSecret(random, new InMemorySpentChallenges()),
                  new InMemoryHoldRates())
              .scheduleRecheck(Duration.ofMinutes(1))
              .build();
      assertThat(
              ((AvailabilityResult.Found)
                      rechecking.findSlots(query(ONE_BASIC_INCOME, Channel.ONLINE)))
                  .availability()
                  .isEmpty())
          .isFalse();

      catalog.saveClosure(OFFICE, new OfficeClosure(MONDAY_DATE, "Personalversammlung"));
      clock.advance(Duration.ofSeconds(59));
      assertThat(
              ((AvailabilityResult.Found)
                      rechecking.findSlots(query(ONE_BASIC_INCOME, Channel.ONLINE)))
                  .availability()
                  .isEmpty())
          .isFalse();
      clock.advance(Duration.ofSeconds(1));
      assertThat(
              ((AvailabilityResult.Found)
                      rechecking.findSlots(query(ONE_BASIC_INCOME, Channel.ONLINE)))
                  .availability()
                  .isEmpty())
          .isTrue();
    }

    @Test
    void aClockThatSteppedBackDoesNotKeepAnOldScheduleBeyondTheRecheckInterval() {
      RandomSource random = RandomSource.seeded(1);
      BookingServices rechecking =
          BookingServices.builder(
                  catalog,
                  bookings,
                  bookings.auditLog(),
                  clock,
                  random,
                  ProofOfWorkChallenge.withRandomSecret(random, new InMemorySpentChallenges()),
                  new InMemoryHoldRates())
              .scheduleRecheck(Duration.ofMinutes(1))
              .build();
      Instant start = clock.instant();
      clock.advance(Duration.ofHours(1));
      assertThat(
              ((AvailabilityResult.Found)
                      rechecking.findSlots(query(ONE_BASIC_INCOME, Channel.ONLINE)))
                  .availability()
                  .isEmpty())
          .isFalse();

      clock.set(start);
      catalog.saveClosure(OFFICE, new OfficeClosure(MONDAY_DATE, "Personalversammlung"));

      assertThat(
              ((AvailabilityResult.Found)
                      rechecking.findSlots(query(ONE_BASIC_INCOME, Channel.ONLINE)))
                  .availability()
                  .isEmpty())
          .isTrue();
    }

    @Test
    void scheduleChangesCountFromTheNextQuery() {
      assertThat(
              ((AvailabilityResult.Found)
                      service.findSlots(query(ONE_BASIC_INCOME, Channel.ONLINE)))
                  .availability()
                  .isEmpty())
          .isFalse();

      catalog.saveClosure(OFFICE, new OfficeClosure(MONDAY_DATE, "Personalversammlung"));

      assertThat(
              ((AvailabilityResult.Found)
                      service.findSlots(query(ONE_BASIC_INCOME, Channel.ONLINE)))
                  .availability()
                  .isEmpty())
          .isTrue();
    }
  }

  @Nested
  class Holds {

    @Test
    void holdClaimsOneFreeResourceUntilTheOfficesHoldDurationHasPassed() {
      Hold hold = held(NINE);

      assertThat(hold.status()).isEqualTo(AppointmentStatus.HELD);
      assertThat(hold.start()).isEqualTo(NINE);
      assertThat(hold.end()).isEqualTo(NINE.plus(Duration.ofMinutes(30)));
      assertThat(hold.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
      assertThat(hold.resource()).isEqualTo(ANNA);
    }

    @Test
    void capacityOfTwoAllowsTwoHoldsAndRefusesTheThird() {
      assertThat(held(NINE).resource()).isEqualTo(ANNA);
      assertThat(held(NINE).resource()).isEqualTo(BEN);

      assertThat(refusalOf(service.hold(holdCommand(NINE)))).isEqualTo(RefusalReason.UNAVAILABLE);
      assertThat(refusalOf(service.hold(holdCommand(NINE.plus(Duration.ofMinutes(20))))))
          .isEqualTo(RefusalReason.UNAVAILABLE);
    }

    @Test
    void startThatIsNotOfferedIsUnavailable() {
      assertThat(refusalOf(service.hold(holdCommand(NINE.plus(Duration.ofMinutes(5))))))
          .as("off the grid")
          .isEqualTo(RefusalReason.UNAVAILABLE);
      assertThat(refusalOf(service.hold(holdCommand(at(MONDAY_DATE, 11, 40)))))
          .as("ends after work")
          .isEqualTo(RefusalReason.UNAVAILABLE);
      assertThat(refusalOf(service.hold(holdCommand(NOW.minus(Duration.ofDays(1))))))
          .as("in the past")
          .isEqualTo(RefusalReason.UNAVAILABLE);
    }

    @Test
    void retryWithTheSameKeyReturnsTheFirstHoldAndClaimsNothingMore() {
      HoldSlot.Command command =
          new HoldSlot.Command(
              OFFICE,
              ONE_BASIC_INCOME,
              NINE,
              Channel.ONLINE,
              Actor.CITIZEN,
              Optional.of("5f0c2f8e-7a1b-4c5d-9e0f-1a2b3c4d5e6f"));

      HoldResult first = service.hold(command);
      HoldResult retry = service.hold(command);

      assertThat(retry).isEqualTo(first);
      assertThat(bookings.busyPeriods(OFFICE, NINE, NINE.plusSeconds(60))).hasSize(1);
    }

    @Test
    void sameKeyForAnotherRequestIsRefused() {
      String key = "5f0c2f8e-7a1b-4c5d-9e0f-1a2b3c4d5e6f";
      service.hold(
          new HoldSlot.Command(
              OFFICE, ONE_BASIC_INCOME, NINE, Channel.ONLINE, Actor.CITIZEN, Optional.of(key)));

      HoldResult other =
          service.hold(
              new HoldSlot.Command(
                  OFFICE,
                  ONE_BASIC_INCOME,
                  NINE.plus(Duration.ofHours(1)),
                  Channel.ONLINE,
                  Actor.CITIZEN,
                  Optional.of(key)));

      assertThat(refusalOf(other)).isEqualTo(RefusalReason.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void shortIdempotencyKeyIsRefused() {
      assertThat(
              refusalOf(
                  service.hold(
                      new HoldSlot.Command(
                          OFFICE,
                          ONE_BASIC_INCOME,
                          NINE,
                          Channel.ONLINE,
                          Actor.CITIZEN,
                          Optional.of("1")))))
          .isEqualTo(RefusalReason.INVALID_REQUEST);
    }

    @Test
    void citizensBookOnlineOnlyWhileStaffMayBookByPhone() {
      HoldSlot.Command byPhone =
          new HoldSlot.Command(
              OFFICE, ONE_BASIC_INCOME, NINE, Channel.PHONE, Actor.CITIZEN, Optional.empty());

      assertThat(refusalOf(service.hold(byPhone))).isEqualTo(RefusalReason.NOT_PERMITTED);
      assertThat(
              service.hold(
                  new HoldSlot.Command(
                      OFFICE,
                      ONE_BASIC_INCOME,
                      NINE,
                      Channel.PHONE,
                      Actor.staff("s-1"),
                      Optional.empty())))
          .isInstanceOf(HoldResult.Held.class);
    }
  }

  @Nested
  class Confirmation {

    @Test
    void confirmedBookingHasAReferenceAndATokenThatOpensIt() {
      BookingResult.Confirmed confirmed = booked(NINE);
      BookingReference reference = confirmed.booking().reference();

      assertThat(confirmed.booking().status()).isEqualTo(AppointmentStatus.CONFIRMED);
      assertThat(confirmed.booking().citizen()).isEqualTo(ERIKA);
      assertThat(confirmed.manageToken()).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
      assertThat(service.find(reference, BookingAccess.byToken(confirmed.manageToken())))
          .contains(confirmed.booking());
      assertThat(bookings.history(confirmed.booking().id()))
          .extracting(BookingEvent::from, BookingEvent::to)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  AppointmentStatus.HELD, AppointmentStatus.CONFIRMED));
    }

    @Test
    void wrongTokenLooksExactlyLikeAnUnknownReference() {
      BookingReference reference = booked(NINE).booking().reference();

      assertThat(service.find(reference, BookingAccess.byToken("wrong"))).isEmpty();
      assertThat(service.find(new BookingReference("ZZZZZZZZ"), BookingAccess.byToken("wrong")))
          .isEmpty();
      assertThat(refusalOf(service.cancel(reference, BookingAccess.byToken("wrong"), "")))
          .isEqualTo(RefusalReason.NOT_FOUND);
    }

    @Test
    void expiredHoldCannotBeConfirmed() {
      Hold hold = held(NINE);
      clock.advance(Duration.ofMinutes(10));

      assertThat(
              refusalOf(
                  service.confirm(
                      new ConfirmBooking.Command(
                          hold.id(), ERIKA, Actor.CITIZEN, Optional.empty()))))
          .isEqualTo(RefusalReason.HOLD_EXPIRED);
    }

    @Test
    void holdIsConfirmedOnlyOnce() {
      Hold hold = held(NINE);
      service.confirm(
          new ConfirmBooking.Command(hold.id(), ERIKA, Actor.CITIZEN, Optional.empty()));

      assertThat(
              refusalOf(
                  service.confirm(
                      new ConfirmBooking.Command(
                          hold.id(), ERIKA, Actor.CITIZEN, Optional.empty()))))
          .isEqualTo(RefusalReason.HOLD_ALREADY_USED);
      assertThat(
              refusalOf(
                  service.confirm(
                      new ConfirmBooking.Command(
                          new AppointmentId(OFFICE, java.util.UUID.randomUUID()),
                          ERIKA,
                          Actor.CITIZEN,
                          Optional.empty()))))
          .isEqualTo(RefusalReason.NOT_FOUND);
    }

    @Test
    void retryWithTheSameKeyReturnsTheSameBookingAndToken() {
      Hold hold = held(NINE);
      ConfirmBooking.Command command =
          new ConfirmBooking.Command(
              hold.id(), ERIKA, Actor.CITIZEN, Optional.of("c0ffee00-1111-2222-3333-444455556666"));

      BookingResult first = service.confirm(command);
      BookingResult retry = service.confirm(command);

      assertThat(first).isInstanceOf(BookingResult.Confirmed.class);
      assertThat(retry).isEqualTo(first);
    }

    @Test
    void citizenCannotConfirmAHoldMadeByStaffForThePhone() {
      HoldResult phoneHold =
          service.hold(
              new HoldSlot.Command(
                  OFFICE,
                  ONE_BASIC_INCOME,
                  NINE,
                  Channel.PHONE,
                  Actor.staff("s-1"),
                  Optional.empty()));
      AppointmentId id = ((HoldResult.Held) phoneHold).hold().id();

      assertThat(
              refusalOf(
                  service.confirm(
                      new ConfirmBooking.Command(id, ERIKA, Actor.CITIZEN, Optional.empty()))))
          .isEqualTo(RefusalReason.NOT_PERMITTED);
      assertThat(
              service.confirm(
                  new ConfirmBooking.Command(id, ERIKA, Actor.staff("s-1"), Optional.empty())))
          .isInstanceOf(BookingResult.Confirmed.class);
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void citizenCancelsBeforeTheStartAndTheTimeBecomesFreeAgain() {
      BookingResult.Confirmed confirmed = booked(NINE);
      booked(NINE);
      BookingReference reference = confirmed.booking().reference();

      ChangeResult result =
          service.cancel(reference, BookingAccess.byToken(confirmed.manageToken()), "cannot come");

      assertThat(result)
          .isEqualTo(
              new ChangeResult.Changed(
                  confirmed.booking().withStatus(AppointmentStatus.CANCELLED)));
      assertThat(held(NINE).resource()).isEqualTo(confirmed.booking().resource());
      assertThat(bookings.history(confirmed.booking().id()))
          .last()
          .satisfies(
              event -> {
                assertThat(event.to()).isEqualTo(AppointmentStatus.CANCELLED);
                assertThat(event.actor()).isEqualTo(Actor.CITIZEN);
                assertThat(event.note()).isEqualTo("cannot come");
              });
    }

    @Test
    void citizenCannotCancelAfterTheStartButStaffCan() {
      BookingResult.Confirmed confirmed = booked(NINE);
      BookingReference reference = confirmed.booking().reference();
      clock.set(NINE.plusSeconds(1));

      assertThat(
              refusalOf(
                  service.cancel(reference, BookingAccess.byToken(confirmed.manageToken()), "")))
          .isEqualTo(RefusalReason.TOO_LATE);
      assertThat(service.cancel(reference, STAFF, "called in sick"))
          .isInstanceOf(ChangeResult.Changed.class);
      assertThat(refusalOf(service.cancel(reference, STAFF, "")))
          .isEqualTo(RefusalReason.ILLEGAL_TRANSITION);
    }

    @Test
    void staffChecksInOnTheDayAndCompletes() {
      BookingReference reference = booked(NINE).booking().reference();

      assertThat(refusalOf(service.checkIn(reference, STAFF))).isEqualTo(RefusalReason.TOO_EARLY);
      clock.set(at(MONDAY_DATE, 8, 50));
      assertThat(service.checkIn(reference, STAFF)).isInstanceOf(ChangeResult.Changed.class);
      assertThat(refusalOf(service.markNoShow(reference, STAFF)))
          .isEqualTo(RefusalReason.ILLEGAL_TRANSITION);
      assertThat(service.complete(reference, STAFF)).isInstanceOf(ChangeResult.Changed.class);

      assertThat(service.find(reference, STAFF).orElseThrow().status())
          .isEqualTo(AppointmentStatus.COMPLETED);
    }

    @Test
    void citizenCannotCheckInOrMarkNoShow() {
      BookingResult.Confirmed confirmed = booked(NINE);
      BookingReference reference = confirmed.booking().reference();
      clock.set(NINE.plus(Duration.ofMinutes(20)));

      assertThat(
              refusalOf(service.checkIn(reference, BookingAccess.byToken(confirmed.manageToken()))))
          .isEqualTo(RefusalReason.NOT_PERMITTED);
      assertThat(
              refusalOf(
                  service.markNoShow(reference, BookingAccess.byToken(confirmed.manageToken()))))
          .isEqualTo(RefusalReason.NOT_PERMITTED);
      assertThat(service.markNoShow(reference, STAFF)).isInstanceOf(ChangeResult.Changed.class);
    }

    @Test
    void noShowOnlyAfterTheStart() {
      BookingReference reference = booked(NINE).booking().reference();
      clock.set(NINE.minusSeconds(1));

      assertThat(refusalOf(service.markNoShow(reference, STAFF)))
          .isEqualTo(RefusalReason.TOO_EARLY);
    }

    @Test
    void rescheduleKeepsTheReferenceAndFreesTheOldTime() {
      BookingResult.Confirmed confirmed = booked(NINE);
      BookingReference reference = confirmed.booking().reference();
      Hold newTime = held(at(MONDAY_DATE.plusDays(1), 10, 0));

      ChangeResult result =
          service.reschedule(
              reference, BookingAccess.byToken(confirmed.manageToken()), newTime.id());

      assertThat(result).isInstanceOf(ChangeResult.Changed.class);
      Booking moved =
          service.find(reference, BookingAccess.byToken(confirmed.manageToken())).orElseThrow();
      assertThat(moved.start()).isEqualTo(newTime.start());
      assertThat(moved.reference()).isEqualTo(reference);
      assertThat(moved.id()).isEqualTo(confirmed.booking().id());
      assertThat(bookings.busyPeriods(OFFICE, NINE, NINE.plusSeconds(60))).isEmpty();
      assertThat(bookings.history(moved.id()))
          .last()
          .satisfies(
              event ->
                  assertThat(event.note()).contains(NINE.toString(), newTime.start().toString()));
    }

    @Test
    void rescheduleOntoAnExpiredHoldOrAnotherOfficesHoldIsRefused() {
      BookingResult.Confirmed confirmed = booked(NINE);
      BookingReference reference = confirmed.booking().reference();
      Hold newTime = held(at(MONDAY_DATE.plusDays(1), 10, 0));
      HoldResult elsewhere =
          service.hold(
              new HoldSlot.Command(
                  OTHER_OFFICE,
                  ONE_BASIC_INCOME,
                  NINE,
                  Channel.ONLINE,
                  Actor.CITIZEN,
                  Optional.empty()));

      assertThat(
              refusalOf(
                  service.reschedule(
                      reference,
                      BookingAccess.byToken(confirmed.manageToken()),
                      ((HoldResult.Held) elsewhere).hold().id())))
          .isEqualTo(RefusalReason.NOT_FOUND);
      clock.advance(Duration.ofMinutes(10));
      assertThat(
              refusalOf(
                  service.reschedule(
                      reference, BookingAccess.byToken(confirmed.manageToken()), newTime.id())))
          .isEqualTo(RefusalReason.HOLD_EXPIRED);
      assertThat(
              service
                  .find(reference, BookingAccess.byToken(confirmed.manageToken()))
                  .orElseThrow()
                  .start())
          .isEqualTo(NINE);
    }
  }

  @Test
  void cleanupDeletesExpiredHoldsOfEveryOffice() {
    held(NINE);
    service.hold(
        new HoldSlot.Command(
            OTHER_OFFICE, ONE_BASIC_INCOME, NINE, Channel.ONLINE, Actor.CITIZEN, Optional.empty()));
    booked(NINE.plus(Duration.ofHours(1)));
    ExpiredHoldCleanup cleanup = new ExpiredHoldCleanup(catalog, bookings, clock);

    assertThat(cleanup.run()).isZero();
    clock.advance(Duration.ofMinutes(10));
    assertThat(cleanup.run()).isEqualTo(2);
    assertThat(bookings.busyPeriods(OFFICE, NINE, NINE.plus(Duration.ofHours(2)))).hasSize(1);
  }
}
