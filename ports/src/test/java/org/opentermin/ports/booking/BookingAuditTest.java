package org.opentermin.ports.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
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
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Service;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.contract.MutableClock;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.in.ViewDay;
import org.opentermin.ports.memory.InMemoryAuditLog;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.RandomSource;

/**
 * Staff see only their own offices' bookings, and every look and every change is in the audit log.
 */
class BookingAuditTest {

  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final Citizen ERIKA =
      new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.of("+49 89 1234"));
  private static final AccessGrant CASEWORKER =
      new AccessGrant("t-nord", AccessRole.STAFF, ImmutableSet.of(OFFICE));
  private static final AccessGrant OTHER_CASEWORKER =
      new AccessGrant("t-sued", AccessRole.STAFF, ImmutableSet.of(OTHER_OFFICE));
  private static final AccessGrant ADMIN =
      new AccessGrant("t-admin", AccessRole.ADMIN, ImmutableSet.of());

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

  private BookingResult.Confirmed booked(Service service, Instant start) {
    HoldResult held =
        this.service.hold(
            new HoldSlot.Command(
                OFFICE,
                ImmutableList.of(new ServiceRequest(service.id(), 1)),
                start,
                Channel.ONLINE,
                Actor.CITIZEN,
                Optional.empty()));
    Hold hold = ((HoldResult.Held) held).hold();
    return (BookingResult.Confirmed)
        this.service.confirm(
            new ConfirmBooking.Command(hold.id(), ERIKA, Actor.CITIZEN, Optional.empty()));
  }

  private List<AuditEntry> audited() {
    return bookings
        .auditLog()
        .read(AuditLog.Query.firstPage(OFFICE, AuditLog.Query.MAXIMUM_LIMIT))
        .entries()
        .stream()
        .map(AuditLog.Logged::entry)
        .toList();
  }

  @Test
  void staffOfAnotherOfficeFindNothingThereAndChangeNothing() {
    BookingReference reference = booked(BASIC_INCOME, NINE).booking().reference();
    BookingAccess stranger = BookingAccess.byStaff(OTHER_CASEWORKER);

    assertThat(service.find(reference, stranger)).isEmpty();
    assertThat(service.history(reference, stranger)).isEmpty();
    assertThat(service.cancel(reference, stranger, ""))
        .isInstanceOfSatisfying(
            Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.NOT_FOUND));
    assertThat(service.find(reference, BookingAccess.byStaff(CASEWORKER)).orElseThrow().status())
        .isEqualTo(AppointmentStatus.CONFIRMED);
    assertThat(audited()).extracting(AuditEntry::actor).doesNotContain(Actor.staff("t-sued"));
  }

  @Test
  void adminsReachEveryOffice() {
    BookingReference reference = booked(BASIC_INCOME, NINE).booking().reference();

    assertThat(service.find(reference, BookingAccess.byStaff(ADMIN))).isPresent();
  }

  @Test
  void staffReadingABookingAndItsHistoryIsRecordedWithTheReference() {
    BookingReference reference = booked(BASIC_INCOME, NINE).booking().reference();
    clock.set(NINE.minusSeconds(600));

    service.find(reference, BookingAccess.byStaff(CASEWORKER));
    service.history(reference, BookingAccess.byStaff(CASEWORKER));

    assertThat(audited())
        .filteredOn(entry -> entry.action().isRead())
        .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::reference, AuditEntry::at)
        .containsExactly(
            tuple(
                AuditAction.VIEWED_BOOKING,
                Actor.staff("t-nord"),
                Optional.of(reference),
                NINE.minusSeconds(600)),
            tuple(
                AuditAction.VIEWED_HISTORY,
                Actor.staff("t-nord"),
                Optional.of(reference),
                NINE.minusSeconds(600)));
  }

  @Test
  void theCitizenReadingTheirOwnBookingIsNotAStaffRead() {
    BookingResult.Confirmed confirmed = booked(BASIC_INCOME, NINE);

    service.find(confirmed.booking().reference(), BookingAccess.byToken(confirmed.manageToken()));

    assertThat(audited()).extracting(AuditEntry::action).containsExactly(AuditAction.BOOKED);
  }

  @Test
  void theDayViewIsRecordedWithItsDateAndViewer() {
    booked(BASIC_INCOME, NINE);

    assertThat(((ViewDay.Day) service.bookingsOn(OFFICE, MONDAY_DATE, CASEWORKER)).bookings())
        .hasSize(1);

    assertThat(audited())
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.VIEWED_DAY);
              assertThat(entry.actor()).isEqualTo(Actor.staff("t-nord"));
              assertThat(entry.detail()).isEqualTo(MONDAY_DATE.toString());
              assertThat(entry.at()).isEqualTo(NOW);
            });
  }

  @Test
  void aDayOfAnUnknownOfficeIsNeitherShownNorRecorded() {
    assertThat(service.bookingsOn(OfficeId.of("nowhere"), MONDAY_DATE, ADMIN))
        .isInstanceOfSatisfying(
            Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.NOT_FOUND));

    assertThat(
            bookings
                .auditLog()
                .read(AuditLog.Query.firstPage(OfficeId.of("nowhere"), 10))
                .entries())
        .isEmpty();
  }

  @Test
  void withoutAnAuditEntryNobodySeesTheData() {
    BookingReference reference = booked(BASIC_INCOME, NINE).booking().reference();
    BookingServices unaudited =
        BookingServices.of(
            catalog,
            bookings,
            new RefusingAuditLog(),
            clock,
            RandomSource.seeded(1),
            new InMemorySpentChallenges(),
            new InMemoryHoldRates());

    assertThatThrownBy(() -> unaudited.find(reference, BookingAccess.byStaff(CASEWORKER)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> unaudited.bookingsOn(OFFICE, MONDAY_DATE, CASEWORKER))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void staffOfAnotherOfficeAreRefusedTheDayAndTheirAttemptReadsNothing() {
    booked(BASIC_INCOME, NINE);

    assertThat(service.bookingsOn(OFFICE, MONDAY_DATE, OTHER_CASEWORKER))
        .isInstanceOfSatisfying(
            Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.NOT_PERMITTED));
    assertThat(audited()).extracting(AuditEntry::action).doesNotContain(AuditAction.VIEWED_DAY);
  }

  @Test
  void anAdminSeesTheDayOfEveryOfficeAndIsRecordedAsTheViewer() {
    booked(BASIC_INCOME, NINE);

    assertThat(service.bookingsOn(OFFICE, MONDAY_DATE, ADMIN))
        .isInstanceOfSatisfying(ViewDay.Day.class, day -> assertThat(day.bookings()).hasSize(1));
    assertThat(audited())
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.VIEWED_DAY);
              assertThat(entry.actor()).isEqualTo(Actor.staff("t-admin"));
            });
  }

  @Test
  void everyChangeByCitizenAndStaffIsRecordedByTheStore() {
    BookingResult.Confirmed confirmed = booked(BASIC_INCOME, NINE);
    BookingReference reference = confirmed.booking().reference();
    clock.set(at(MONDAY_DATE, 8, 50));

    service.checkIn(reference, BookingAccess.byStaff(CASEWORKER));
    service.complete(reference, BookingAccess.byStaff(CASEWORKER));

    assertThat(audited())
        .extracting(AuditEntry::action, AuditEntry::actor)
        .containsExactly(
            tuple(AuditAction.BOOKED, Actor.CITIZEN),
            tuple(AuditAction.CHECKED_IN, Actor.staff("t-nord")),
            tuple(AuditAction.COMPLETED, Actor.staff("t-nord")));
    assertThat(audited()).allSatisfy(entry -> assertThat(entry.reference()).contains(reference));
  }

  @Test
  void aRefusalNeverNamesASensitiveServiceButNamesAPlainOne() {
    Refused sensitive =
        (Refused)
            service.hold(
                new HoldSlot.Command(
                    OFFICE,
                    ImmutableList.of(new ServiceRequest(BASIC_INCOME.id(), 3)),
                    NINE,
                    Channel.ONLINE,
                    Actor.CITIZEN,
                    Optional.empty()));
    Refused plain =
        (Refused)
            service.hold(
                new HoldSlot.Command(
                    OFFICE,
                    ImmutableList.of(new ServiceRequest(HOUSING.id(), 4)),
                    NINE,
                    Channel.ONLINE,
                    Actor.CITIZEN,
                    Optional.empty()));

    assertThat(BASIC_INCOME.sensitive()).isTrue();
    assertThat(sensitive.reason()).isEqualTo(RefusalReason.INVALID_REQUEST);
    assertThat(sensitive.detail())
        .doesNotContain(BASIC_INCOME.id().value(), BASIC_INCOME.name())
        .contains("1 to 2 persons");
    assertThat(plain.detail()).contains(HOUSING.id().value());
  }

  /** An audit log whose storage is gone: every append fails. */
  private static final class RefusingAuditLog implements AuditLog {
    private final InMemoryAuditLog nothing = new InMemoryAuditLog();

    @Override
    public void append(AuditEntry entry) {
      throw new IllegalStateException("the audit log cannot be written");
    }

    @Override
    public Page read(Query query) {
      return nothing.read(query);
    }
  }
}
