package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.booking.BookingFixtures.BERLIN;
import static org.opentermin.core.booking.BookingFixtures.HOLD_EXPIRES;
import static org.opentermin.core.booking.BookingFixtures.MITTE;
import static org.opentermin.core.booking.BookingFixtures.PANKOW;
import static org.opentermin.core.booking.BookingFixtures.START;
import static org.opentermin.core.booking.BookingFixtures.berlin;
import static org.opentermin.core.booking.BookingFixtures.booking;
import static org.opentermin.core.booking.BookingFixtures.hold;
import static org.opentermin.core.booking.BookingFixtures.holdAt;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The booking under test starts on Wednesday 11 June 2025 at 09:00 in Berlin (07:00Z); staff days
 * are counted in Europe/Berlin, so instants near midnight fall on a different UTC date.
 */
class BookingRulesTest {

  private static final Actor STAFF = Actor.staff("clerk-17");

  /** The day the booking was made, long before the appointment. */
  private static final Instant LAST_WEEK = berlin(2025, 6, 2, 10, 5);

  @Nested
  class Confirm {

    @Test
    void liveHoldCanBeConfirmed() {
      assertThat(BookingRules.confirm(hold(HOLD_EXPIRES), LAST_WEEK)).isEmpty();
    }

    @Test
    void holdCanBeConfirmedOneNanosecondBeforeItExpires() {
      assertThat(BookingRules.confirm(hold(HOLD_EXPIRES), HOLD_EXPIRES.minusNanos(1))).isEmpty();
    }

    @Test
    void holdHasExpiredAtExactlyItsExpiryInstant() {
      assertThat(BookingRules.confirm(hold(HOLD_EXPIRES), HOLD_EXPIRES))
          .contains(RefusalReason.HOLD_EXPIRED);
    }

    @Test
    void holdCannotBeConfirmedAfterItExpired() {
      assertThat(BookingRules.confirm(hold(HOLD_EXPIRES), HOLD_EXPIRES.plusSeconds(60)))
          .contains(RefusalReason.HOLD_EXPIRED);
    }

    @Test
    void holdThatBecameABookingCannotBeConfirmedAgain() {
      assertThat(BookingRules.confirm(booking(AppointmentStatus.CONFIRMED), LAST_WEEK))
          .contains(RefusalReason.HOLD_ALREADY_USED);
    }

    @Test
    void usedHoldIsReportedAsUsedEvenAfterTheOriginalExpiry() {
      assertThat(
              BookingRules.confirm(
                  booking(AppointmentStatus.CONFIRMED), HOLD_EXPIRES.plusSeconds(3600)))
          .contains(RefusalReason.HOLD_ALREADY_USED);
    }

    @ParameterizedTest
    @EnumSource(value = AppointmentStatus.class, names = "HELD", mode = EnumSource.Mode.EXCLUDE)
    void noBookingStatusCountsAsAnUnusedHold(AppointmentStatus status) {
      assertThat(BookingRules.confirm(booking(status), LAST_WEEK))
          .contains(RefusalReason.HOLD_ALREADY_USED);
    }
  }

  @Nested
  class Cancel {

    @Test
    void citizenCancelsConfirmedBookingBeforeItStarts() {
      assertThat(
              BookingRules.cancel(
                  booking(AppointmentStatus.CONFIRMED), Actor.CITIZEN, START.minusSeconds(1)))
          .isEmpty();
    }

    @Test
    void citizenCannotCancelAtTheStartInstant() {
      assertThat(BookingRules.cancel(booking(AppointmentStatus.CONFIRMED), Actor.CITIZEN, START))
          .contains(RefusalReason.TOO_LATE);
    }

    @Test
    void citizenCannotCancelAfterTheStart() {
      assertThat(
              BookingRules.cancel(
                  booking(AppointmentStatus.CONFIRMED), Actor.CITIZEN, START.plusSeconds(600)))
          .contains(RefusalReason.TOO_LATE);
    }

