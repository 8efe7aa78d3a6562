package org.opentermin.ports.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.ErasedBooking;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.privacy.RetentionPeriod;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.contract.MutableClock;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.ManagePersonalData.BookingData;
import org.opentermin.ports.in.ManagePersonalData.Pseudonyms;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.RandomSource;

class PrivacyServiceTest {

  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final Instant END = NINE.plus(Duration.ofMinutes(30));
  private static final Citizen ERIKA =
      new Citizen(
          "Erika Mustermann",
          Optional.of("erika@example.org"),
          Optional.empty(),
          Optional.of("Ich brauche einen Dolmetscher"));

  private static final BookingAccess CLERK =
      BookingAccess.byStaff(new AccessGrant("clerk-17", AccessRole.STAFF, ImmutableSet.of(OFFICE)));

  private final MutableClock clock = new MutableClock(NOW);
  private InMemoryCatalogStore catalog;
  private InMemoryBookingStore bookings;
  private BookingServices booking;
  private PrivacyService privacy;

  @BeforeEach
  void setUp() {
    catalog = new InMemoryCatalogStore();
    ContractFixtures.fill(catalog);
    bookings = new InMemoryBookingStore();
    booking =
        BookingServices.of(
            catalog,
            bookings,
            bookings.auditLog(),
            clock,
            RandomSource.seeded(7),
            new InMemorySpentChallenges(),
            new InMemoryHoldRates());
    privacy = new PrivacyService(catalog, bookings, bookings.auditLog(), clock);
  }

