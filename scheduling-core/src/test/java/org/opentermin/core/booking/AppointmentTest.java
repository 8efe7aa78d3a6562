package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.opentermin.core.booking.BookingFixtures.DESK_1;
import static org.opentermin.core.booking.BookingFixtures.DESK_2;
import static org.opentermin.core.booking.BookingFixtures.END;
import static org.opentermin.core.booking.BookingFixtures.ERIKA;
import static org.opentermin.core.booking.BookingFixtures.HOLD_EXPIRES;
import static org.opentermin.core.booking.BookingFixtures.ID_CARD;
import static org.opentermin.core.booking.BookingFixtures.MITTE;
import static org.opentermin.core.booking.BookingFixtures.PASSPORT;
import static org.opentermin.core.booking.BookingFixtures.REFERENCE;
import static org.opentermin.core.booking.BookingFixtures.START;
import static org.opentermin.core.booking.BookingFixtures.appointmentId;
import static org.opentermin.core.booking.BookingFixtures.berlin;
import static org.opentermin.core.booking.BookingFixtures.booking;
import static org.opentermin.core.booking.BookingFixtures.hold;
import static org.opentermin.core.booking.BookingFixtures.holdAt;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;

class AppointmentTest {

  private static final Instant ERASED_AT = END.plusSeconds(30 * 86_400);
  private static final VideoLink LINK = VideoLink.of("https://meet.example.org/raum-7q2x");

  private static Booking bookingOf(
      AppointmentStatus status, BookingReference reference, Citizen citizen) {
    return new Booking(
        appointmentId(MITTE, 1),
        DESK_1,
        START,
        END,
        ImmutableList.of(PASSPORT),
        Channel.ONLINE,
        status,
        AppointmentMode.IN_PERSON,
        reference,
        citizen,
        Optional.empty());
  }

  private static ErasedBooking erasedBooking(AppointmentStatus status) {
    return new ErasedBooking(
        appointmentId(MITTE, 1),
        DESK_1,
        START,
        END,
        ImmutableList.of(PASSPORT),
        Channel.ONLINE,
        status,
        AppointmentMode.IN_PERSON,
        ERASED_AT);
  }

  @Nested
  class Invariants {

    @Test
    void newHoldIsHeldUntilItsExpiry() {
      Hold hold = hold(HOLD_EXPIRES);

      assertThat(hold.status()).isEqualTo(AppointmentStatus.HELD);
      assertThat(hold.expiresAt()).isEqualTo(HOLD_EXPIRES);
      assertThat(hold.isErased()).isFalse();
    }

    @Test
    void holdWithoutExpiryIsRejected() {
      assertThatNullPointerException()
          .isThrownBy(
              () ->
                  new Hold(
                      appointmentId(MITTE, 1),
                      DESK_1,
                      START,
                      END,
                      ImmutableList.of(PASSPORT),
                      Channel.ONLINE,
                      AppointmentMode.IN_PERSON,
                      null))
          .withMessage("expiresAt");
    }

    @Test
    void bookingWithoutAReferenceCannotBeBuilt() {
      assertThatNullPointerException()
          .isThrownBy(() -> bookingOf(AppointmentStatus.CHECKED_IN, null, ERIKA))
          .withMessage("reference");
    }

    @Test
    void bookingWithoutACitizenCannotBeBuilt() {
      assertThatNullPointerException()
          .isThrownBy(() -> bookingOf(AppointmentStatus.CANCELLED, REFERENCE, null))
          .withMessage("citizen");
    }