    @ParameterizedTest
    @EnumSource(
        value = AppointmentStatus.class,
        names = {"CHECKED_IN", "COMPLETED", "NO_SHOW", "CANCELLED"})
    void citizenCancelsOnlyAConfirmedBooking(AppointmentStatus status) {
      assertThat(BookingRules.cancel(booking(status), Actor.CITIZEN, LAST_WEEK))
          .contains(RefusalReason.ILLEGAL_TRANSITION);
    }

    @Test
    void staffCancelConfirmedBookingAfterItStarted() {
      assertThat(
              BookingRules.cancel(
                  booking(AppointmentStatus.CONFIRMED), STAFF, START.plusSeconds(600)))
          .isEmpty();
    }

    @Test
    void staffCancelCheckedInBooking() {
      assertThat(
              BookingRules.cancel(
                  booking(AppointmentStatus.CHECKED_IN), STAFF, START.plusSeconds(60)))
          .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
        value = AppointmentStatus.class,
        names = {"CANCELLED", "COMPLETED", "NO_SHOW"})
    void staffCannotCancelAFinishedBooking(AppointmentStatus status) {
      assertThat(BookingRules.cancel(booking(status), STAFF, START.plusSeconds(60)))
          .contains(RefusalReason.ILLEGAL_TRANSITION);
    }
  }

  @Nested
  class Reschedule {

    private final Instant nextMonday = berlin(2025, 6, 16, 14, 0);

    @Test
    void citizenMovesConfirmedBookingToLiveHoldBeforeItStarts() {
      Appointment newHold = holdAt(MITTE, nextMonday, LAST_WEEK.plusSeconds(600));

      assertThat(
              BookingRules.reschedule(
                  booking(AppointmentStatus.CONFIRMED), newHold, Actor.CITIZEN, LAST_WEEK))
          .isEmpty();
    }

    @Test
    void rescheduleIsRefusedWhenTheNewHoldExpiredAtThisInstant() {
      Appointment newHold = holdAt(MITTE, nextMonday, LAST_WEEK);

      assertThat(
              BookingRules.reschedule(
                  booking(AppointmentStatus.CONFIRMED), newHold, Actor.CITIZEN, LAST_WEEK))
          .contains(RefusalReason.HOLD_EXPIRED);
    }

    @Test
    void rescheduleIsRefusedWhenTheNewHoldWasAlreadyUsed() {
      Appointment usedHold =
          holdAt(MITTE, nextMonday, LAST_WEEK.plusSeconds(600))
              .confirmed(new BookingReference("ABCD2345"), Citizen.named("Max Mustermann"));

      assertThat(
              BookingRules.reschedule(
                  booking(AppointmentStatus.CONFIRMED), usedHold, Actor.CITIZEN, LAST_WEEK))
          .contains(RefusalReason.HOLD_ALREADY_USED);
    }

    @ParameterizedTest
    @EnumSource(
        value = AppointmentStatus.class,
        names = {"CHECKED_IN", "COMPLETED", "NO_SHOW", "CANCELLED"})
    void onlyAConfirmedBookingCanBeRescheduled(AppointmentStatus status) {
      Appointment newHold = holdAt(MITTE, nextMonday, LAST_WEEK.plusSeconds(600));

      assertThat(BookingRules.reschedule(booking(status), newHold, STAFF, LAST_WEEK))
          .contains(RefusalReason.ILLEGAL_TRANSITION);
    }

    @Test
    void citizenCannotRescheduleAtTheStartInstant() {
      Appointment newHold = holdAt(MITTE, nextMonday, START.plusSeconds(600));

      assertThat(
              BookingRules.reschedule(
                  booking(AppointmentStatus.CONFIRMED), newHold, Actor.CITIZEN, START))
          .contains(RefusalReason.TOO_LATE);
    }

