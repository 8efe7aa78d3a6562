package org.opentermin.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;

class AuditEntryTest {

  private static final Instant AT = Instant.parse("2026-12-01T08:15:00Z");
  private static final OfficeId MITTE = OfficeId.of("sbh-mitte");
  private static final AppointmentId BOOKING_ID = new AppointmentId(MITTE, new UUID(7, 11));
  private static final BookingReference REFERENCE = new BookingReference("K7M2QX9P");
  private static final Actor CASEWORKER = Actor.staff("t-4711");

  private static Appointment booking() {
    Instant start = Instant.parse("2026-12-02T09:00:00Z");
    return Appointment.hold(
            BOOKING_ID,
            ResourceId.of("anna"),
            start,
            start.plus(Duration.ofMinutes(30)),
            List.of(new BookedService(ServiceId.of("schuldnerberatung"), 1)),
            Channel.ONLINE,
            AT)
        .confirmed(
            REFERENCE,
            new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.empty()));
  }

  @Test
  void aStaffReadOfABookingNamesTheBookingByIdsOnly() {
    AuditEntry entry =
        AuditEntry.readBooking(AT, CASEWORKER, AuditAction.VIEWED_BOOKING, booking());

    assertThat(entry.office()).isEqualTo(MITTE);
    assertThat(entry.appointment()).contains(BOOKING_ID);
    assertThat(entry.reference()).contains(REFERENCE);
    assertThat(entry.toString()).doesNotContain("Erika", "erika@example.org", "schuldnerberatung");
  }

  @Test
  void aCancellationKeepsWhoAndWhenButNotTheReasonTheCitizenTyped() {
    BookingEvent cancelled =
        new BookingEvent(
            BOOKING_ID,
            AT,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CANCELLED,
            "Ich bin krank, Erika");

    AuditEntry entry = AuditEntry.ofChange(cancelled, Optional.of(REFERENCE));

    assertThat(entry.action()).isEqualTo(AuditAction.CANCELLED);
    assertThat(entry.actor()).isEqualTo(Actor.CITIZEN);
    assertThat(entry.at()).isEqualTo(AT);
    assertThat(entry.detail()).isEqualTo("CONFIRMED -> CANCELLED");
    assertThat(entry.toString()).doesNotContain("krank", "Erika");
  }

  @Test
  void anErasureIsRecordedAsSuchWithoutTheReferenceThatWentWithTheData() {
    BookingEvent erased =
        new BookingEvent(
            BOOKING_ID,
            AT,
            Actor.SYSTEM,
            AppointmentStatus.COMPLETED,
            AppointmentStatus.COMPLETED,
            BookingEvent.ERASURE_NOTE);

    AuditEntry entry = AuditEntry.ofErasure(erased);

    assertThat(entry)
        .isEqualTo(
            new AuditEntry(
                AT,
                Actor.SYSTEM,
                AuditAction.ERASED,
                MITTE,
                Optional.of(BOOKING_ID),
                Optional.empty(),
                "COMPLETED -> COMPLETED"));
    assertThat(AuditAction.ERASED.concernsOneBooking()).isTrue();
    assertThat(AuditAction.ERASED.isRead()).isFalse();
  }

  @Test
  void aDayReadNamesTheDay() {
    AuditEntry entry = AuditEntry.readDay(AT, CASEWORKER, MITTE, LocalDate.of(2026, 12, 2));

    assertThat(entry.action()).isEqualTo(AuditAction.VIEWED_DAY);
    assertThat(entry.appointment()).isEmpty();
    assertThat(entry.detail()).isEqualTo("2026-12-02");
  }

  @Test
  void aBookingActionWithoutItsBookingIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AuditEntry.ofOffice(AT, CASEWORKER, AuditAction.CANCELLED, MITTE, ""))
        .withMessageContaining("CANCELLED");
  }

  @Test
  void anOfficeActionThatNamesABookingIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new AuditEntry(
                    AT,
                    CASEWORKER,
                    AuditAction.CONFIGURED,
                    MITTE,
                    Optional.of(BOOKING_ID),
                    Optional.empty(),
                    ""));
  }

  @Test
  void aBookingOfAnotherOfficeIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new AuditEntry(
                    AT,
                    CASEWORKER,
                    AuditAction.VIEWED_BOOKING,
                    OfficeId.of("sbh-nord"),
                    Optional.of(BOOKING_ID),
                    Optional.of(REFERENCE),
                    ""))
        .withMessageContaining("sbh-nord");
  }

  @Test
  void aReferenceWithoutItsAppointmentIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new AuditEntry(
                    AT,
                    CASEWORKER,
                    AuditAction.VIEWED_DAY,
                    MITTE,
                    Optional.empty(),
                    Optional.of(REFERENCE),
                    "2026-12-02"));
  }

  @Test
  void detailOfTwoHundredCharactersIsAcceptedAndOneMoreIsRejected() {
    assertThat(
            AuditEntry.ofOffice(AT, CASEWORKER, AuditAction.CONFIGURED, MITTE, "d".repeat(200))
                .detail())
        .hasSize(200);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                AuditEntry.ofOffice(
                    AT, CASEWORKER, AuditAction.CONFIGURED, MITTE, "d".repeat(201)));
  }

  @Test
  void aChangeIsNotAReadOfABooking() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AuditEntry.readBooking(AT, CASEWORKER, AuditAction.CANCELLED, booking()));
  }

  @Test
  void anEntryWithoutActorIsRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> AuditEntry.ofOffice(AT, null, AuditAction.CONFIGURED, MITTE, ""))
        .withMessage("actor");
  }
}
