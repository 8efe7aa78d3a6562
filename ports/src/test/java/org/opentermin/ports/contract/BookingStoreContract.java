package org.opentermin.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
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
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.Cancellation;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.ClientQuota;
import org.opentermin.ports.out.BookingStore.ConfirmResult;
import org.opentermin.ports.out.BookingStore.Confirmation;
import org.opentermin.ports.out.BookingStore.HoldInsertion;
import org.opentermin.ports.out.BookingStore.HoldPlacement;
import org.opentermin.ports.out.BookingStore.IdempotencyRecord;
import org.opentermin.ports.out.BookingStore.IdentityQuota;
import org.opentermin.ports.out.BookingStore.Rescheduling;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;

/**
 * Every {@link BookingStore} MUST pass this. Subclasses supply a fresh pair of stores per test; the
 * catalog is filled with {@link ContractFixtures#fill} before each test.
 */
public abstract class BookingStoreContract {

  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final Instant HOLD_EXPIRY = NOW.plus(Duration.ofMinutes(10));
  private static final byte[] TOKEN_HASH =
      "token-hash-32-bytes-long-exactly".getBytes(StandardCharsets.UTF_8);
  private static final Citizen CITIZEN =
      new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.empty());
  private static final Citizen PHONE_CITIZEN =
      new Citizen("Max Mustermann", Optional.empty(), Optional.of("+49 89 1234567"));
  private static final VideoLink VIDEO_LINK =
      VideoLink.of("https://video.example.org/rooms/qk4x7m2v9zt3abcdefghjk2345");

  private CatalogStore catalog;
  private BookingStore store;
  private int nextId;

  /** The stores under test, sharing one backing storage, both empty. */
  public record Stores(CatalogStore catalog, BookingStore bookings) {}

  protected abstract Stores newStores();

  @BeforeEach
  void createStores() {
    Stores stores = newStores();
    catalog = stores.catalog();
    ContractFixtures.fill(catalog);
    store = stores.bookings();
  }

  private AppointmentId newId(OfficeId office) {
    return new AppointmentId(office, new UUID(4711, nextId++));
  }

  private Hold hold(ResourceId resource, Instant start, int minutes) {
    return hold(OFFICE, resource, start, minutes, HOLD_EXPIRY);
  }

  private Hold hold(
      OfficeId office, ResourceId resource, Instant start, int minutes, Instant expiry) {
    return Appointment.hold(
        newId(office),
        resource,
        start,
        start.plus(Duration.ofMinutes(minutes)),
        List.of(new BookedService(BASIC_INCOME.id(), 1)),
        Channel.ONLINE,
        expiry);
  }

  /** A half-hour hold with a chosen id. */
  private static Hold hold(AppointmentId id, ResourceId resource, Instant start) {
    return Appointment.hold(
        id,
        resource,
        start,
        start.plus(Duration.ofMinutes(30)),
        List.of(new BookedService(BASIC_INCOME.id(), 1)),
        Channel.ONLINE,
        HOLD_EXPIRY);
  }

  /** Places the hold with its own resource as the only candidate. */
  private HoldInsertion insert(Hold hold, Optional<IdempotencyRecord> idempotency, Instant now) {
    HoldPlacement placement =
        store.placeHold(claim(hold, ImmutableList.of(hold.resource())), idempotency, now);
    if (placement.outcome() == HoldInsertion.INSERTED) {
      assertThat(placement.hold()).contains(hold);
    } else {
      assertThat(placement.hold()).isEmpty();
    }
    return placement.outcome();
  }

  private static HoldClaim claim(Hold hold, ImmutableList<ResourceId> candidates) {
    return new HoldClaim(
        hold.id(),
        candidates,
        hold.start(),
        hold.end(),
        hold.services(),
        hold.channel(),
        hold.expiresAt(),
        Optional.empty(),
        hold.mode());
  }

  /** Confirms for any channel with the test token and citizen. */
  private Confirmation confirm(
      AppointmentId hold,
      BookingReference reference,
      Optional<IdempotencyRecord> idempotency,
      Instant now,
      BookingEvent event) {
    ConfirmResult result =
        store.confirm(
            ConfirmClaim.of(
                    hold, EnumSet.allOf(Channel.class), reference, TOKEN_HASH, CITIZEN, now, event)
                .withIdempotency(idempotency));
    assertThat(result.booking().isPresent()).isEqualTo(result.outcome() == Confirmation.CONFIRMED);
    return result.outcome();
  }

  private static BookingReference reference(String value) {
    return new BookingReference(value);
  }

  private static BookingEvent confirmation(AppointmentId id) {
    return new BookingEvent(
        id, NOW, Actor.CITIZEN, AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, "");
  }

  private Booking confirmedBooking(ResourceId resource, Instant start, String reference) {
    return confirmedBooking(hold(resource, start, 30), reference);
  }

  /** Places and confirms the hold. */
  private Booking confirmedBooking(Hold hold, String reference) {
    assertThat(insert(hold, Optional.empty(), NOW)).isEqualTo(HoldInsertion.INSERTED);
    assertThat(
            confirm(
                hold.id(), reference(reference), Optional.empty(), NOW, confirmation(hold.id())))
        .isEqualTo(Confirmation.CONFIRMED);
    return hold.confirmed(reference(reference), CITIZEN);
  }

  @Test
  void insertedHoldIsFoundAndBusyUntilItsExpiry() {
    Hold hold = hold(ANNA, NINE, 30);

    assertThat(insert(hold, Optional.empty(), NOW)).isEqualTo(HoldInsertion.INSERTED);

    assertThat(store.find(hold.id())).contains(hold);
    assertThat(store.busyPeriods(OFFICE, at(MONDAY_DATE, 0, 0), at(MONDAY_DATE.plusDays(1), 0, 0)))
        .containsExactly(
            BusyPeriod.hold(ANNA, NINE, NINE.plus(Duration.ofMinutes(30)), HOLD_EXPIRY));
  }

  @Test
  void overlappingClaimOnTheSameResourceIsRefusedButTouchingOrOtherResourcesAreNot() {
    insert(hold(ANNA, NINE, 30), Optional.empty(), NOW);

    assertThat(insert(hold(ANNA, NINE.plus(Duration.ofMinutes(20)), 30), Optional.empty(), NOW))
        .isEqualTo(HoldInsertion.TIME_TAKEN);
    assertThat(insert(hold(ANNA, NINE.minus(Duration.ofMinutes(10)), 60), Optional.empty(), NOW))
        .isEqualTo(HoldInsertion.TIME_TAKEN);
    assertThat(insert(hold(ANNA, NINE.plus(Duration.ofMinutes(30)), 30), Optional.empty(), NOW))
        .isEqualTo(HoldInsertion.INSERTED);
    assertThat(insert(hold(ANNA, NINE.minus(Duration.ofMinutes(30)), 30), Optional.empty(), NOW))
        .isEqualTo(HoldInsertion.INSERTED);
    assertThat(insert(hold(BEN, NINE, 30), Optional.empty(), NOW))
        .isEqualTo(HoldInsertion.INSERTED);
    assertThat(insert(hold(OTHER_OFFICE, ANNA, NINE, 30, HOLD_EXPIRY), Optional.empty(), NOW))
        .isEqualTo(HoldInsertion.INSERTED);
  }

  @Test
  void expiredHoldNeverBlocksEvenBeforeItIsDeleted() {
    Hold expiring = hold(ANNA, NINE, 30);
    insert(expiring, Optional.empty(), NOW);

    Hold later = hold(OFFICE, ANNA, NINE, 30, HOLD_EXPIRY.plus(Duration.ofMinutes(10)));
    assertThat(insert(later, Optional.empty(), HOLD_EXPIRY.minusSeconds(1)))
        .isEqualTo(HoldInsertion.TIME_TAKEN);
    assertThat(insert(later, Optional.empty(), HOLD_EXPIRY)).isEqualTo(HoldInsertion.INSERTED);
    assertThat(store.find(later.id())).contains(later);
    assertThat(store.busyPeriods(OFFICE, NINE, NINE.plusSeconds(60)))
        .extracting(BusyPeriod::expiresAt)
        .containsExactly(later.expiresAt());
  }

  @Test
  void holdIdempotencyKeyIsUsedOncePerOffice() {
    byte[] key = "hold-key-hash".getBytes(StandardCharsets.UTF_8);
    Hold first = hold(ANNA, NINE, 30);
    insert(first, Optional.of(new IdempotencyRecord(key, "fingerprint", new byte[0])), NOW);

    HoldInsertion again =
        insert(
            hold(BEN, NINE, 30),
            Optional.of(new IdempotencyRecord(key, "fingerprint", new byte[0])),
            NOW);

    assertThat(again).isEqualTo(HoldInsertion.KEY_TAKEN);
    assertThat(store.findByHoldKey(OFFICE, key))
        .hasValueSatisfying(
            match -> {
              assertThat(match.appointment()).isEqualTo(first.id());
              assertThat(match.requestFingerprint()).isEqualTo("fingerprint");
            });
    assertThat(store.findByHoldKey(OTHER_OFFICE, key)).isEmpty();
    assertThat(
            insert(
                hold(OTHER_OFFICE, ANNA, NINE, 30, HOLD_EXPIRY),
                Optional.of(new IdempotencyRecord(key, "f", new byte[0])),
                NOW))
        .isEqualTo(HoldInsertion.INSERTED);
  }

  @Test
  void confirmTurnsALiveHoldIntoABookingAndRecordsIt() {
    Hold hold = hold(ANNA, NINE, 30);
    insert(hold, Optional.empty(), NOW);

    Confirmation result =
        confirm(hold.id(), reference("ABCD2345"), Optional.empty(), NOW, confirmation(hold.id()));

    Booking booking = hold.confirmed(reference("ABCD2345"), CITIZEN);
    assertThat(result).isEqualTo(Confirmation.CONFIRMED);
    assertThat(store.find(hold.id())).contains(booking);
    assertThat(store.findByReference(reference("ABCD2345")))
        .hasValueSatisfying(
            stored -> {
              assertThat(stored.booking()).isEqualTo(booking);
              assertThat(stored.manageTokenHash()).isEqualTo(TOKEN_HASH);
            });
    assertThat(store.history(hold.id())).containsExactly(confirmation(hold.id()));
    assertThat(store.busyPeriods(OFFICE, NINE, NINE.plusSeconds(60)))
        .containsExactly(BusyPeriod.booking(ANNA, NINE, NINE.plus(Duration.ofMinutes(30))));
  }

  @Test
  void onlyALiveHoldCanBeConfirmedAndOnlyOnce() {
    Hold hold = hold(ANNA, NINE, 30);
    insert(hold, Optional.empty(), NOW);

    assertThat(
            confirm(
                hold.id(),
                reference("ABCD2345"),
                Optional.empty(),
                HOLD_EXPIRY,
                confirmation(hold.id())))
        .isEqualTo(Confirmation.NOT_LIVE);
    assertThat(
            confirm(
                hold.id(), reference("ABCD2345"), Optional.empty(), NOW, confirmation(hold.id())))
        .isEqualTo(Confirmation.CONFIRMED);
    assertThat(
            confirm(
                hold.id(), reference("ABCD2346"), Optional.empty(), NOW, confirmation(hold.id())))
        .isEqualTo(Confirmation.NOT_LIVE);
    AppointmentId unknown = newId(OFFICE);
    assertThat(
            confirm(unknown, reference("ABCD2347"), Optional.empty(), NOW, confirmation(unknown)))
        .isEqualTo(Confirmation.NOT_LIVE);
    assertThat(store.history(hold.id())).hasSize(1);
  }

  @Test
  void referenceIsUniqueAcrossOffices() {
    confirmedBooking(ANNA, NINE, "ABCD2345");
    Hold elsewhere = hold(OTHER_OFFICE, ANNA, NINE, 30, HOLD_EXPIRY);
    insert(elsewhere, Optional.empty(), NOW);

    assertThat(
            confirm(
                elsewhere.id(),
                reference("ABCD2345"),
                Optional.empty(),
                NOW,
                confirmation(elsewhere.id())))
        .isEqualTo(Confirmation.REFERENCE_TAKEN);
    assertThat(store.find(elsewhere.id())).contains(elsewhere);
    assertThat(
            confirm(
                elsewhere.id(),
                reference("ABCD2346"),
                Optional.empty(),
                NOW,
                confirmation(elsewhere.id())))
        .isEqualTo(Confirmation.CONFIRMED);
  }

  @Test
  void confirmIdempotencyKeyKeepsItsRetryPayload() {
    byte[] key = "confirm-key-hash".getBytes(StandardCharsets.UTF_8);
    byte[] payload = {1, 2, 3, 4};
    Hold hold = hold(ANNA, NINE, 30);
    insert(hold, Optional.empty(), NOW);
    confirm(
        hold.id(),
        reference("ABCD2345"),
        Optional.of(new IdempotencyRecord(key, hold.id().toString(), payload)),
        NOW,
        confirmation(hold.id()));
    Hold second = hold(BEN, NINE, 30);
    insert(second, Optional.empty(), NOW);

    assertThat(
            confirm(
                second.id(),
                reference("ABCD2346"),
                Optional.of(new IdempotencyRecord(key, second.id().toString(), payload)),
                NOW,
                confirmation(second.id())))
        .isEqualTo(Confirmation.KEY_TAKEN);
    assertThat(store.find(second.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.HELD);
    assertThat(store.findByConfirmKey(OFFICE, key))
        .hasValueSatisfying(
            match -> {
              assertThat(match.appointment()).isEqualTo(hold.id());
              assertThat(match.requestFingerprint()).isEqualTo(hold.id().toString());
              assertThat(match.retryPayload()).containsExactly(payload);
            });
  }

  @Test
  void statusChangesOnlyFromTheExpectedStatusAndEveryChangeIsRecorded() {
    Booking booking = confirmedBooking(ANNA, NINE, "ABCD2345");
    BookingEvent checkIn =
        new BookingEvent(
            booking.id(),
            NOW.plusSeconds(60),
            Actor.staff("s-1"),
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CHECKED_IN,
            "");
    BookingEvent complete =
        new BookingEvent(
            booking.id(),
            NOW.plusSeconds(120),
            Actor.staff("s-1"),
            AppointmentStatus.CHECKED_IN,
            AppointmentStatus.COMPLETED,
            "");

    assertThat(store.changeStatus(booking.id(), AppointmentStatus.CONFIRMED, checkIn)).isTrue();
    assertThat(store.changeStatus(booking.id(), AppointmentStatus.CONFIRMED, checkIn))
        .as("no longer confirmed")
        .isFalse();
    assertThat(store.changeStatus(booking.id(), AppointmentStatus.CHECKED_IN, complete)).isTrue();

    assertThat(store.find(booking.id()).orElseThrow().status())
        .isEqualTo(AppointmentStatus.COMPLETED);
    assertThat(store.history(booking.id()))
        .containsExactly(confirmation(booking.id()), checkIn, complete);
  }

  @Test
  void cancelledBookingFreesItsTime() {
    Booking booking = confirmedBooking(ANNA, NINE, "ABCD2345");
    BookingEvent cancel =
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CANCELLED,
            "plans changed");

    assertThat(store.changeStatus(booking.id(), AppointmentStatus.CONFIRMED, cancel)).isTrue();

    assertThat(store.busyPeriods(OFFICE, NINE, NINE.plusSeconds(60))).isEmpty();
    assertThat(insert(hold(ANNA, NINE, 30), Optional.empty(), NOW))
        .isEqualTo(HoldInsertion.INSERTED);
    assertThat(store.findByReference(reference("ABCD2345")).orElseThrow().booking().status())
        .isEqualTo(AppointmentStatus.CANCELLED);
  }

  @Test
  void rescheduleMovesTheBookingToTheHeldTimeAndDeletesTheHold() {
    Booking booking = confirmedBooking(ANNA, NINE, "ABCD2345");
    Hold newTime = hold(BEN, NINE.plus(Duration.ofHours(1)), 30);
    insert(newTime, Optional.empty(), NOW);
    BookingEvent moved =
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CONFIRMED,
            "moved");

    assertThat(store.reschedule(booking.id(), newTime.id(), NOW, moved)).isTrue();

    Booking rescheduled = storedBooking(booking.id());
    assertThat(rescheduled).isEqualTo(booking.movedTo(newTime));
    assertThat(store.find(newTime.id())).isEmpty();
    assertThat(store.findByReference(reference("ABCD2345")).orElseThrow().booking())
        .isEqualTo(rescheduled);
    assertThat(store.busyPeriods(OFFICE, at(MONDAY_DATE, 0, 0), at(MONDAY_DATE.plusDays(1), 0, 0)))
        .containsExactly(BusyPeriod.booking(BEN, newTime.start(), newTime.end()));
    assertThat(store.history(booking.id())).containsExactly(confirmation(booking.id()), moved);
  }

  @Test
  void rescheduleOntoTheSameResourceAndOverlappingTimeWorks() {
    Booking booking = confirmedBooking(ANNA, NINE, "ABCD2345");
    // Adjacent to the booking: the booking moves half an hour later onto this hold.
    Hold later = hold(ANNA, NINE.plus(Duration.ofMinutes(30)), 30);
    insert(later, Optional.empty(), NOW);
    BookingEvent moved =
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CONFIRMED,
            "");

    assertThat(store.reschedule(booking.id(), later.id(), NOW, moved)).isTrue();
    assertThat(store.find(booking.id()).orElseThrow().start()).isEqualTo(later.start());
  }

  @Test
  void rescheduleNeedsAConfirmedBookingAndALiveHold() {
    Booking booking = confirmedBooking(ANNA, NINE, "ABCD2345");
    Hold newTime = hold(BEN, NINE.plus(Duration.ofHours(1)), 30);
    insert(newTime, Optional.empty(), NOW);
    BookingEvent moved =
        new BookingEvent(
            booking.id(),
            HOLD_EXPIRY,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CONFIRMED,
            "");

    assertThat(store.reschedule(booking.id(), newTime.id(), HOLD_EXPIRY, moved))
        .as("hold expired")
        .isFalse();
    assertThat(store.reschedule(booking.id(), newId(OFFICE), NOW, moved))
        .as("unknown hold")
        .isFalse();
    assertThat(store.find(booking.id())).contains(booking);
    assertThat(store.history(booking.id())).hasSize(1);
  }

  /** A half-hour hold on {@code resource} at {@code start} in {@code mode}. */
  private Hold holdIn(AppointmentMode mode, ResourceId resource, Instant start) {
    return Appointment.hold(
        newId(OFFICE),
        resource,
        start,
        start.plus(Duration.ofMinutes(30)),
        List.of(new BookedService(BASIC_INCOME.id(), 1)),
        Channel.ONLINE,
        HOLD_EXPIRY,
        mode);
  }

  private ConfirmResult confirmWithLink(Hold hold, String reference, Optional<VideoLink> link) {
    return store.confirm(
        ConfirmClaim.of(
                hold.id(),
                EnumSet.allOf(Channel.class),
                reference(reference),
                TOKEN_HASH,
                PHONE_CITIZEN,
                NOW,
                confirmation(hold.id()))
            .withVideoLink(link));
  }

  @Test
  void holdKeepsItsModeIntoTheBookingAndEveryReadShowsIt() {
    Hold hold = holdIn(AppointmentMode.PHONE, ANNA, NINE);

    assertThat(insert(hold, Optional.empty(), NOW)).isEqualTo(HoldInsertion.INSERTED);
    assertThat(store.find(hold.id()).orElseThrow().mode()).isEqualTo(AppointmentMode.PHONE);
    ConfirmResult result = confirmWithLink(hold, "ABCD2345", Optional.empty());

    Booking booking = hold.confirmed(reference("ABCD2345"), PHONE_CITIZEN);
    assertThat(result.booking()).contains(booking);
    assertThat(store.find(hold.id())).contains(booking);
    assertThat(store.findByReference(reference("ABCD2345")).orElseThrow().booking())
        .isEqualTo(booking);
    assertThat(store.bookings(OFFICE, NINE, NINE.plusSeconds(60))).containsExactly(booking);
  }

  @Test
  void videoBookingKeepsItsLinkThroughStatusChanges() {
    Hold hold = holdIn(AppointmentMode.VIDEO, BEN, NINE);
    insert(hold, Optional.empty(), NOW);

    ConfirmResult result = confirmWithLink(hold, "ABCD2345", Optional.of(VIDEO_LINK));

    Booking booking = hold.confirmed(reference("ABCD2345"), PHONE_CITIZEN, Optional.of(VIDEO_LINK));
    assertThat(result.outcome()).isEqualTo(Confirmation.CONFIRMED);
    assertThat(result.booking()).contains(booking);
    assertThat(store.findByReference(reference("ABCD2345")).orElseThrow().booking().videoLink())
        .contains(VIDEO_LINK);
    assertThat(
            store.changeStatus(
                booking.id(),
                AppointmentStatus.CONFIRMED,
                new BookingEvent(
                    booking.id(),
                    NOW,
                    Actor.staff("s-1"),
                    AppointmentStatus.CONFIRMED,
                    AppointmentStatus.CHECKED_IN,
                    "")))
        .isTrue();
    assertThat(store.bookings(OFFICE, NINE, NINE.plusSeconds(60)))
        .containsExactly(booking.withStatus(AppointmentStatus.CHECKED_IN));
  }

  @Test
  void videoHoldIsConfirmedOnlyWithALinkAndOtherHoldsOnlyWithoutOne() {
    Hold video = holdIn(AppointmentMode.VIDEO, ANNA, NINE);
    Hold inPerson = holdIn(AppointmentMode.IN_PERSON, BEN, NINE);
    insert(video, Optional.empty(), NOW);
    insert(inPerson, Optional.empty(), NOW);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> confirmWithLink(video, "ABCD2345", Optional.empty()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> confirmWithLink(inPerson, "ABCD2346", Optional.of(VIDEO_LINK)));

    assertThat(store.find(video.id())).contains(video);
    assertThat(store.find(inPerson.id())).contains(inPerson);
    assertThat(store.history(video.id())).isEmpty();
    assertThat(confirmWithLink(video, "ABCD2345", Optional.of(VIDEO_LINK)).outcome())
        .as("reference still free")
        .isEqualTo(Confirmation.CONFIRMED);
    assertThat(confirmWithLink(inPerson, "ABCD2346", Optional.empty()).outcome())
        .isEqualTo(Confirmation.CONFIRMED);
  }

  @Test
  void refusedVideoConfirmationLeavesNoLinkBehind() {
    Hold video = holdIn(AppointmentMode.VIDEO, ANNA, NINE);
    insert(video, Optional.empty(), NOW);
    confirmedBooking(BEN, NINE, "ABCD2345");

    assertThat(confirmWithLink(video, "ABCD2345", Optional.of(VIDEO_LINK)).outcome())
        .isEqualTo(Confirmation.REFERENCE_TAKEN);

    assertThat(store.find(video.id())).contains(video);
  }

  @Test
  void movedVideoBookingKeepsItsModeAndLink() {
    Hold hold = holdIn(AppointmentMode.VIDEO, ANNA, NINE);
    insert(hold, Optional.empty(), NOW);
    confirmWithLink(hold, "ABCD2345", Optional.of(VIDEO_LINK));
    Booking booking = storedBooking(hold.id());
    Hold newTime = holdIn(AppointmentMode.VIDEO, BEN, NINE.plus(Duration.ofHours(1)));
    insert(newTime, Optional.empty(), NOW);
    BookingEvent moved =
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CONFIRMED,
            "");

    assertThat(store.reschedule(booking.id(), newTime.id(), NOW, moved)).isTrue();

    Booking rescheduled = storedBooking(booking.id());
    assertThat(rescheduled).isEqualTo(booking.movedTo(newTime));
    assertThat(rescheduled.start()).isEqualTo(newTime.start());
    assertThat(rescheduled.videoLink()).contains(VIDEO_LINK);
  }

  @Test
  void bookingDoesNotMoveToAHoldOfAnotherMode() {
    Hold hold = holdIn(AppointmentMode.PHONE, ANNA, NINE);
    insert(hold, Optional.empty(), NOW);
    confirmWithLink(hold, "ABCD2345", Optional.empty());
    Booking booking = storedBooking(hold.id());
    Hold inPerson = holdIn(AppointmentMode.IN_PERSON, BEN, NINE.plus(Duration.ofHours(1)));
    insert(inPerson, Optional.empty(), NOW);
    BookingEvent moved =
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CONFIRMED,
            "");

    assertThat(store.reschedule(booking.id(), inPerson.id(), NOW, moved, OptionalInt.empty()))
        .isEqualTo(Rescheduling.NOT_LIVE);

    assertThat(store.find(booking.id())).contains(booking);
    assertThat(store.find(inPerson.id())).contains(inPerson);
    assertThat(store.history(booking.id())).hasSize(1);
  }

  @Test
  void busyPeriodsAreThoseOfTheOfficeThatOverlapTheRange() {
    confirmedBooking(ANNA, NINE, "ABCD2345");
    insert(hold(OTHER_OFFICE, ANNA, NINE, 30, HOLD_EXPIRY), Optional.empty(), NOW);

    assertThat(
            store.busyPeriods(
                OFFICE, NINE.plus(Duration.ofMinutes(29)), NINE.plus(Duration.ofHours(1))))
        .hasSize(1);
    assertThat(
            store.busyPeriods(
                OFFICE, NINE.plus(Duration.ofMinutes(30)), NINE.plus(Duration.ofHours(1))))
        .isEmpty();
    assertThat(store.busyPeriods(OFFICE, NINE.minus(Duration.ofHours(1)), NINE)).isEmpty();
  }

  /** The stored appointment, which must be a booking that is not erased. */
  private Booking storedBooking(AppointmentId id) {
    Appointment found = store.find(id).orElseThrow();
    assertThat(found).isInstanceOf(Booking.class);
    return (Booking) found;
  }

  /** Moves the booking on to {@code to} as staff would, and returns it as it is now. */
  private Booking changed(Booking booking, AppointmentStatus to) {
    BookingEvent event =
        new BookingEvent(booking.id(), NOW, Actor.staff("s-1"), booking.status(), to, "");
    assertThat(store.changeStatus(booking.id(), booking.status(), event)).isTrue();
    return booking.withStatus(to);
  }

  @Test
  void bookingsLeaveOutHoldsAndOtherOffices() {
    Booking booking = confirmedBooking(ANNA, NINE, "ABCD2345");
    insert(hold(BEN, NINE, 30), Optional.empty(), NOW);
    insert(
        hold(OFFICE, BEN, NINE.plus(Duration.ofHours(1)), 30, NOW.plusSeconds(1)),
        Optional.empty(),
        NOW);
    confirmedBooking(hold(OTHER_OFFICE, ANNA, NINE, 30, HOLD_EXPIRY), "ABCD2346");

    assertThat(store.bookings(OFFICE, at(MONDAY_DATE, 0, 0), at(MONDAY_DATE.plusDays(1), 0, 0)))
        .as("neither the live hold nor the expired, undeleted one, nor the other office's booking")
        .containsExactly(booking);
  }

  @Test
  void bookingsAreThoseThatStartInTheHalfOpenRange() {
    Instant from = NINE;
    Instant to = NINE.plus(Duration.ofHours(1));
    Booking startsBeforeButOverlaps =
        confirmedBooking(
            hold(OFFICE, BEN, from.minus(Duration.ofMinutes(30)), 60, HOLD_EXPIRY), "ABCD2345");
    Booking startsAtFrom = confirmedBooking(ANNA, from, "ABCD2346");
    Booking startsJustBeforeTo =
        confirmedBooking(hold(OFFICE, ANNA, to.minusSeconds(1), 30, HOLD_EXPIRY), "ABCD2347");
    Booking startsAtTo = confirmedBooking(BEN, to, "ABCD2348");

    assertThat(store.bookings(OFFICE, from, to)).containsExactly(startsAtFrom, startsJustBeforeTo);
    assertThat(store.bookings(OFFICE, to, to.plus(Duration.ofHours(1))))
        .containsExactly(startsAtTo);
    assertThat(store.bookings(OFFICE, from.minus(Duration.ofHours(1)), from))
        .containsExactly(startsBeforeButOverlaps);
    assertThat(store.bookings(OFFICE, from, from)).as("empty range").isEmpty();
  }

  @Test
  void bookingsIncludeEveryBookingStatusWithTheCitizensData() {
    Booking confirmed = confirmedBooking(ANNA, NINE, "ABCD2345");
    Appointment checkedIn =
        changed(
            confirmedBooking(ANNA, NINE.plus(Duration.ofMinutes(30)), "ABCD2346"),
            AppointmentStatus.CHECKED_IN);
    Appointment completed =
        changed(
            changed(
                confirmedBooking(ANNA, NINE.plus(Duration.ofMinutes(60)), "ABCD2347"),
                AppointmentStatus.CHECKED_IN),
            AppointmentStatus.COMPLETED);
    Appointment noShow =
        changed(
            confirmedBooking(ANNA, NINE.plus(Duration.ofMinutes(90)), "ABCD2348"),
            AppointmentStatus.NO_SHOW);
    Appointment cancelled =
        changed(
            confirmedBooking(ANNA, NINE.plus(Duration.ofMinutes(120)), "ABCD2349"),
            AppointmentStatus.CANCELLED);

    ImmutableList<Appointment> bookings =
        store.bookings(OFFICE, NINE, NINE.plus(Duration.ofHours(3)));

    assertThat(bookings).containsExactly(confirmed, checkedIn, completed, noShow, cancelled);
    assertThat(bookings)
        .allSatisfy(booking -> assertThat(((Booking) booking).citizen()).isEqualTo(CITIZEN));
  }

  @Test
  void bookingsAreOrderedByStartThenResourceThenIdWhateverTheOrderTheyWereMadeIn() {
    // Ids in the order of their text form: a comparison of signed longs (UUID.compareTo) would put
    // the second one first.
    AppointmentId smallerId = new AppointmentId(OFFICE, new UUID(4712, 1));
    AppointmentId largerId = new AppointmentId(OFFICE, new UUID(4712, Long.MIN_VALUE));
    // In code point order, as Java compares ids, upper case comes first; a linguistic collation
    // would put "Zoe" after "anna".
    ResourceId zoe = ResourceId.of("Zoe");
    catalog.saveResource(ContractFixtures.caseworker(zoe, OFFICE));
    Instant ten = NINE.plus(Duration.ofHours(1));

    Booking benAtTen = confirmedBooking(BEN, ten, "ABCD2345");
    Booking annaAtTen = confirmedBooking(ANNA, ten, "ABCD2346");
    Appointment annaAtNineCancelled =
        changed(
            confirmedBooking(hold(largerId, ANNA, NINE), "ABCD2347"), AppointmentStatus.CANCELLED);
    Booking annaAtNine = confirmedBooking(hold(smallerId, ANNA, NINE), "ABCD2348");
    Booking zoeAtNine = confirmedBooking(zoe, NINE, "ABCD2349");
    Booking benAtEight = confirmedBooking(BEN, NINE.minus(Duration.ofHours(1)), "ABCD2352");

    assertThat(store.bookings(OFFICE, at(MONDAY_DATE, 0, 0), at(MONDAY_DATE.plusDays(1), 0, 0)))
        .containsExactly(
            benAtEight, zoeAtNine, annaAtNine, annaAtNineCancelled, annaAtTen, benAtTen);
  }

  @Test
  void deletingExpiredHoldsRemovesOnlyExpiredOnesOfTheOfficeUpToTheLimit() {
    List<Appointment> expired = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Hold hold = hold(ANNA, NINE.plus(Duration.ofMinutes(30L * i)), 30);
      insert(hold, Optional.empty(), NOW);
      expired.add(hold);
    }
    Hold live = hold(OFFICE, BEN, NINE, 30, HOLD_EXPIRY.plus(Duration.ofHours(1)));
    insert(live, Optional.empty(), NOW);
    Hold elsewhere = hold(OTHER_OFFICE, ANNA, NINE, 30, HOLD_EXPIRY);
    insert(elsewhere, Optional.empty(), NOW);
    Booking booking = confirmedBooking(BEN, NINE.plus(Duration.ofHours(2)), "ABCD2345");

    assertThat(store.deleteExpiredHolds(OFFICE, HOLD_EXPIRY, 2)).isEqualTo(2);
    assertThat(store.deleteExpiredHolds(OFFICE, HOLD_EXPIRY, 2)).isEqualTo(1);
    assertThat(store.deleteExpiredHolds(OFFICE, HOLD_EXPIRY, 2)).isZero();

    assertThat(expired).allSatisfy(hold -> assertThat(store.find(hold.id())).isEmpty());
    assertThat(store.find(live.id())).isPresent();
    assertThat(store.find(elsewhere.id())).isPresent();
    assertThat(store.find(booking.id())).isPresent();
  }

  @Test
  void holdGoesToTheFirstCandidateWhoseTimeIsFree() {
    insert(hold(ANNA, NINE, 30), Optional.empty(), NOW);
    Hold template = hold(BEN, NINE.plus(Duration.ofMinutes(10)), 30);

    HoldPlacement placement =
        store.placeHold(claim(template, ImmutableList.of(ANNA, BEN)), Optional.empty(), NOW);

    assertThat(placement.outcome()).isEqualTo(HoldInsertion.INSERTED);
    assertThat(placement.hold()).contains(template);
    assertThat(
            store
                .placeHold(
                    claim(hold(ANNA, NINE, 30), ImmutableList.of(ANNA, BEN)), Optional.empty(), NOW)
                .outcome())
        .isEqualTo(HoldInsertion.TIME_TAKEN);
    assertThat(
            store
                .placeHold(claim(hold(ANNA, NINE, 30), ImmutableList.of()), Optional.empty(), NOW)
                .outcome())
        .as("no candidates")
        .isEqualTo(HoldInsertion.TIME_TAKEN);
  }

  @Test
  void confirmationReturnsTheBookingAndRespectsTheAllowedChannels() {
    Hold phoneHold =
        Appointment.hold(
            newId(OFFICE),
            ANNA,
            NINE,
            NINE.plus(Duration.ofMinutes(30)),
            List.of(new BookedService(BASIC_INCOME.id(), 1)),
            Channel.PHONE,
            HOLD_EXPIRY);
    insert(phoneHold, Optional.empty(), NOW);

    ConfirmResult onlineOnly =
        store.confirm(
            ConfirmClaim.of(
                phoneHold.id(),
                EnumSet.of(Channel.ONLINE),
                reference("ABCD2345"),
                TOKEN_HASH,
                CITIZEN,
                NOW,
                confirmation(phoneHold.id())));
    ConfirmResult anyChannel =
        store.confirm(
            ConfirmClaim.of(
                phoneHold.id(),
                EnumSet.allOf(Channel.class),
                reference("ABCD2345"),
                TOKEN_HASH,
                CITIZEN,
                NOW,
                confirmation(phoneHold.id())));

    assertThat(onlineOnly).isEqualTo(new ConfirmResult(Confirmation.NOT_LIVE, Optional.empty()));
    assertThat(anyChannel.outcome()).isEqualTo(Confirmation.CONFIRMED);
    assertThat(anyChannel.booking()).contains(phoneHold.confirmed(reference("ABCD2345"), CITIZEN));
    assertThat(store.findByReference(reference("ABCD2345"))).isPresent();
  }

  @Test
  void concurrentClaimsOnOneResourceLetExactlyOneWin() throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<HoldInsertion>> attempts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        // Each claim overlaps every other: starts 0..15 minutes after nine, 30 minutes long.
        Hold hold = hold(ANNA, NINE.plus(Duration.ofMinutes(i)), 30);
        attempts.add(() -> insert(hold, Optional.empty(), NOW));
      }
      List<HoldInsertion> results = new ArrayList<>();
      for (Future<HoldInsertion> result : pool.invokeAll(attempts)) {
        results.add(result.get());
      }
      assertThat(results).filteredOn(result -> result == HoldInsertion.INSERTED).hasSize(1);
      assertThat(results)
          .filteredOn(result -> result == HoldInsertion.TIME_TAKEN)
          .hasSize(threads - 1);
      assertThat(store.busyPeriods(OFFICE, NINE, NINE.plus(Duration.ofHours(1)))).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void clientQuotaCountsOnlyTheClientsLiveHoldsAtTheOffice() {
    ClientQuota two = new ClientQuota("client-a", 2);
    assertThat(insertFor(hold(ANNA, NINE, 30), two, NOW)).isEqualTo(HoldInsertion.INSERTED);
    assertThat(insertFor(hold(BEN, NINE, 30), two, NOW)).isEqualTo(HoldInsertion.INSERTED);

    assertThat(insertFor(hold(ANNA, NINE.plus(Duration.ofHours(1)), 30), two, NOW))
        .isEqualTo(HoldInsertion.CLIENT_LIMIT);
    assertThat(
            store.busyPeriods(
                OFFICE, NINE.plus(Duration.ofHours(1)), NINE.plus(Duration.ofHours(2))))
        .as("nothing held")
        .isEmpty();
    assertThat(
            insertFor(
                hold(ANNA, NINE.plus(Duration.ofHours(1)), 30),
                new ClientQuota("client-b", 2),
                NOW))
        .as("another client")
        .isEqualTo(HoldInsertion.INSERTED);
    assertThat(insertFor(hold(ANNA, NINE.plus(Duration.ofHours(2)), 30), two, HOLD_EXPIRY))
        .as("the client's holds expired")
        .isEqualTo(HoldInsertion.INSERTED);
  }

  @Test
  void confirmedHoldsNoLongerCountAgainstTheClientQuota() {
    ClientQuota one = new ClientQuota("client-a", 1);
    Hold first = hold(ANNA, NINE, 30);
    assertThat(insertFor(first, one, NOW)).isEqualTo(HoldInsertion.INSERTED);
    assertThat(
            confirm(
                first.id(), reference("ABCD2345"), Optional.empty(), NOW, confirmation(first.id())))
        .isEqualTo(Confirmation.CONFIRMED);

    assertThat(insertFor(hold(BEN, NINE, 30), one, NOW)).isEqualTo(HoldInsertion.INSERTED);
  }

  @Test
  void identityQuotaRefusesTheBookingThatWouldExceedItWithinTheWindow() {
    IdentityQuota onePerWeek = identityQuota(ImmutableSet.of("key-erika"), NINE);
    Hold first = hold(ANNA, NINE, 30);
    Hold second = hold(BEN, NINE, 30);
    Hold muchLater = hold(ANNA, NINE.plus(Duration.ofDays(30)), 30);
    insert(first, Optional.empty(), NOW);
    insert(second, Optional.empty(), NOW);
    insert(muchLater, Optional.empty(), NOW);

    assertThat(confirmWithQuota(first, "ABCD2345", onePerWeek)).isEqualTo(Confirmation.CONFIRMED);
    assertThat(
            confirmWithQuota(
                second, "ABCD2346", identityQuota(ImmutableSet.of("key-other", "key-erika"), NINE)))
        .as("shares a key")
        .isEqualTo(Confirmation.IDENTITY_LIMIT);
    assertThat(store.find(second.id()).orElseThrow().status())
        .as("still a hold")
        .isEqualTo(AppointmentStatus.HELD);
    assertThat(
            confirmWithQuota(
                muchLater,
                "ABCD2347",
                identityQuota(ImmutableSet.of("key-erika"), muchLater.start())))
        .as("outside the window")
        .isEqualTo(Confirmation.CONFIRMED);
    assertThat(
            confirmWithQuota(second, "ABCD2348", identityQuota(ImmutableSet.of("key-max"), NINE)))
        .as("another person")
        .isEqualTo(Confirmation.CONFIRMED);
  }

  @Test
  void cancelledBookingsNoLongerCountAgainstTheIdentityQuota() {
    Hold first = hold(ANNA, NINE, 30);
    insert(first, Optional.empty(), NOW);
    assertThat(
            confirmWithQuota(first, "ABCD2345", identityQuota(ImmutableSet.of("key-erika"), NINE)))
        .isEqualTo(Confirmation.CONFIRMED);
    store.changeStatus(
        first.id(),
        AppointmentStatus.CONFIRMED,
        new BookingEvent(
            first.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CANCELLED,
            ""));

    Hold again = hold(BEN, NINE, 30);
    insert(again, Optional.empty(), NOW);
    assertThat(
            confirmWithQuota(again, "ABCD2346", identityQuota(ImmutableSet.of("key-erika"), NINE)))
        .isEqualTo(Confirmation.CONFIRMED);
  }

  @Test
  void activeBookingsCountsWhatAnIdentityQuotaCounts() {
    Hold first = hold(ANNA, NINE, 30);
    Hold cancelled = hold(BEN, NINE, 30);
    insert(first, Optional.empty(), NOW);
    insert(cancelled, Optional.empty(), NOW);
    assertThat(
            confirmWithQuota(
                cancelled, "ABCD2346", identityQuota(ImmutableSet.of("key-erika"), NINE)))
        .isEqualTo(Confirmation.CONFIRMED);
    cancel(cancelled.confirmed(reference("ABCD2346"), CITIZEN), NOW.plusSeconds(1));
    assertThat(
            confirmWithQuota(first, "ABCD2345", identityQuota(ImmutableSet.of("key-erika"), NINE)))
        .isEqualTo(Confirmation.CONFIRMED);
    ImmutableSet<ServiceId> basicIncome = ImmutableSet.of(BASIC_INCOME.id());
    Instant dayAfter = NINE.plus(Duration.ofDays(1));

    assertThat(
            store.activeBookings(
                OFFICE, ImmutableSet.of("key-erika", "key-x"), basicIncome, NINE, dayAfter))
        .isEqualTo(1);
    assertThat(
            store.activeBookings(OFFICE, ImmutableSet.of("key-max"), basicIncome, NINE, dayAfter))
        .as("another person")
        .isZero();
    assertThat(
            store.activeBookings(
                OFFICE,
                ImmutableSet.of("key-erika"),
                ImmutableSet.of(ContractFixtures.HOUSING.id()),
                NINE,
                dayAfter))
        .as("another service")
        .isZero();
    assertThat(
            store.activeBookings(
                OFFICE, ImmutableSet.of("key-erika"), basicIncome, NINE.plusSeconds(60), dayAfter))
        .as("starts before the window")
        .isZero();
    assertThat(
            store.activeBookings(
                OTHER_OFFICE, ImmutableSet.of("key-erika"), basicIncome, NINE, dayAfter))
        .isZero();
  }

  @Test
  void concurrentConfirmationsOfOneIdentityAdmitOnlyTheQuota() throws Exception {
    int holds = 8;
    List<Hold> held = new ArrayList<>();
    for (int i = 0; i < holds; i++) {
      Hold hold = hold(i % 2 == 0 ? ANNA : BEN, NINE.plus(Duration.ofMinutes(30L * (i / 2))), 30);
      assertThat(insert(hold, Optional.empty(), NOW)).isEqualTo(HoldInsertion.INSERTED);
      held.add(hold);
    }
    ExecutorService pool = Executors.newFixedThreadPool(holds);
    try {
      List<Future<Confirmation>> results = new ArrayList<>();
      for (int i = 0; i < holds; i++) {
        Hold hold = held.get(i);
        String reference = "QUEUE" + (char) ('A' + i) + "23";
        results.add(
            pool.submit(
                () ->
                    confirmWithQuota(
                        hold, reference, identityQuota(ImmutableSet.of("key-bot"), NINE))));
      }
      int confirmed = 0;
      for (Future<Confirmation> result : results) {
        confirmed += result.get() == Confirmation.CONFIRMED ? 1 : 0;
      }
      assertThat(confirmed).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rescheduleLimitCountsEveryMove() {
    Booking booking = confirmedBooking(ANNA, NINE, "ABCD2345");
    BookingEvent moved =
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CONFIRMED,
            "");
    Hold first = hold(BEN, NINE.plus(Duration.ofHours(1)), 30);
    Hold second = hold(ANNA, NINE.plus(Duration.ofHours(2)), 30);
    insert(first, Optional.empty(), NOW);
    insert(second, Optional.empty(), NOW);

    assertThat(store.reschedule(booking.id(), first.id(), NOW, moved, OptionalInt.of(1)))
        .isEqualTo(Rescheduling.MOVED);
    assertThat(store.reschedule(booking.id(), second.id(), NOW, moved, OptionalInt.of(1)))
        .isEqualTo(Rescheduling.LIMIT_REACHED);
    assertThat(store.find(booking.id()).orElseThrow().start()).isEqualTo(first.start());
    assertThat(store.find(second.id())).as("the hold stays").isPresent();
    assertThat(store.reschedule(booking.id(), second.id(), NOW, moved, OptionalInt.of(2)))
        .isEqualTo(Rescheduling.MOVED);
    assertThat(store.reschedule(booking.id(), newId(OFFICE), NOW, moved, OptionalInt.of(5)))
        .isEqualTo(Rescheduling.NOT_LIVE);
  }

  @Test
  void cancellationsAreThoseOfTheOfficeSinceTheInstantThatOverlapTheRange() {
    Booking early = confirmedBooking(ANNA, NINE, "ABCD2345");
    Booking late = confirmedBooking(BEN, NINE.plus(Duration.ofHours(2)), "ABCD2346");
    Booking kept = confirmedBooking(ANNA, NINE.plus(Duration.ofHours(1)), "ABCD2347");
    Instant firstCancel = NOW.plusSeconds(60);
    Instant secondCancel = NOW.plusSeconds(120);
    cancel(early, firstCancel);
    cancel(late, secondCancel);

    assertThat(store.cancellations(OFFICE, NINE, NINE.plus(Duration.ofHours(3)), NOW))
        .containsExactlyInAnyOrder(
            new Cancellation(early.id(), ANNA, early.start(), early.end(), firstCancel),
            new Cancellation(late.id(), BEN, late.start(), late.end(), secondCancel));
    assertThat(store.cancellations(OFFICE, NINE, NINE.plus(Duration.ofHours(3)), secondCancel))
        .extracting(Cancellation::id)
        .containsExactly(late.id());
    assertThat(store.cancellations(OFFICE, NINE, NINE.plus(Duration.ofMinutes(30)), NOW))
        .extracting(Cancellation::id)
        .containsExactly(early.id());
    assertThat(store.cancellations(OTHER_OFFICE, NINE, NINE.plus(Duration.ofHours(3)), NOW))
        .isEmpty();
    assertThat(kept.status()).isEqualTo(AppointmentStatus.CONFIRMED);
  }

  private void cancel(Appointment booking, Instant at) {
    assertThat(
            store.changeStatus(
                booking.id(),
                AppointmentStatus.CONFIRMED,
                new BookingEvent(
                    booking.id(),
                    at,
                    Actor.CITIZEN,
                    AppointmentStatus.CONFIRMED,
                    AppointmentStatus.CANCELLED,
                    "")))
        .isTrue();
  }

  private HoldInsertion insertFor(Hold hold, ClientQuota quota, Instant now) {
    HoldClaim claim =
        new HoldClaim(
            hold.id(),
            ImmutableList.of(hold.resource()),
            hold.start(),
            hold.end(),
            hold.services(),
            hold.channel(),
            hold.expiresAt(),
            Optional.of(quota));
    return store.placeHold(claim, Optional.empty(), now).outcome();
  }

  /** One booking per identity within a week either side of {@code start}. */
  private static IdentityQuota identityQuota(ImmutableSet<String> keys, Instant start) {
    return new IdentityQuota(
        keys, 1, start.minus(Duration.ofDays(7)), start.plus(Duration.ofDays(7)));
  }

  private Confirmation confirmWithQuota(Hold hold, String reference, IdentityQuota quota) {
    return store
        .confirm(
            ConfirmClaim.of(
                    hold.id(),
                    EnumSet.allOf(Channel.class),
                    reference(reference),
                    TOKEN_HASH,
                    CITIZEN,
                    NOW,
                    confirmation(hold.id()))
                .withIdentityQuota(Optional.of(quota)))
        .outcome();
  }
}