  private BookingResult.Confirmed booked(Instant start) {
    HoldResult held =
        booking.hold(
            new HoldSlot.Command(
                OFFICE,
                ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 1)),
                start,
                Channel.ONLINE,
                Actor.CITIZEN,
                Optional.empty()));
    Hold hold = ((HoldResult.Held) held).hold();
    BookingResult result =
        booking.confirm(
            new ConfirmBooking.Command(
                hold.id(), ERIKA, Actor.CITIZEN, Optional.of("retry-key-0123456789")));
    assertThat(result).isInstanceOf(BookingResult.Confirmed.class);
    return (BookingResult.Confirmed) result;
  }

  private static BookingReference reference(BookingResult.Confirmed confirmed) {
    return confirmed.booking().reference();
  }

  private static BookingAccess token(BookingResult.Confirmed confirmed) {
    return BookingAccess.byToken(confirmed.manageToken());
  }

  @Test
  void theCitizenDownloadsEverythingHeldAboutTheirBooking() {
    BookingResult.Confirmed confirmed = booked(NINE);

    BookingData data = privacy.download(reference(confirmed), token(confirmed)).orElseThrow();

    assertThat(data.booking()).isEqualTo(confirmed.booking());
    assertThat(data.booking().citizen()).isEqualTo(ERIKA);
    assertThat(data.office().id()).isEqualTo(OFFICE);
    assertThat(data.services()).containsExactly(BASIC_INCOME);
    assertThat(data.history())
        .extracting(BookingEvent::to)
        .containsExactly(AppointmentStatus.CONFIRMED);
    assertThat(data.pseudonyms()).isEqualTo(new Pseudonyms(false, false, true));
    assertThat(data.retention()).isEqualTo(RetentionPeriod.DEFAULT);
    assertThat(data.erasureDue()).isEqualTo(END.plus(Duration.ofDays(30)));
    assertThat(data.toString()).doesNotContain("Erika", "Dolmetscher");
  }

  @Test
  void aCancelledBookingIsDueForErasureThePeriodAfterItsCancellation() {
    catalog.saveRetentionPeriod(OFFICE, RetentionPeriod.ofDays(7));
    BookingResult.Confirmed confirmed = booked(NINE);
    clock.advance(Duration.ofHours(1));
    booking.cancel(reference(confirmed), token(confirmed), "");

    BookingData data = privacy.download(reference(confirmed), token(confirmed)).orElseThrow();

    assertThat(data.erasureDue()).isEqualTo(NOW.plus(Duration.ofHours(1)).plus(Duration.ofDays(7)));
  }

  @Test
  void aWrongTokenIsAnsweredLikeAnUnknownReference() {
    BookingResult.Confirmed confirmed = booked(NINE);
    BookingAccess wrong = BookingAccess.byToken("guessed");

    assertThat(privacy.download(reference(confirmed), wrong)).isEmpty();
    assertThat(privacy.download(new BookingReference("ZZZZ2222"), token(confirmed))).isEmpty();
    ChangeResult wrongErase = privacy.erase(reference(confirmed), wrong);
    ChangeResult unknownErase = privacy.erase(new BookingReference("ZZZZ2222"), token(confirmed));
    assertThat(wrongErase)
        .isEqualTo(unknownErase)
        .isEqualTo(new Refused(RefusalReason.NOT_FOUND, "unknown booking"));
    assertThat(((Booking) bookings.find(confirmed.booking().id()).orElseThrow()).citizen())
        .isEqualTo(ERIKA);
  }

  @Test
  void erasingAnUpcomingBookingCancelsItFreesItsTimeAndLeavesTheTokenNothing() {
    BookingResult.Confirmed confirmed = booked(NINE);

    ChangeResult result = privacy.erase(reference(confirmed), token(confirmed));

    Appointment erased = confirmed.booking().withStatus(AppointmentStatus.CANCELLED).erased(NOW);
    assertThat(result).isEqualTo(new ChangeResult.Changed(erased));
    assertThat(bookings.find(confirmed.booking().id())).contains(erased);
    assertThat(booking.find(reference(confirmed), token(confirmed))).isEmpty();
    assertThat(privacy.download(reference(confirmed), token(confirmed))).isEmpty();
    assertThat(privacy.erase(reference(confirmed), token(confirmed)))
        .isEqualTo(new Refused(RefusalReason.NOT_FOUND, "unknown booking"));
    assertThat(bookings.history(confirmed.booking().id()))
        .last()
        .isEqualTo(
            new BookingEvent(
                erased.id(),
                NOW,
                Actor.CITIZEN,
                AppointmentStatus.CONFIRMED,
                AppointmentStatus.CANCELLED,
                BookingEvent.ERASURE_NOTE));
    assertThat(booked(NINE).booking().start()).as("the time is free again").isEqualTo(NINE);
  }

  @Test
  void aPastBookingsDataIsErasedAndItKeepsItsStatus() {
    BookingResult.Confirmed confirmed = booked(NINE);
    clock.set(NINE);
    assertThat(booking.checkIn(reference(confirmed), CLERK))
        .isInstanceOf(ChangeResult.Changed.class);
    clock.set(END);

    ChangeResult result = privacy.erase(reference(confirmed), token(confirmed));

    assertThat(result)
        .isInstanceOfSatisfying(
            ChangeResult.Changed.class,
            changed -> {
              assertThat(changed.booking().status()).isEqualTo(AppointmentStatus.CHECKED_IN);
              assertThat(changed.booking())
                  .isInstanceOfSatisfying(
                      ErasedBooking.class, erased -> assertThat(erased.erasedAt()).isEqualTo(END));
            });
  }

  @Test
  void whileTheAppointmentIsUnderWayItsDataIsNotErased() {
    BookingResult.Confirmed confirmed = booked(NINE);
    clock.set(NINE.plus(Duration.ofMinutes(5)));

    ChangeResult result = privacy.erase(reference(confirmed), token(confirmed));

    assertThat(result)
        .isInstanceOfSatisfying(
            Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.TOO_EARLY));
    assertThat(privacy.download(reference(confirmed), token(confirmed))).isPresent();
  }

  @Test
  void staffEraseOnTheCitizensRequestAndTheEventAndTheAuditLogNameThem() {
    BookingResult.Confirmed confirmed = booked(NINE);

    assertThat(privacy.erase(reference(confirmed), CLERK)).isInstanceOf(ChangeResult.Changed.class);

    assertThat(bookings.history(confirmed.booking().id()))
        .last()
        .extracting(BookingEvent::actor)
        .isEqualTo(Actor.staff("clerk-17"));
    assertThat(auditEntries())
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.ERASED);
              assertThat(entry.actor()).isEqualTo(Actor.staff("clerk-17"));
              assertThat(entry.appointment()).contains(confirmed.booking().id());
              assertThat(entry.reference()).as("the reference went with the data").isEmpty();
              assertThat(entry.detail()).isEqualTo("CONFIRMED -> CANCELLED");
            });
  }

  @Test
  void staffOfAnotherOfficeReachNothingAndAStaffDownloadIsAudited() {
    BookingResult.Confirmed confirmed = booked(NINE);
    BookingAccess elsewhere =
        BookingAccess.byStaff(
            new AccessGrant("clerk-99", AccessRole.STAFF, ImmutableSet.of(OTHER_OFFICE)));

    assertThat(privacy.download(reference(confirmed), elsewhere)).isEmpty();
    assertThat(privacy.erase(reference(confirmed), elsewhere))
        .isEqualTo(new Refused(RefusalReason.NOT_FOUND, "unknown booking"));
    assertThat(auditEntries())
        .extracting(AuditEntry::action)
        .doesNotContain(AuditAction.VIEWED_BOOKING, AuditAction.ERASED);

    assertThat(privacy.download(reference(confirmed), CLERK)).isPresent();
    assertThat(auditEntries())
        .extracting(AuditEntry::action)
        .endsWith(AuditAction.VIEWED_BOOKING, AuditAction.VIEWED_HISTORY);
    assertThat(privacy.download(reference(confirmed), token(confirmed))).isPresent();
    assertThat(auditEntries()).as("a citizen reading their own data is not recorded").hasSize(3);
  }

  private List<AuditEntry> auditEntries() {
    return bookings.auditLog().read(AuditLog.Query.firstPage(OFFICE, 500)).entries().stream()
        .map(AuditLog.Logged::entry)
        .toList();
  }

  @Test
  void administratorsSetAnOfficesRetentionPeriod() {
    assertThat(privacy.retentionPeriod(OFFICE)).contains(RetentionPeriod.DEFAULT);

    assertThat(
            privacy.setRetentionPeriod(OFFICE, RetentionPeriod.ofDays(90), Actor.staff("admin-1")))
        .isEmpty();

    assertThat(privacy.retentionPeriod(OFFICE)).contains(RetentionPeriod.ofDays(90));
    assertThat(auditEntries())
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.CONFIGURED);
              assertThat(entry.actor()).isEqualTo(Actor.staff("admin-1"));
              assertThat(entry.detail()).isEqualTo("retention period: 90 days");
            });
    assertThat(privacy.retentionPeriod(OfficeId.of("nowhere"))).isEmpty();
    assertThat(
            privacy.setRetentionPeriod(
                OfficeId.of("nowhere"), RetentionPeriod.ofDays(90), Actor.staff("admin-1")))
        .hasValueSatisfying(
            refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.NOT_FOUND));
  }
}
