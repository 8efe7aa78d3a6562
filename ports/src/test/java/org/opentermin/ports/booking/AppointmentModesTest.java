package org.opentermin.ports.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING_IN_EVERY_MODE;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.time.DateRange;
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
import org.opentermin.ports.in.ViewDay;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.out.VideoRoom;
import org.opentermin.ports.video.GeneratedVideoRooms;

/**
 * Booking in person, by phone and by video: durations, resources, phone numbers and video links.
 */
class AppointmentModesTest {

  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final ImmutableList<ServiceRequest> ONE_HOUSING =
      ImmutableList.of(new ServiceRequest(HOUSING.id(), 1));
  private static final Citizen WITHOUT_PHONE =
      new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.empty());
  private static final Citizen WITH_PHONE =
      new Citizen("Erika Mustermann", Optional.empty(), Optional.of("+49 89 1234567"));
  private static final URI VIDEO_BASE = URI.create("https://video.example.org/rooms/");

  /** The rooms opened, with what the video service was told. */
  private final List<VideoRoom.Meeting> meetings = new ArrayList<>();

  private final MutableClock clock = new MutableClock(NOW);
  private InMemoryCatalogStore catalog;
  private BookingServices service;

  @BeforeEach
  void setUp() {
    catalog = new InMemoryCatalogStore();
    ContractFixtures.fill(catalog);
    catalog.saveService(HOUSING_IN_EVERY_MODE);
    VideoRoom generated = new GeneratedVideoRooms(VIDEO_BASE, RandomSource.seeded(7));
    VideoRoom recording =
        meeting -> {
          meetings.add(meeting);
          return generated.open(meeting);
        };
    InMemoryBookingStore bookings = new InMemoryBookingStore();
    RandomSource random = RandomSource.seeded(42);
    service =
        BookingServices.builder(
                catalog,
                bookings,
                bookings.auditLog(),
                clock,
                random,
                ProofOfWorkChallenge.withRandomSecret(random, new InMemorySpentChallenges()),
                new InMemoryHoldRates())
            .videoRoom(recording)
            .build();
  }

  private AvailabilityResult availability(
      OfficeId office, ImmutableList<ServiceRequest> services, AppointmentMode mode) {
    return service.findSlots(
        new FindAvailability.Query(office, services, Channel.ONLINE, DateRange.ofDay(MONDAY_DATE))
            .withMode(mode));
  }

  private static HoldSlot.Command holdCommand(Instant start, AppointmentMode mode) {
    return new HoldSlot.Command(
            OFFICE,
            ONE_HOUSING,
            start,
            Channel.ONLINE,
            Actor.CITIZEN,
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty())
        .withMode(mode);
  }

  private Hold held(Instant start, AppointmentMode mode) {
    HoldResult result = service.hold(holdCommand(start, mode));
    assertThat(result).as("%s", result).isInstanceOf(HoldResult.Held.class);
    return ((HoldResult.Held) result).hold();
  }

  private BookingResult confirm(Hold hold, Citizen citizen) {
    return service.confirm(
        new ConfirmBooking.Command(hold.id(), citizen, Actor.CITIZEN, Optional.empty()));
  }

  private BookingResult.Confirmed booked(Instant start, AppointmentMode mode) {
    BookingResult result = confirm(held(start, mode), WITH_PHONE);
    assertThat(result).as("%s", result).isInstanceOf(BookingResult.Confirmed.class);
    return (BookingResult.Confirmed) result;
  }

  private static RefusalReason refusalOf(Object result) {
    assertThat(result).isInstanceOf(Refused.class);
    return ((Refused) result).reason();
  }

  @Test
  void phoneAvailabilityUsesTheShorterPhoneDuration() {
    var inPerson =
        ((AvailabilityResult.Found) availability(OFFICE, ONE_HOUSING, AppointmentMode.IN_PERSON))
            .availability();
    var byPhone =
        ((AvailabilityResult.Found) availability(OFFICE, ONE_HOUSING, AppointmentMode.PHONE))
            .availability();

    assertThat(inPerson.duration()).isEqualTo(Duration.ofMinutes(20));
    assertThat(byPhone.duration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(inPerson.slots()).extracting(Slot::start).doesNotContain(at(MONDAY_DATE, 11, 50));
    assertThat(byPhone.slots()).extracting(Slot::start).contains(at(MONDAY_DATE, 11, 50));
  }

  @Test
  void videoIsOfferedOnlyWithTheCaseworkerWhoDoesVideo() {
    var video =
        ((AvailabilityResult.Found) availability(OFFICE, ONE_HOUSING, AppointmentMode.VIDEO))
            .availability();

    assertThat(video.slots())
        .isNotEmpty()
        .allSatisfy(slot -> assertThat(slot.capacity()).isEqualTo(1));
    assertThat(held(NINE, AppointmentMode.VIDEO).resource()).isEqualTo(BEN);
    assertThat(refusalOf(service.hold(holdCommand(NINE, AppointmentMode.VIDEO))))
        .isEqualTo(RefusalReason.UNAVAILABLE);
    assertThat(held(NINE, AppointmentMode.IN_PERSON).mode())
        .as("the other caseworker still sees people")
        .isEqualTo(AppointmentMode.IN_PERSON);
  }

  @Test
  void modeTheServiceIsNotOfferedInIsRefusedForAvailabilityAndHolds() {
    ImmutableList<ServiceRequest> basicIncome =
        ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1));

    Object refused = availability(OFFICE, basicIncome, AppointmentMode.VIDEO);
    assertThat(refusalOf(refused)).isEqualTo(RefusalReason.MODE_NOT_OFFERED);
    assertThat(((Refused) refused).detail())
        .as("a sensitive service is not named")
        .contains("the requested service", "VIDEO", "IN_PERSON")
        .doesNotContain("basic-income");
    assertThat(
            refusalOf(
                service.firstFreeSlot(OFFICE, basicIncome, Channel.ONLINE, AppointmentMode.PHONE)))
        .isEqualTo(RefusalReason.MODE_NOT_OFFERED);
    assertThat(
            refusalOf(
                service.hold(
                    new HoldSlot.Command(
                            OFFICE,
                            basicIncome,
                            NINE,
                            Channel.ONLINE,
                            Actor.CITIZEN,
                            Optional.empty(),
                            false,
                            Optional.empty(),
                            Optional.empty())
                        .withMode(AppointmentMode.PHONE))))
        .isEqualTo(RefusalReason.MODE_NOT_OFFERED);
  }

  @Test
  void modeServedOnlyByAnotherOfficesResourcesIsNotOfferedHere() {
    Object refused = availability(OTHER_OFFICE, ONE_HOUSING, AppointmentMode.VIDEO);

    assertThat(refusalOf(refused)).isEqualTo(RefusalReason.MODE_NOT_OFFERED);
    assertThat(((Refused) refused).detail()).contains("service housing", OTHER_OFFICE.value());
    assertThat(availability(OTHER_OFFICE, ONE_HOUSING, AppointmentMode.PHONE))
        .isInstanceOf(AvailabilityResult.Found.class);
  }

  @Test
  void firstFreeSlotLooksInTheRequestedMode() {
    FirstSlotResult first =
        service.firstFreeSlot(OFFICE, ONE_HOUSING, Channel.ONLINE, AppointmentMode.VIDEO);

    assertThat(first)
        .isEqualTo(
            new FirstSlotResult.Found(new Slot(at(MONDAY_DATE, 8, 0), 1), ContractFixtures.ZONE));
  }

  @Test
  void phoneBookingWithoutAPhoneNumberIsRefusedAndTheHoldStaysForARetry() {
    Hold hold = held(NINE, AppointmentMode.PHONE);

    assertThat(refusalOf(confirm(hold, WITHOUT_PHONE))).isEqualTo(RefusalReason.PHONE_REQUIRED);
    BookingResult retried = confirm(hold, WITH_PHONE);

    assertThat(retried).isInstanceOf(BookingResult.Confirmed.class);
    Booking booking = ((BookingResult.Confirmed) retried).booking();
    assertThat(booking.mode()).isEqualTo(AppointmentMode.PHONE);
    assertThat(booking.end()).isEqualTo(NINE.plus(Duration.ofMinutes(10)));
    assertThat(booking.videoLink()).isEmpty();
    assertThat(meetings).isEmpty();
  }

  @Test
  void staffBookingACallerForAPhoneAppointmentAlsoNeedTheNumber() {
    HoldResult hold =
        service.hold(
            new HoldSlot.Command(
                    OFFICE,
                    ONE_HOUSING,
                    NINE,
                    Channel.PHONE,
                    Actor.staff("s-1"),
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.empty())
                .withMode(AppointmentMode.PHONE));
    ConfirmBooking.Command withoutNumber =
        new ConfirmBooking.Command(
            ((HoldResult.Held) hold).hold().id(),
            WITHOUT_PHONE,
            Actor.staff("s-1"),
            Optional.empty());

    assertThat(refusalOf(service.confirm(withoutNumber))).isEqualTo(RefusalReason.PHONE_REQUIRED);
  }

  @Test
  void expiredPhoneHoldIsReportedAsExpired() {
    Hold hold = held(NINE, AppointmentMode.PHONE);
    clock.advance(Duration.ofMinutes(10));

    assertThat(refusalOf(confirm(hold, WITHOUT_PHONE))).isEqualTo(RefusalReason.HOLD_EXPIRED);
  }

  @Test
  void videoBookingGetsAnUnguessableLinkThatNamesNeitherCitizenNorService() {
    BookingResult.Confirmed confirmed = booked(NINE, AppointmentMode.VIDEO);

    VideoLink link = confirmed.booking().videoLink().orElseThrow();
    assertThat(link.text()).matches("https://video\\.example\\.org/rooms/[a-z2-7]{26}");
    assertThat(link.text())
        .doesNotContain("Erika", "Mustermann", "housing", "Wohngeld", "1234567", OFFICE.value());
    assertThat(meetings)
        .containsExactly(new VideoRoom.Meeting(OFFICE, NINE, NINE.plus(Duration.ofMinutes(20))));
    assertThat(
            service
                .find(
                    confirmed.booking().reference(), BookingAccess.byToken(confirmed.manageToken()))
                .orElseThrow()
                .videoLink())
        .contains(link);
  }

  @Test
  void everyVideoBookingGetsItsOwnRoom() {
    VideoLink first = booked(NINE, AppointmentMode.VIDEO).booking().videoLink().orElseThrow();
    VideoLink second =
        booked(NINE.plus(Duration.ofMinutes(20)), AppointmentMode.VIDEO)
            .booking()
            .videoLink()
            .orElseThrow();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void retriedVideoConfirmationReturnsTheSameLinkWithoutOpeningAnotherRoom() {
    Hold hold = held(NINE, AppointmentMode.VIDEO);
    ConfirmBooking.Command command =
        new ConfirmBooking.Command(
            hold.id(), WITHOUT_PHONE, Actor.CITIZEN, Optional.of("retry-key-0123456789"));

    BookingResult first = service.confirm(command);
    BookingResult retry = service.confirm(command);

    assertThat(((BookingResult.Confirmed) retry).booking().videoLink())
        .isEqualTo(((BookingResult.Confirmed) first).booking().videoLink())
        .isPresent();
    assertThat(meetings).hasSize(1);
  }

  @Test
  void inPersonAndPhoneBookingsOpenNoRoom() {
    booked(NINE, AppointmentMode.IN_PERSON);
    booked(NINE, AppointmentMode.PHONE);

    assertThat(meetings).isEmpty();
  }

  @Test
  void movedVideoBookingKeepsItsLink() {
    BookingResult.Confirmed confirmed = booked(NINE, AppointmentMode.VIDEO);
    Hold later = held(NINE.plus(Duration.ofHours(1)), AppointmentMode.VIDEO);

    ChangeResult moved =
        service.reschedule(
            confirmed.booking().reference(),
            BookingAccess.byToken(confirmed.manageToken()),
            later.id());

    Booking booking = (Booking) ((ChangeResult.Changed) moved).booking();
    assertThat(booking.start()).isEqualTo(later.start());
    assertThat(booking.mode()).isEqualTo(AppointmentMode.VIDEO);
    assertThat(booking.videoLink()).isEqualTo(confirmed.booking().videoLink());
    assertThat(meetings).hasSize(1);
  }

  @Test
  void bookingMovesOnlyToAHoldOfItsOwnMode() {
    BookingResult.Confirmed confirmed = booked(NINE, AppointmentMode.PHONE);
    Hold inPerson = held(NINE.plus(Duration.ofHours(1)), AppointmentMode.IN_PERSON);

    ChangeResult refused =
        service.reschedule(
            confirmed.booking().reference(),
            BookingAccess.byToken(confirmed.manageToken()),
            inPerson.id());

    assertThat(refusalOf(refused)).isEqualTo(RefusalReason.MODE_MISMATCH);
    assertThat(((Refused) refused).detail()).contains("PHONE");
    assertThat(
            service
                .find(
                    confirmed.booking().reference(), BookingAccess.byToken(confirmed.manageToken()))
                .orElseThrow()
                .start())
        .isEqualTo(NINE);
  }

  @Test
  void idempotencyKeyOfAHoldInOneModeCannotBeReusedForAnother() {
    HoldSlot.Command phone =
        new HoldSlot.Command(
                OFFICE,
                ONE_HOUSING,
                NINE,
                Channel.ONLINE,
                Actor.CITIZEN,
                Optional.of("hold-key-0123456789"),
                false,
                Optional.empty(),
                Optional.empty())
            .withMode(AppointmentMode.PHONE);
    HoldSlot.Command video =
        new HoldSlot.Command(
                OFFICE,
                ONE_HOUSING,
                NINE,
                Channel.ONLINE,
                Actor.CITIZEN,
                Optional.of("hold-key-0123456789"),
                false,
                Optional.empty(),
                Optional.empty())
            .withMode(AppointmentMode.VIDEO);

    assertThat(service.hold(phone)).isInstanceOf(HoldResult.Held.class);
    assertThat(((HoldResult.Held) service.hold(phone)).hold().mode())
        .isEqualTo(AppointmentMode.PHONE);
    assertThat(refusalOf(service.hold(video))).isEqualTo(RefusalReason.IDEMPOTENCY_KEY_REUSED);
  }

  @Test
  void staffDayShowsEachBookingsMode() {
    booked(NINE, AppointmentMode.VIDEO);
    booked(NINE, AppointmentMode.PHONE);

    assertThat(
            ((ViewDay.Day)
                    service.bookingsOn(
                        OFFICE,
                        MONDAY_DATE,
                        new AccessGrant("s-1", AccessRole.STAFF, ImmutableSet.of(OFFICE))))
                .bookings())
        .extracting(Appointment::mode, Appointment::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(AppointmentMode.VIDEO, AppointmentStatus.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple(
                AppointmentMode.PHONE, AppointmentStatus.CONFIRMED));
  }
}
