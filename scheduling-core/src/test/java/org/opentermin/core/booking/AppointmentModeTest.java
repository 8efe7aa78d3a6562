package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.booking.BookingFixtures.DESK_1;
import static org.opentermin.core.booking.BookingFixtures.DESK_2;
import static org.opentermin.core.booking.BookingFixtures.END;
import static org.opentermin.core.booking.BookingFixtures.ERIKA;
import static org.opentermin.core.booking.BookingFixtures.HOLD_EXPIRES;
import static org.opentermin.core.booking.BookingFixtures.MITTE;
import static org.opentermin.core.booking.BookingFixtures.PASSPORT;
import static org.opentermin.core.booking.BookingFixtures.REFERENCE;
import static org.opentermin.core.booking.BookingFixtures.START;
import static org.opentermin.core.booking.BookingFixtures.appointmentId;
import static org.opentermin.core.booking.BookingFixtures.berlin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;

/**
 * Appointments in a mode: the mode stays from hold to booking to move, and video bookings have
 * their link.
 */
class AppointmentModeTest {

  private static final VideoLink LINK = VideoLink.of("https://video.example.org/qk4x7m2v9zt3abc");
  private static final Instant BEFORE_EXPIRY = HOLD_EXPIRES.minusSeconds(60);
  private static final Citizen WITHOUT_PHONE =
      new Citizen("Max Mustermann", Optional.of("max@example.org"), Optional.empty());

  private static Hold hold(AppointmentMode mode) {
    return Appointment.hold(
        appointmentId(MITTE, 1),
        DESK_1,
        START,
        END,
        List.of(PASSPORT),
        Channel.ONLINE,
        HOLD_EXPIRES,
        mode);
  }

  private static Hold holdLater(AppointmentMode mode) {
    Instant later = START.plus(Duration.ofDays(1));
    return Appointment.hold(
        appointmentId(MITTE, 2),
        DESK_2,
        later,
        later.plus(Duration.ofMinutes(20)),
        List.of(PASSPORT),
        Channel.ONLINE,
        HOLD_EXPIRES,
        mode);
  }

  @Test
  void holdWithoutModeIsInPersonAndHasNoLink() {
    Hold hold = BookingFixtures.hold(HOLD_EXPIRES);

    assertThat(hold.mode()).isEqualTo(AppointmentMode.IN_PERSON);
    assertThat(hold.confirmed(REFERENCE, ERIKA).videoLink()).isEmpty();
  }

  @Test
  void phoneHoldBecomesAPhoneBooking() {
    Booking booking = hold(AppointmentMode.PHONE).confirmed(REFERENCE, ERIKA);

    assertThat(booking.mode()).isEqualTo(AppointmentMode.PHONE);
    assertThat(booking.videoLink()).isEmpty();
  }

  @Test
  void videoHoldBecomesAVideoBookingWithItsLink() {
    Booking booking = hold(AppointmentMode.VIDEO).confirmed(REFERENCE, ERIKA, Optional.of(LINK));

    assertThat(booking.mode()).isEqualTo(AppointmentMode.VIDEO);
    assertThat(booking.videoLink()).contains(LINK);
    assertThat(booking.withStatus(AppointmentStatus.CHECKED_IN).videoLink()).contains(LINK);
  }

  @Test
  void videoBookingWithoutALinkIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> hold(AppointmentMode.VIDEO).confirmed(REFERENCE, ERIKA))
        .withMessageContaining("video link");
  }

  @Test
  void linkOnABookingInAnotherModeIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> hold(AppointmentMode.PHONE).confirmed(REFERENCE, ERIKA, Optional.of(LINK)))
        .withMessageContaining("video link");
  }

  @Test
  void movedVideoBookingKeepsItsModeChannelAndLink() {
    Booking booking = hold(AppointmentMode.VIDEO).confirmed(REFERENCE, ERIKA, Optional.of(LINK));

    Booking moved = booking.movedTo(holdLater(AppointmentMode.VIDEO));

    assertThat(moved.start()).isEqualTo(START.plus(Duration.ofDays(1)));
    assertThat(moved.resource()).isEqualTo(DESK_2);
    assertThat(moved.mode()).isEqualTo(AppointmentMode.VIDEO);
    assertThat(moved.videoLink()).contains(LINK);
  }

  @Test
  void bookingCannotMoveToAHoldOfAnotherMode() {
    Booking booking = hold(AppointmentMode.PHONE).confirmed(REFERENCE, ERIKA);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> booking.movedTo(holdLater(AppointmentMode.IN_PERSON)));
  }

  @Test
  void phoneHoldCannotBeConfirmedWithoutAPhoneNumber() {
    assertThat(BookingRules.confirm(hold(AppointmentMode.PHONE), WITHOUT_PHONE, BEFORE_EXPIRY))
        .contains(RefusalReason.PHONE_REQUIRED);
    assertThat(BookingRules.confirm(hold(AppointmentMode.PHONE), ERIKA, BEFORE_EXPIRY)).isEmpty();
  }

  @Test
  void otherModesNeedNoPhoneNumber() {
    assertThat(BookingRules.confirm(hold(AppointmentMode.IN_PERSON), WITHOUT_PHONE, BEFORE_EXPIRY))
        .isEmpty();
    assertThat(BookingRules.confirm(hold(AppointmentMode.VIDEO), WITHOUT_PHONE, BEFORE_EXPIRY))
        .isEmpty();
  }

  @Test
  void expiredPhoneHoldIsReportedAsExpiredRatherThanMissingAPhoneNumber() {
    assertThat(BookingRules.confirm(hold(AppointmentMode.PHONE), WITHOUT_PHONE, HOLD_EXPIRES))
        .contains(RefusalReason.HOLD_EXPIRED);
  }

  @Test
  void rescheduleToAHoldOfAnotherModeIsRefused() {
    Booking booking = hold(AppointmentMode.VIDEO).confirmed(REFERENCE, ERIKA, Optional.of(LINK));
    Instant lastWeek = berlin(2025, 6, 2, 10, 0);

    assertThat(
            BookingRules.reschedule(
                booking, holdLater(AppointmentMode.IN_PERSON), Actor.CITIZEN, lastWeek))
        .contains(RefusalReason.MODE_MISMATCH);
    assertThat(
            BookingRules.reschedule(
                booking, holdLater(AppointmentMode.VIDEO), Actor.CITIZEN, lastWeek))
        .isEmpty();
  }

  @Test
  void videoLinkNeverShowsInText() {
    Booking booking = hold(AppointmentMode.VIDEO).confirmed(REFERENCE, ERIKA, Optional.of(LINK));

    assertThat(LINK.toString()).doesNotContain("qk4x7m2v9zt3abc");
    assertThat(booking.toString()).doesNotContain("qk4x7m2v9zt3abc");
    assertThat(LINK.text()).isEqualTo("https://video.example.org/qk4x7m2v9zt3abc");
  }

  @Test
  void videoLinkIsAnHttpLinkWithoutUserInformationOrFragment() {
    assertThat(VideoLink.of("http://localhost:8443/room").text())
        .isEqualTo("http://localhost:8443/room");
    assertThatIllegalArgumentException().isThrownBy(() -> VideoLink.of("javascript:alert(1)"));
    assertThatIllegalArgumentException().isThrownBy(() -> VideoLink.of("/relative/room"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VideoLink.of("https://user:secret@video.example.org/room"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VideoLink.of("https://video.example.org/room#x"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VideoLink.of("https://video.example.org/" + "r".repeat(500)));
  }
}