    @Test
    void staffMayRescheduleAConfirmedBookingAfterItsStart() {
      Appointment newHold = holdAt(MITTE, nextMonday, START.plusSeconds(1200));

      assertThat(
              BookingRules.reschedule(
                  booking(AppointmentStatus.CONFIRMED), newHold, STAFF, START.plusSeconds(600)))
          .isEmpty();
    }

    @Test
    void bookingCannotBeMovedToAHoldOfAnotherOffice() {
      Appointment pankowHold = holdAt(PANKOW, nextMonday, LAST_WEEK.plusSeconds(600));

      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  BookingRules.reschedule(
                      booking(AppointmentStatus.CONFIRMED), pankowHold, Actor.CITIZEN, LAST_WEEK))
          .withMessageContaining("office");
    }
  }

  @Nested
  class CheckIn {

    @Test
    void staffCheckInOnTheAppointmentDay() {
      assertThat(
              BookingRules.checkIn(
                  booking(AppointmentStatus.CONFIRMED),
                  STAFF,
                  START.minus(Duration.ofMinutes(15)),
                  BERLIN))
          .isEmpty();
    }

    @Test
    void staffCheckInLateOnTheAppointmentDay() {
      assertThat(
              BookingRules.checkIn(
                  booking(AppointmentStatus.CONFIRMED), STAFF, berlin(2025, 6, 11, 17, 30), BERLIN))
          .isEmpty();
    }

    @Test
    void halfPastMidnightInBerlinIsTheAppointmentDayAlthoughUtcIsStillTheDayBefore() {
      Instant halfPastMidnight = berlin(2025, 6, 11, 0, 30);
      assertThat(halfPastMidnight).isEqualTo(Instant.parse("2025-06-10T22:30:00Z"));

      assertThat(
              BookingRules.checkIn(
                  booking(AppointmentStatus.CONFIRMED), STAFF, halfPastMidnight, BERLIN))
          .isEmpty();
    }

    @Test
    void checkInTheDayBeforeIsTooEarly() {
      assertThat(
              BookingRules.checkIn(
                  booking(AppointmentStatus.CONFIRMED), STAFF, berlin(2025, 6, 10, 16, 0), BERLIN))
          .contains(RefusalReason.TOO_EARLY);
    }

    @Test
    void checkInAMinuteBeforeMidnightOfTheDayBeforeIsTooEarly() {
      assertThat(
              BookingRules.checkIn(
                  booking(AppointmentStatus.CONFIRMED), STAFF, berlin(2025, 6, 10, 23, 59), BERLIN))
          .contains(RefusalReason.TOO_EARLY);
    }

    @Test
    void checkInTheDayAfterIsTooLate() {
      assertThat(
              BookingRules.checkIn(
                  booking(AppointmentStatus.CONFIRMED), STAFF, berlin(2025, 6, 12, 8, 0), BERLIN))
          .contains(RefusalReason.TOO_LATE);
    }

    @Test
    void tenPastMidnightInBerlinIsTheDayAfterAlthoughUtcIsStillTheAppointmentDay() {
      Instant tenPastMidnight = berlin(2025, 6, 12, 0, 10);
      assertThat(tenPastMidnight).isEqualTo(Instant.parse("2025-06-11T22:10:00Z"));

      assertThat(
              BookingRules.checkIn(
                  booking(AppointmentStatus.CONFIRMED), STAFF, tenPastMidnight, BERLIN))
          .contains(RefusalReason.TOO_LATE);
    }

    @Test
    void citizenCannotCheckThemselvesIn() {
      assertThat(
              BookingRules.checkIn(
                  booking(AppointmentStatus.CONFIRMED), Actor.CITIZEN, START, BERLIN))
          .contains(RefusalReason.NOT_PERMITTED);
    }

    @Test
    void systemCannotCheckAnyoneIn() {
      assertThat(
              BookingRules.checkIn(
                  booking(AppointmentStatus.CONFIRMED), Actor.SYSTEM, START, BERLIN))
          .contains(RefusalReason.NOT_PERMITTED);
    }

    @ParameterizedTest
    @EnumSource(
        value = AppointmentStatus.class,
        names = {"CHECKED_IN", "COMPLETED", "NO_SHOW", "CANCELLED"})
    void onlyAConfirmedBookingCanBeCheckedIn(AppointmentStatus status) {
      assertThat(BookingRules.checkIn(booking(status), STAFF, START, BERLIN))
          .contains(RefusalReason.ILLEGAL_TRANSITION);
    }
  }

  @Nested
  class Complete {

    @Test
    void staffCompleteCheckedInBookingAfterTheStart() {
      assertThat(
              BookingRules.complete(
                  booking(AppointmentStatus.CHECKED_IN), STAFF, START.plusSeconds(900), BERLIN))
          .isEmpty();
    }

    @Test
    void staffMayCompleteOnTheAppointmentDayBeforeTheStartTime() {
      assertThat(
              BookingRules.complete(
                  booking(AppointmentStatus.CONFIRMED), STAFF, berlin(2025, 6, 11, 7, 30), BERLIN))
          .isEmpty();
    }

    @Test
    void staffMayCompleteAConfirmedBookingDaysLater() {
      assertThat(
              BookingRules.complete(
                  booking(AppointmentStatus.CONFIRMED), STAFF, berlin(2025, 6, 16, 10, 0), BERLIN))
          .isEmpty();
    }

    @Test
    void completingTheDayBeforeIsTooEarly() {
      assertThat(
              BookingRules.complete(
                  booking(AppointmentStatus.CONFIRMED), STAFF, berlin(2025, 6, 10, 23, 59), BERLIN))
          .contains(RefusalReason.TOO_EARLY);
    }

    @Test
    void citizenCannotCompleteTheirBooking() {
      assertThat(
              BookingRules.complete(
                  booking(AppointmentStatus.CHECKED_IN),
                  Actor.CITIZEN,
                  START.plusSeconds(900),
                  BERLIN))
          .contains(RefusalReason.NOT_PERMITTED);
    }

    @Test
    void systemCannotCompleteABooking() {
      assertThat(
              BookingRules.complete(
                  booking(AppointmentStatus.CHECKED_IN),
                  Actor.SYSTEM,
                  START.plusSeconds(900),
                  BERLIN))
          .contains(RefusalReason.NOT_PERMITTED);
    }

    @ParameterizedTest
    @EnumSource(
        value = AppointmentStatus.class,
        names = {"COMPLETED", "NO_SHOW", "CANCELLED"})
    void onlyAConfirmedOrCheckedInBookingCanBeCompleted(AppointmentStatus status) {
      assertThat(BookingRules.complete(booking(status), STAFF, START.plusSeconds(900), BERLIN))
          .contains(RefusalReason.ILLEGAL_TRANSITION);
    }
  }

  @Nested
  class MarkNoShow {

    @Test
    void staffMarkNoShowAtTheStartInstant() {
      assertThat(BookingRules.markNoShow(booking(AppointmentStatus.CONFIRMED), STAFF, START))
          .isEmpty();
    }

    @Test
    void staffMarkNoShowAfterTheStart() {
      assertThat(
              BookingRules.markNoShow(
                  booking(AppointmentStatus.CONFIRMED), STAFF, START.plusSeconds(1800)))
          .isEmpty();
    }

    @Test
    void noShowOneSecondBeforeTheStartIsTooEarly() {
      assertThat(
              BookingRules.markNoShow(
                  booking(AppointmentStatus.CONFIRMED), STAFF, START.minusSeconds(1)))
          .contains(RefusalReason.TOO_EARLY);
    }

    @Test
    void citizenCannotMarkThemselvesAsNoShow() {
      assertThat(
              BookingRules.markNoShow(
                  booking(AppointmentStatus.CONFIRMED), Actor.CITIZEN, START.plusSeconds(60)))
          .contains(RefusalReason.NOT_PERMITTED);
    }

    @Test
    void systemCannotMarkANoShow() {
      assertThat(
              BookingRules.markNoShow(
                  booking(AppointmentStatus.CONFIRMED), Actor.SYSTEM, START.plusSeconds(60)))
          .contains(RefusalReason.NOT_PERMITTED);
    }

    @ParameterizedTest
    @EnumSource(
        value = AppointmentStatus.class,
        names = {"CHECKED_IN", "COMPLETED", "NO_SHOW", "CANCELLED"})
    void onlyAConfirmedBookingCanBecomeANoShow(AppointmentStatus status) {
      assertThat(BookingRules.markNoShow(booking(status), STAFF, START.plusSeconds(60)))
          .contains(RefusalReason.ILLEGAL_TRANSITION);
    }
  }

  @Nested
  class Erase {

    private final Instant end = START.plus(Duration.ofMinutes(20));

    @Test
    void citizenErasesAnUpcomingBookingWhichCancelsIt() {
      Appointment confirmed = booking(AppointmentStatus.CONFIRMED);

      assertThat(BookingRules.erase(confirmed, Actor.CITIZEN, START.minusNanos(1))).isEmpty();
      assertThat(BookingRules.statusAfterErasure(confirmed, START.minusNanos(1)))
          .isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void whileTheAppointmentIsUnderWayItsDataCannotBeErased() {
      assertThat(BookingRules.erase(booking(AppointmentStatus.CONFIRMED), Actor.CITIZEN, START))
          .contains(RefusalReason.TOO_EARLY);
      assertThat(
              BookingRules.erase(booking(AppointmentStatus.CHECKED_IN), STAFF, end.minusNanos(1)))
          .contains(RefusalReason.TOO_EARLY);
    }

    @Test
    void fromTheEndOnABookingNobodyClosedIsErasedAndKeepsItsStatus() {
      Appointment confirmed = booking(AppointmentStatus.CONFIRMED);

      assertThat(BookingRules.erase(confirmed, Actor.CITIZEN, end)).isEmpty();
      assertThat(BookingRules.statusAfterErasure(confirmed, end))
          .isEqualTo(AppointmentStatus.CONFIRMED);
      assertThat(BookingRules.erase(booking(AppointmentStatus.CHECKED_IN), Actor.CITIZEN, end))
          .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
        value = AppointmentStatus.class,
        names = {"COMPLETED", "NO_SHOW", "CANCELLED"})
    void aClosedBookingIsErasedAtAnyTimeAndKeepsItsStatus(AppointmentStatus status) {
      Appointment booking = booking(status);

      assertThat(BookingRules.erase(booking, Actor.CITIZEN, LAST_WEEK)).isEmpty();
      assertThat(BookingRules.erase(booking, STAFF, START.plusSeconds(60))).isEmpty();
      assertThat(BookingRules.statusAfterErasure(booking, LAST_WEEK)).isEqualTo(status);
    }

    @Test
    void anErasedBookingOrAHoldCannotBeErased() {
      Appointment erased = booking(AppointmentStatus.CANCELLED).erased(LAST_WEEK);

      assertThat(BookingRules.erase(erased, Actor.CITIZEN, LAST_WEEK))
          .contains(RefusalReason.ILLEGAL_TRANSITION);
      assertThat(BookingRules.erase(hold(HOLD_EXPIRES), Actor.CITIZEN, LAST_WEEK))
          .contains(RefusalReason.ILLEGAL_TRANSITION);
    }

    @Test
    void theSystemErasesByTheRetentionPeriodNotByRequest() {
      assertThat(BookingRules.erase(booking(AppointmentStatus.COMPLETED), Actor.SYSTEM, end))
          .contains(RefusalReason.ILLEGAL_TRANSITION);
    }
  }
}
