package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.opentermin.core.booking.BookingFixtures.MITTE;
import static org.opentermin.core.booking.BookingFixtures.START;
import static org.opentermin.core.booking.BookingFixtures.appointmentId;

import org.junit.jupiter.api.Test;

class BookingEventTest {

  private static BookingEvent cancellation(String note) {
    return new BookingEvent(
        appointmentId(MITTE, 1),
        START.minusSeconds(3600),
        Actor.CITIZEN,
        AppointmentStatus.CONFIRMED,
        AppointmentStatus.CANCELLED,
        note);
  }

  @Test
  void eventRecordsWhoWhenAndWhichChange() {
    BookingEvent event = cancellation("Termin nicht mehr nötig");

    assertThat(event.appointment()).isEqualTo(appointmentId(MITTE, 1));
    assertThat(event.at()).isEqualTo(START.minusSeconds(3600));
    assertThat(event.actor()).isEqualTo(Actor.CITIZEN);
    assertThat(event.from()).isEqualTo(AppointmentStatus.CONFIRMED);
    assertThat(event.to()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(event.note()).isEqualTo("Termin nicht mehr nötig");
  }

  @Test
  void eventWithoutANoteIsAllowed() {
    assertThat(cancellation("").note()).isEmpty();
  }

  @Test
  void noteOfFiveHundredCharactersIsAccepted() {
    assertThat(cancellation("n".repeat(500)).note()).hasSize(BookingEvent.MAXIMUM_NOTE_LENGTH);
  }

  @Test
  void noteOfFiveHundredAndOneCharactersIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> cancellation("n".repeat(501)))
        .withMessageContaining("500");
  }

  @Test
  void missingNoteIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> cancellation(null));
  }

  @Test
  void eventWithoutActorIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new BookingEvent(
                    appointmentId(MITTE, 1),
                    START,
                    null,
                    AppointmentStatus.CONFIRMED,
                    AppointmentStatus.CHECKED_IN,
                    ""))
        .withMessage("actor");
  }
}