    @Test
    void bookingThatIsHeldIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> bookingOf(AppointmentStatus.HELD, REFERENCE, ERIKA))
          .withMessageContaining("HELD");
    }

    @Test
    void bookingWithReferenceAndCitizenIsAccepted() {
      Booking booking = bookingOf(AppointmentStatus.COMPLETED, REFERENCE, ERIKA);

      assertThat(booking.status()).isEqualTo(AppointmentStatus.COMPLETED);
      assertThat(booking.reference()).isEqualTo(REFERENCE);
      assertThat(booking.citizen()).isEqualTo(ERIKA);
      assertThat(booking.isErased()).isFalse();
    }

    @Test
    void inPersonBookingWithAVideoLinkIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  new Booking(
                      appointmentId(MITTE, 1),
                      DESK_1,
                      START,
                      END,
                      ImmutableList.of(PASSPORT),
                      Channel.ONLINE,
                      AppointmentStatus.CONFIRMED,
                      AppointmentMode.IN_PERSON,
                      REFERENCE,
                      ERIKA,
                      Optional.of(LINK)))
          .withMessageContaining("video link");
    }

    @Test
    void erasedBookingHoldsNoPersonalDataByConstruction() {
      assertThat(ErasedBooking.class.getRecordComponents())
          .extracting(component -> component.getName())
          .doesNotContain("reference", "citizen", "videoLink", "expiresAt");
      assertThat(Booking.class.getRecordComponents())
          .extracting(component -> component.getName())
          .doesNotContain("expiresAt", "erasedAt");
    }

    @Test
    void erasedHoldCannotBeBuilt() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> erasedBooking(AppointmentStatus.HELD))
          .withMessageContaining("hold");
    }

    @Test
    void erasedBookingWithoutItsErasureInstantCannotBeBuilt() {
      assertThatNullPointerException()
          .isThrownBy(
              () ->
                  new ErasedBooking(
                      appointmentId(MITTE, 1),
                      DESK_1,
                      START,
                      END,
                      ImmutableList.of(PASSPORT),
                      Channel.ONLINE,
                      AppointmentStatus.COMPLETED,
                      AppointmentMode.IN_PERSON,
                      null))
          .withMessage("erasedAt");
    }

    @Test
    void everyStateChecksItsTime() {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  new Booking(
                      appointmentId(MITTE, 1),
                      DESK_1,
                      END,
                      START,
                      ImmutableList.of(PASSPORT),
                      Channel.ONLINE,
                      AppointmentStatus.CONFIRMED,
                      AppointmentMode.IN_PERSON,
                      REFERENCE,
                      ERIKA,
                      Optional.empty()));
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  new ErasedBooking(
                      appointmentId(MITTE, 1),
                      DESK_1,
                      START,
                      START,
                      ImmutableList.of(PASSPORT),
                      Channel.ONLINE,
                      AppointmentStatus.COMPLETED,
                      AppointmentMode.IN_PERSON,
                      ERASED_AT));
    }

    @Test
    void appointmentThatEndsWhenItStartsIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  Appointment.hold(
                      appointmentId(MITTE, 1),
                      DESK_1,
                      START,
                      START,
                      List.of(PASSPORT),
                      Channel.ONLINE,
                      HOLD_EXPIRES));
    }

    @Test
    void appointmentThatEndsBeforeItStartsIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  Appointment.hold(
                      appointmentId(MITTE, 1),
                      DESK_1,
                      END,
                      START,
                      List.of(PASSPORT),
                      Channel.ONLINE,
                      HOLD_EXPIRES));
    }

    @Test
    void appointmentWithoutServicesIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  Appointment.hold(
                      appointmentId(MITTE, 1),
                      DESK_1,
                      START,
                      END,
                      List.of(),
                      Channel.ONLINE,
                      HOLD_EXPIRES))
          .withMessageContaining("service");
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  new ErasedBooking(
                      appointmentId(MITTE, 1),
                      DESK_1,
                      START,
                      END,
                      ImmutableList.of(),
                      Channel.ONLINE,
                      AppointmentStatus.COMPLETED,
                      AppointmentMode.IN_PERSON,
                      ERASED_AT))
          .withMessageContaining("service");
    }

    @Test
    void appointmentWithoutAnIdIsRejected() {
      assertThatNullPointerException()
          .isThrownBy(
              () ->
                  Appointment.hold(
                      null, DESK_1, START, END, List.of(PASSPORT), Channel.ONLINE, HOLD_EXPIRES))
          .withMessage("id");
    }

    @Test
    void laterChangesToTheCallersServiceListDoNotReachTheHold() {
      List<BookedService> services = new ArrayList<>(List.of(PASSPORT));
      Appointment hold =
          Appointment.hold(
              appointmentId(MITTE, 1), DESK_1, START, END, services, Channel.ONLINE, HOLD_EXPIRES);

      services.add(ID_CARD);

      assertThat(hold.services()).containsExactly(PASSPORT);
    }

    @Test
    void officeIsTheOfficeNamedByTheId() {
      assertThat(hold(HOLD_EXPIRES).office()).isEqualTo(MITTE);
    }

    @Test
    void textOfABookingDoesNotShowTheCitizensData() {
      String text = booking(AppointmentStatus.CONFIRMED).toString();

      assertThat(text)
          .contains(REFERENCE.value())
          .doesNotContain("Erika", "erika@example.org", "9015 2763");
    }
  }

  @Nested
  class Confirmed {

    @Test
    void confirmedHoldBecomesABookingWithReferenceAndCitizen() {
      Hold hold = hold(HOLD_EXPIRES);

      Booking booking = hold.confirmed(REFERENCE, ERIKA);

      assertThat(booking.status()).isEqualTo(AppointmentStatus.CONFIRMED);
      assertThat(booking.reference()).isEqualTo(REFERENCE);
      assertThat(booking.citizen()).isEqualTo(ERIKA);
      assertThat(booking.videoLink()).isEmpty();
    }

    @Test
    void confirmationKeepsIdTimeResourceServicesAndChannel() {
      Hold hold = hold(HOLD_EXPIRES);

      Booking booking = hold.confirmed(REFERENCE, ERIKA);

      assertThat(booking.id()).isEqualTo(hold.id());
      assertThat(booking.resource()).isEqualTo(DESK_1);
      assertThat(booking.start()).isEqualTo(START);
      assertThat(booking.end()).isEqualTo(END);
      assertThat(booking.services()).containsExactly(PASSPORT);
      assertThat(booking.channel()).isEqualTo(Channel.ONLINE);
    }
  }

  @Nested
  class WithStatus {

    @Test
    void checkedInBookingKeepsEverythingButTheStatus() {
      Booking confirmed = booking(AppointmentStatus.CONFIRMED);

      Booking checkedIn = confirmed.withStatus(AppointmentStatus.CHECKED_IN);

      assertThat(checkedIn)
          .isEqualTo(bookingOf(AppointmentStatus.CHECKED_IN, REFERENCE, ERIKA))
          .isNotEqualTo(confirmed);
    }

    @Test
    void bookingCannotTurnBackIntoAHold() {
      Booking booking = booking(AppointmentStatus.CONFIRMED);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> booking.withStatus(AppointmentStatus.HELD));
    }

    @Test
    void erasedBookingCannotTurnBackIntoAHold() {
      ErasedBooking erased = erasedBooking(AppointmentStatus.CONFIRMED);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> erased.withStatus(AppointmentStatus.HELD));
    }
  }

  @Nested
  class MovedTo {

    private final Instant nextMonday = berlin(2025, 6, 16, 14, 0);

    @Test
    void movedBookingTakesTimeResourceAndServicesOfTheHold() {
      Hold newHold = holdAt(MITTE, nextMonday, HOLD_EXPIRES);

      Booking moved = booking(AppointmentStatus.CONFIRMED).movedTo(newHold);

      assertThat(moved.resource()).isEqualTo(DESK_2);
      assertThat(moved.start()).isEqualTo(nextMonday);
      assertThat(moved.end()).isEqualTo(newHold.end());
      assertThat(moved.services()).containsExactly(ID_CARD);
    }

    @Test
    void movedBookingKeepsItsIdChannelStatusReferenceAndCitizen() {
      Booking booking = booking(AppointmentStatus.CONFIRMED);
      Hold newHold = holdAt(MITTE, nextMonday, HOLD_EXPIRES);

      Booking moved = booking.movedTo(newHold);

      assertThat(moved.id()).isEqualTo(booking.id()).isNotEqualTo(newHold.id());
      assertThat(moved.channel()).isEqualTo(Channel.ONLINE);
      assertThat(moved.status()).isEqualTo(AppointmentStatus.CONFIRMED);
      assertThat(moved.reference()).isEqualTo(REFERENCE);
      assertThat(moved.citizen()).isEqualTo(ERIKA);
    }
  }

  @Nested
  class IsLiveHoldAt {

    @Test
    void holdIsLiveBeforeItsExpiry() {
      assertThat(hold(HOLD_EXPIRES).isLiveHoldAt(HOLD_EXPIRES.minusSeconds(300))).isTrue();
    }

    @Test
    void holdIsLiveOneNanosecondBeforeItsExpiry() {
      assertThat(hold(HOLD_EXPIRES).isLiveHoldAt(HOLD_EXPIRES.minusNanos(1))).isTrue();
    }

    @Test
    void holdNoLongerCountsAtExactlyItsExpiry() {
      assertThat(hold(HOLD_EXPIRES).isLiveHoldAt(HOLD_EXPIRES)).isFalse();
    }

    @Test
    void holdNoLongerCountsAfterItsExpiry() {
      assertThat(hold(HOLD_EXPIRES).isLiveHoldAt(HOLD_EXPIRES.plusNanos(1))).isFalse();
    }

    @Test
    void bookingIsNeverALiveHold() {
      assertThat(booking(AppointmentStatus.CONFIRMED).isLiveHoldAt(HOLD_EXPIRES.minusSeconds(300)))
          .isFalse();
      assertThat(
              erasedBooking(AppointmentStatus.CONFIRMED)
                  .isLiveHoldAt(HOLD_EXPIRES.minusSeconds(300)))
          .isFalse();
    }
  }

  @Nested
  class Erased {

    @Test
    void erasedBookingKeepsTheStatisticsButNeitherReferenceNorCitizen() {
      Booking completed = booking(AppointmentStatus.COMPLETED);

      ErasedBooking erased = completed.erased(ERASED_AT);

      assertThat(erased.isErased()).isTrue();
      assertThat(erased.erasedAt()).isEqualTo(ERASED_AT);
      assertThat(erased.toString()).doesNotContain(REFERENCE.value());
      assertThat(erased)
          .extracting(
              Appointment::id,
              Appointment::office,
              Appointment::resource,
              Appointment::start,
              Appointment::end,
              Appointment::services,
              Appointment::channel,
              Appointment::status)
          .containsExactly(
              completed.id(),
              MITTE,
              DESK_1,
              START,
              END,
              ImmutableList.of(PASSPORT),
              Channel.ONLINE,
              AppointmentStatus.COMPLETED);
    }

    @Test
    void erasedBookingStaysErasedWhenItsStatusChanges() {
      ErasedBooking erased = booking(AppointmentStatus.CONFIRMED).erased(ERASED_AT);

      ErasedBooking cancelled = erased.withStatus(AppointmentStatus.CANCELLED);

      assertThat(cancelled.erasedAt()).isEqualTo(ERASED_AT);
      assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void erasingAVideoBookingKeepsItsModeButDropsItsLink() {
      Booking video =
          Appointment.hold(
                  appointmentId(MITTE, 3),
                  DESK_1,
                  START,
                  END,
                  List.of(PASSPORT),
                  Channel.ONLINE,
                  HOLD_EXPIRES,
                  AppointmentMode.VIDEO)
              .confirmed(REFERENCE, ERIKA, Optional.of(LINK));

      ErasedBooking erased = video.erased(ERASED_AT);

      assertThat(erased.mode()).isEqualTo(AppointmentMode.VIDEO);
      assertThat(erased.status()).isEqualTo(AppointmentStatus.CONFIRMED);
      assertThat(erased.toString()).doesNotContain("raum-7q2x");
    }

    @Test
    void erasedVideoBookingNeedsNoLinkThatItWouldOtherwiseAlwaysHave() {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  new Booking(
                      appointmentId(MITTE, 3),
                      DESK_1,
                      START,
                      END,
                      ImmutableList.of(PASSPORT),
                      Channel.ONLINE,
                      AppointmentStatus.CONFIRMED,
                      AppointmentMode.VIDEO,
                      REFERENCE,
                      ERIKA,
                      Optional.empty()))
          .withMessageContaining("video link");

      ErasedBooking erased =
          new ErasedBooking(
              appointmentId(MITTE, 3),
              DESK_1,
              START,
              END,
              ImmutableList.of(PASSPORT),
              Channel.ONLINE,
              AppointmentStatus.CONFIRMED,
              AppointmentMode.VIDEO,
              ERASED_AT);

      assertThat(erased.isErased()).isTrue();
    }

    @Test
    void erasureNeedsAnInstant() {
      assertThatNullPointerException()
          .isThrownBy(() -> booking(AppointmentStatus.CONFIRMED).erased(null))
          .withMessage("erasedAt");
    }
  }

  @Nested
  class States {

    @Test
    void eachStateCarriesOnlyItsOwnData() {
      List<Appointment> appointments =
          List.of(
              hold(HOLD_EXPIRES),
              booking(AppointmentStatus.CONFIRMED),
              erasedBooking(AppointmentStatus.COMPLETED));

      List<String> kinds = appointments.stream().map(AppointmentTest::describe).toList();

      assertThat(kinds)
          .containsExactly(
              "hold until " + HOLD_EXPIRES,
              "booking " + REFERENCE.value(),
              "erased at " + ERASED_AT);
    }
  }

  private static String describe(Appointment appointment) {
    if (appointment instanceof Hold hold) {
      return "hold until " + hold.expiresAt();
    } else if (appointment instanceof Booking booking) {
      return "booking " + booking.reference().value();
    } else {
      return "erased at " + ((ErasedBooking) appointment).erasedAt();
    }
  }
}
