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

  private static Appointment appointment(
      AppointmentStatus status, Optional<Instant> expiresAt, Optional<BookingReference> reference, Optional<Citizen> citizen) {
    return new Appointment(
        appointmentId(MITTE, 1), DESK_1, START, END, ImmutableList.of(PASSPORT), Channel.ONLINE, status, expiresAt, reference, citizen);
  }

  @Nested
  class Invariants {

    @Test
    void newHoldHasAnExpiryButNoReferenceOrCitizen() {
      Appointment hold = hold(HOLD_EXPIRES);

      assertThat(hold.status()).isEqualTo(AppointmentStatus.HELD);
      assertThat(hold.expiresAt()).contains(HOLD_EXPIRES);
      assertThat(hold.reference()).isEmpty();
      assertThat(hold.citizen()).isEmpty();
    }

    @Test
    void holdWithoutExpiryIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> appointment(AppointmentStatus.HELD, Optional.empty(), Optional.empty(), Optional.empty()))
          .withMessageContaining("expiry");
    }

    @Test
    void holdWithAReferenceIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> appointment(AppointmentStatus.HELD, Optional.of(HOLD_EXPIRES), Optional.of(REFERENCE), Optional.empty()))
          .withMessageContaining("reference");
    }

    @Test
    void holdWithACitizenIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> appointment(AppointmentStatus.HELD, Optional.of(HOLD_EXPIRES), Optional.empty(), Optional.of(ERIKA)))
          .withMessageContaining("citizen");
    }

    @Test
    void bookingWithAnExpiryIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> appointment(AppointmentStatus.CONFIRMED, Optional.of(HOLD_EXPIRES), Optional.of(REFERENCE), Optional.of(ERIKA)))
          .withMessageContaining("expiry");
    }

    @Test
    void bookingWithoutAReferenceIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> appointment(AppointmentStatus.CHECKED_IN, Optional.empty(), Optional.empty(), Optional.of(ERIKA)))
          .withMessageContaining("reference");
    }

    @Test
    void bookingWithoutACitizenIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> appointment(AppointmentStatus.CANCELLED, Optional.empty(), Optional.of(REFERENCE), Optional.empty()))
          .withMessageContaining("citizen");
    }

    @Test
    void bookingWithReferenceAndCitizenAndNoExpiryIsAccepted() {
      Appointment booking = appointment(AppointmentStatus.COMPLETED, Optional.empty(), Optional.of(REFERENCE), Optional.of(ERIKA));

      assertThat(booking.status()).isEqualTo(AppointmentStatus.COMPLETED);
    }

    @Test
    void appointmentThatEndsWhenItStartsIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Appointment.hold(appointmentId(MITTE, 1), DESK_1, START, START, List.of(PASSPORT), Channel.ONLINE, HOLD_EXPIRES));
    }

    @Test
    void appointmentThatEndsBeforeItStartsIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Appointment.hold(appointmentId(MITTE, 1), DESK_1, END, START, List.of(PASSPORT), Channel.ONLINE, HOLD_EXPIRES));
    }

    @Test
    void appointmentWithoutServicesIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Appointment.hold(appointmentId(MITTE, 1), DESK_1, START, END, List.of(), Channel.ONLINE, HOLD_EXPIRES))
          .withMessageContaining("service");
    }

    @Test
    void appointmentWithoutAnIdIsRejected() {
      assertThatNullPointerException()
          .isThrownBy(() -> Appointment.hold(null, DESK_1, START, END, List.of(PASSPORT), Channel.ONLINE, HOLD_EXPIRES))
          .withMessage("id");
    }

    @Test
    void laterChangesToTheCallersServiceListDoNotReachTheHold() {
      List<BookedService> services = new ArrayList<>(List.of(PASSPORT));
      Appointment hold = Appointment.hold(appointmentId(MITTE, 1), DESK_1, START, END, services, Channel.ONLINE, HOLD_EXPIRES);

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

      assertThat(text).contains(REFERENCE.value()).doesNotContain("Erika", "erika@example.org", "9015 2763");
    }
  }

  @Nested
  class Confirmed {

    @Test
    void confirmedHoldBecomesABookingWithReferenceAndCitizenAndNoExpiry() {
      Appointment hold = hold(HOLD_EXPIRES);

      Appointment booking = hold.confirmed(REFERENCE, ERIKA);

      assertThat(booking.status()).isEqualTo(AppointmentStatus.CONFIRMED);
      assertThat(booking.expiresAt()).isEmpty();
      assertThat(booking.reference()).contains(REFERENCE);
      assertThat(booking.citizen()).contains(ERIKA);
    }

    @Test
    void confirmationKeepsIdTimeResourceServicesAndChannel() {
      Appointment hold = hold(HOLD_EXPIRES);

      Appointment booking = hold.confirmed(REFERENCE, ERIKA);

      assertThat(booking.id()).isEqualTo(hold.id());
      assertThat(booking.resource()).isEqualTo(DESK_1);
      assertThat(booking.start()).isEqualTo(START);
      assertThat(booking.end()).isEqualTo(END);
      assertThat(booking.services()).containsExactly(PASSPORT);
      assertThat(booking.channel()).isEqualTo(Channel.ONLINE);
    }

    @Test
    void bookingCannotBeConfirmedAgain() {
      Appointment booking = booking(AppointmentStatus.CONFIRMED);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> booking.confirmed(REFERENCE, ERIKA))
          .withMessageContaining("CONFIRMED");
    }
  }

  @Nested
  class WithStatus {

    @Test
    void checkedInBookingKeepsEverythingButTheStatus() {
      Appointment confirmed = booking(AppointmentStatus.CONFIRMED);

      Appointment checkedIn = confirmed.withStatus(AppointmentStatus.CHECKED_IN);

      assertThat(checkedIn)
          .isEqualTo(appointment(AppointmentStatus.CHECKED_IN, Optional.empty(), Optional.of(REFERENCE), Optional.of(ERIKA)))
          .isNotEqualTo(confirmed);
    }

    @Test
    void holdCannotChangeStatusOtherThanByConfirmation() {
      Appointment hold = hold(HOLD_EXPIRES);

      assertThatIllegalArgumentException().isThrownBy(() -> hold.withStatus(AppointmentStatus.CONFIRMED));
    }

    @Test
    void bookingCannotTurnBackIntoAHold() {
      Appointment booking = booking(AppointmentStatus.CONFIRMED);

      assertThatIllegalArgumentException().isThrownBy(() -> booking.withStatus(AppointmentStatus.HELD));
    }
  }

  @Nested
  class MovedTo {

    private final Instant nextMonday = berlin(2025, 6, 16, 14, 0);

    @Test
    void movedBookingTakesTimeResourceAndServicesOfTheHold() {
      Appointment newHold = holdAt(MITTE, nextMonday, HOLD_EXPIRES);

      Appointment moved = booking(AppointmentStatus.CONFIRMED).movedTo(newHold);

      assertThat(moved.resource()).isEqualTo(DESK_2);
      assertThat(moved.start()).isEqualTo(nextMonday);
      assertThat(moved.end()).isEqualTo(newHold.end());
      assertThat(moved.services()).containsExactly(ID_CARD);
    }

    @Test
    void movedBookingKeepsItsIdChannelStatusReferenceAndCitizen() {
      Appointment booking = booking(AppointmentStatus.CONFIRMED);
      Appointment newHold = holdAt(MITTE, nextMonday, HOLD_EXPIRES);

      Appointment moved = booking.movedTo(newHold);

      assertThat(moved.id()).isEqualTo(booking.id()).isNotEqualTo(newHold.id());
      assertThat(moved.channel()).isEqualTo(Channel.ONLINE);
      assertThat(moved.status()).isEqualTo(AppointmentStatus.CONFIRMED);
      assertThat(moved.expiresAt()).isEmpty();
      assertThat(moved.reference()).contains(REFERENCE);
      assertThat(moved.citizen()).contains(ERIKA);
    }

    @Test
    void holdCannotBeMoved() {
      Appointment hold = hold(HOLD_EXPIRES);
      Appointment newHold = holdAt(MITTE, nextMonday, HOLD_EXPIRES);

      assertThatIllegalArgumentException().isThrownBy(() -> hold.movedTo(newHold));
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
      assertThat(booking(AppointmentStatus.CONFIRMED).isLiveHoldAt(HOLD_EXPIRES.minusSeconds(300))).isFalse();
    }
  }

  @Nested
  class Erased {

    private final Instant erasedAt = END.plusSeconds(30 * 86_400);

    @Test
    void erasedBookingKeepsTheStatisticsButNeitherReferenceNorCitizen() {
      Appointment completed = booking(AppointmentStatus.COMPLETED);

      Appointment erased = completed.erased(erasedAt);

      assertThat(erased.isErased()).isTrue();
      assertThat(erased.erasedAt()).contains(erasedAt);
      assertThat(erased.reference()).isEmpty();
      assertThat(erased.citizen()).isEmpty();
      assertThat(erased)
          .extracting(Appointment::id, Appointment::office, Appointment::resource, Appointment::start, Appointment::end,
              Appointment::services, Appointment::channel, Appointment::status)
          .containsExactly(completed.id(), MITTE, DESK_1, START, END, ImmutableList.of(PASSPORT), Channel.ONLINE,
              AppointmentStatus.COMPLETED);
    }

    @Test
    void erasedBookingStaysErasedWhenItsStatusChanges() {
      Appointment erased = booking(AppointmentStatus.CONFIRMED).erased(erasedAt);

      assertThat(erased.withStatus(AppointmentStatus.CANCELLED).erasedAt()).contains(erasedAt);
    }

    @Test
    void notErasedBookingsAndHoldsHaveNoErasureInstant() {
      assertThat(booking(AppointmentStatus.CONFIRMED).isErased()).isFalse();
      assertThat(hold(HOLD_EXPIRES).erasedAt()).isEmpty();
    }

    @Test
    void erasedBookingThatStillHasAReferenceOrACitizenIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Appointment(appointmentId(MITTE, 1), DESK_1, START, END, ImmutableList.of(PASSPORT), Channel.ONLINE,
              AppointmentStatus.COMPLETED, Optional.empty(), Optional.of(REFERENCE), Optional.empty(), AppointmentMode.IN_PERSON, Optional.empty(), Optional.of(erasedAt)))
          .withMessageContaining("reference");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Appointment(appointmentId(MITTE, 1), DESK_1, START, END, ImmutableList.of(PASSPORT), Channel.ONLINE,
              AppointmentStatus.COMPLETED, Optional.empty(), Optional.empty(), Optional.of(ERIKA), AppointmentMode.IN_PERSON, Optional.empty(), Optional.of(erasedAt)))
          .withMessageContaining("citizen");
    }

    @Test
    void erasingAVideoBookingDropsItsLinkThatItWouldOtherwiseAlwaysHave() {
      Appointment video = Appointment.hold(appointmentId(MITTE, 3), DESK_1, START, END, List.of(PASSPORT), Channel.ONLINE,
              HOLD_EXPIRES, AppointmentMode.VIDEO)
          .confirmed(REFERENCE, ERIKA, Optional.of(VideoLink.of("https://meet.example.org/raum-7q2x")));

      Appointment erased = video.erased(erasedAt);

      assertThat(erased.videoLink()).isEmpty();
      assertThat(erased.mode()).isEqualTo(AppointmentMode.VIDEO);
      assertThat(erased.status()).isEqualTo(AppointmentStatus.CONFIRMED);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Appointment(appointmentId(MITTE, 3), DESK_1, START, END, ImmutableList.of(PASSPORT), Channel.ONLINE,
              AppointmentStatus.CONFIRMED, Optional.empty(), Optional.empty(), Optional.empty(), AppointmentMode.VIDEO,
              Optional.of(VideoLink.of("https://meet.example.org/raum-7q2x")), Optional.of(erasedAt)))
          .withMessageContaining("video link");
    }

    @Test
    void holdIsNeverErased() {
      assertThatIllegalArgumentException().isThrownBy(() -> hold(HOLD_EXPIRES).erased(erasedAt));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Appointment(appointmentId(MITTE, 1), DESK_1, START, END, ImmutableList.of(PASSPORT), Channel.ONLINE,
              AppointmentStatus.HELD, Optional.of(HOLD_EXPIRES), Optional.empty(), Optional.empty(), AppointmentMode.IN_PERSON, Optional.empty(), Optional.of(erasedAt)))
          .withMessageContaining("hold");
    }

    @Test
    void erasedBookingIsNotErasedAgainNorMoved() {
      Appointment erased = booking(AppointmentStatus.CONFIRMED).erased(erasedAt);

      assertThatIllegalArgumentException().isThrownBy(() -> erased.erased(erasedAt.plusSeconds(1)));
      assertThatIllegalArgumentException().isThrownBy(() -> erased.movedTo(holdAt(MITTE, START, HOLD_EXPIRES)));
    }
  }
}
