package org.opentermin.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.OTHER_OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.audit.AuditEntry;
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
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.AuditLog.Logged;
import org.opentermin.ports.out.AuditLog.Page;
import org.opentermin.ports.out.AuditLog.Query;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.Confirmation;
import org.opentermin.ports.out.BookingStore.HoldInsertion;
import org.opentermin.ports.out.BookingStore.Rescheduling;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;

/**
 * Every {@link AuditLog} MUST pass this, together with the {@link BookingStore} of the same
 * adapter: that store records each booking change in this log in the same step. Subclasses supply
 * fresh stores that share one backing storage; the catalog is filled with {@link
 * ContractFixtures#fill} before each test.
 */
public abstract class AuditLogContract {

  private static final Actor CASEWORKER = Actor.staff("t-4711");
  private static final Actor OTHER_CASEWORKER = Actor.staff("t-0815");
  private static final byte[] TOKEN_HASH =
      "token-hash-32-bytes-long-exactly".getBytes(StandardCharsets.UTF_8);
  private static final Citizen CITIZEN =
      new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.empty());
  private static final Instant NINE = at(MONDAY_DATE, 9, 0);

  private AuditLog log;
  private BookingStore bookings;
  private int nextId;

  /** The stores under test, sharing one backing storage, all empty. */
  public record Stores(CatalogStore catalog, BookingStore bookings, AuditLog auditLog) {}

  protected abstract Stores newStores();

  @BeforeEach
  void createStores() {
    Stores stores = newStores();
    ContractFixtures.fill(stores.catalog());
    log = stores.auditLog();
    bookings = stores.bookings();
  }

  private static AuditEntry dayRead(Instant at, Actor actor, int day) {
    return AuditEntry.readDay(at, actor, OFFICE, MONDAY_DATE.plusDays(day));
  }

  private List<AuditEntry> all() {
    return log.read(Query.firstPage(OFFICE, Query.MAXIMUM_LIMIT)).entries().stream()
        .map(Logged::entry)
        .toList();
  }

  private AppointmentId newId() {
    return new AppointmentId(OFFICE, new UUID(4711, nextId++));
  }

  /**
   * A booking confirmed by the citizen at {@code start} on {@code resource}, with {@code
   * reference}.
   */
  private Booking booked(ResourceId resource, Instant start, String reference) {
    Hold hold = placedHold(resource, start);
    BookingEvent event =
        new BookingEvent(
            hold.id(), NOW, Actor.CITIZEN, AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, "");
    assertThat(
            bookings
                .confirm(
                    ConfirmClaim.of(
                        hold.id(),
                        EnumSet.allOf(Channel.class),
                        new BookingReference(reference),
                        TOKEN_HASH,
                        CITIZEN,
                        NOW,
                        event))
                .outcome())
        .isEqualTo(Confirmation.CONFIRMED);
    return hold.confirmed(new BookingReference(reference), CITIZEN);
  }

  private Hold placedHold(ResourceId resource, Instant start) {
    Hold hold =
        Appointment.hold(
            newId(),
            resource,
            start,
            start.plus(Duration.ofMinutes(30)),
            List.of(new BookedService(BASIC_INCOME.id(), 1)),
            Channel.ONLINE,
            NOW.plus(Duration.ofMinutes(10)));
    HoldClaim claim =
        new HoldClaim(
            hold.id(),
            ImmutableList.of(resource),
            hold.start(),
            hold.end(),
            hold.services(),
            hold.channel(),
            hold.expiresAt());
    assertThat(bookings.placeHold(claim, Optional.empty(), NOW).outcome())
        .isEqualTo(HoldInsertion.INSERTED);
    return hold;
  }

  @Test
  void entriesComeBackInTheOrderTheyWereAppendedWithGrowingPositions() {
    log.append(dayRead(NOW.plusSeconds(2), CASEWORKER, 0));
    log.append(dayRead(NOW, OTHER_CASEWORKER, 1));
    log.append(dayRead(NOW.plusSeconds(1), CASEWORKER, 2));

    Page page = log.read(Query.firstPage(OFFICE, 10));

    assertThat(page.entries())
        .extracting(logged -> logged.entry().detail())
        .containsExactly(
            MONDAY_DATE.toString(),
            MONDAY_DATE.plusDays(1).toString(),
            MONDAY_DATE.plusDays(2).toString());
    assertThat(page.entries())
        .extracting(Logged::position)
        .isSorted()
        .doesNotHaveDuplicates()
        .allMatch(position -> position > 0);
    assertThat(page.next()).isEmpty();
  }

  @Test
  void anOfficeSeesOnlyItsOwnEntries() {
    log.append(dayRead(NOW, CASEWORKER, 0));
    log.append(AuditEntry.readDay(NOW, OTHER_CASEWORKER, OTHER_OFFICE, MONDAY_DATE));

    assertThat(all()).extracting(AuditEntry::office).containsExactly(OFFICE);
    assertThat(log.read(Query.firstPage(OTHER_OFFICE, 10)).entries())
        .extracting(logged -> logged.entry().actor())
        .containsExactly(OTHER_CASEWORKER);
  }

  @Test
  void pagesFollowEachOtherWithoutGapOrRepetition() {
    for (int day = 0; day < 7; day++) {
      log.append(dayRead(NOW.plusSeconds(day), CASEWORKER, day));
      log.append(AuditEntry.readDay(NOW, CASEWORKER, OTHER_OFFICE, MONDAY_DATE));
    }

    List<String> read = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    Query query = Query.firstPage(OFFICE, 3);
    while (true) {
      Page page = log.read(query);
      sizes.add(page.entries().size());
      page.entries().forEach(logged -> read.add(logged.entry().detail()));
      if (page.next().isEmpty()) {
        break;
      }
      query = query.after(page.next().getAsLong());
    }

    assertThat(sizes).containsExactly(3, 3, 1);
    assertThat(read).hasSize(7).doesNotHaveDuplicates().first().isEqualTo(MONDAY_DATE.toString());
  }

  @Test
  void aPageThatHoldsTheLastEntryHasNoNext() {
    for (int day = 0; day < 4; day++) {
      log.append(dayRead(NOW, CASEWORKER, day));
    }

    Page first = log.read(Query.firstPage(OFFICE, 2));
    Page second = log.read(Query.firstPage(OFFICE, 2).after(first.next().orElseThrow()));

    assertThat(first.next()).hasValue(first.entries().get(1).position());
    assertThat(second.entries()).hasSize(2);
    assertThat(second.next()).isEmpty();
  }

  @Test
  void theTimeRangeIncludesItsStartAndExcludesItsEnd() {
    Instant eight = at(MONDAY_DATE, 8, 0);
    log.append(dayRead(eight.minusNanos(1000), CASEWORKER, 0));
    log.append(dayRead(eight, CASEWORKER, 1));
    log.append(dayRead(eight.plusSeconds(3599), CASEWORKER, 2));
    log.append(dayRead(eight.plusSeconds(3600), CASEWORKER, 3));

    Page page =
        log.read(
            new Query(OFFICE, Optional.of(eight), Optional.of(eight.plusSeconds(3600)), 0, 10));

    assertThat(page.entries())
        .extracting(logged -> logged.entry().at())
        .containsExactly(eight, eight.plusSeconds(3599));
    assertThat(log.read(new Query(OFFICE, Optional.of(eight), Optional.empty(), 0, 10)).entries())
        .hasSize(3);
    assertThat(log.read(new Query(OFFICE, Optional.empty(), Optional.of(eight), 0, 10)).entries())
        .hasSize(1);
  }

  @Test
  void everyKindOfEntryIsKeptAsAppended() {
    Booking booking = booked(ANNA, NINE, "K7M2QX9P");
    AuditEntry read =
        AuditEntry.readBooking(
            NOW.plusNanos(123_000), CASEWORKER, AuditAction.VIEWED_HISTORY, booking);
    AuditEntry configured =
        AuditEntry.ofOffice(
            NOW,
            Actor.staff("t-admin"),
            AuditAction.CONFIGURED,
            OFFICE,
            "closure on 2026-12-24 (Heiligabend, Büro geschlossen)");
    AuditEntry bySystem =
        AuditEntry.ofOffice(NOW, Actor.SYSTEM, AuditAction.VIEWED_WAITING_LIST, OFFICE, "");

    log.append(read);
    log.append(configured);
    log.append(bySystem);

    assertThat(all()).endsWith(read, configured, bySystem);
  }

  @Test
  void aConfirmationIsRecordedAsBookedWithItsReference() {
    Booking booking = booked(ANNA, NINE, "K7M2QX9P");

    assertThat(all())
        .singleElement()
        .isEqualTo(
            new AuditEntry(
                NOW,
                Actor.CITIZEN,
                AuditAction.BOOKED,
                OFFICE,
                Optional.of(booking.id()),
                Optional.of(new BookingReference("K7M2QX9P")),
                "HELD -> CONFIRMED"));
  }

  @Test
  void statusChangesAndMovesAreRecordedWithWhoAndWhen() {
    Booking first = booked(ANNA, NINE, "K7M2QX9P");
    Booking second = booked(BEN, NINE, "P9XQ2M7K");
    Instant later = NOW.plusSeconds(60);
    Appointment newTime = placedHold(ANNA, NINE.plus(Duration.ofHours(1)));

    assertThat(
            bookings.changeStatus(
                first.id(),
                AppointmentStatus.CONFIRMED,
                new BookingEvent(
                    first.id(),
                    later,
                    CASEWORKER,
                    AppointmentStatus.CONFIRMED,
                    AppointmentStatus.CHECKED_IN,
                    "")))
        .isTrue();
    assertThat(
            bookings.changeStatus(
                first.id(),
                AppointmentStatus.CHECKED_IN,
                new BookingEvent(
                    first.id(),
                    later,
                    CASEWORKER,
                    AppointmentStatus.CHECKED_IN,
                    AppointmentStatus.COMPLETED,
                    "")))
        .isTrue();
    assertThat(
            bookings.reschedule(
                second.id(),
                newTime.id(),
                later,
                new BookingEvent(
                    second.id(),
                    later,
                    Actor.CITIZEN,
                    AppointmentStatus.CONFIRMED,
                    AppointmentStatus.CONFIRMED,
                    "moved"),
                OptionalInt.empty()))
        .isEqualTo(Rescheduling.MOVED);
    assertThat(
            bookings.changeStatus(
                second.id(),
                AppointmentStatus.CONFIRMED,
                new BookingEvent(
                    second.id(),
                    later,
                    OTHER_CASEWORKER,
                    AppointmentStatus.CONFIRMED,
                    AppointmentStatus.NO_SHOW,
                    "")))
        .isTrue();

    assertThat(all().subList(2, all().size()))
        .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::reference, AuditEntry::at)
        .containsExactly(
            tuple(
                AuditAction.CHECKED_IN,
                CASEWORKER,
                Optional.of(new BookingReference("K7M2QX9P")),
                later),
            tuple(
                AuditAction.COMPLETED,
                CASEWORKER,
                Optional.of(new BookingReference("K7M2QX9P")),
                later),
            tuple(
                AuditAction.RESCHEDULED,
                Actor.CITIZEN,
                Optional.of(new BookingReference("P9XQ2M7K")),
                later),
            tuple(
                AuditAction.MARKED_NO_SHOW,
                OTHER_CASEWORKER,
                Optional.of(new BookingReference("P9XQ2M7K")),
                later));
  }

  @Test
  void aCancellationIsRecordedWithoutTheReasonTheCitizenGave() {
    Booking booking = booked(ANNA, NINE, "K7M2QX9P");

    bookings.changeStatus(
        booking.id(),
        AppointmentStatus.CONFIRMED,
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CANCELLED,
            "Erika ist krank"));

    assertThat(all())
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.CANCELLED);
              assertThat(entry.detail())
                  .isEqualTo("CONFIRMED -> CANCELLED")
                  .doesNotContain("Erika");
            });
  }

  @Test
  void aChangeTheStoreRefusesLeavesNoEntry() {
    Booking booking = booked(ANNA, NINE, "K7M2QX9P");

    assertThat(
            bookings.changeStatus(
                booking.id(),
                AppointmentStatus.CHECKED_IN,
                new BookingEvent(
                    booking.id(),
                    NOW,
                    CASEWORKER,
                    AppointmentStatus.CHECKED_IN,
                    AppointmentStatus.COMPLETED,
                    "")))
        .isFalse();

    assertThat(all()).extracting(AuditEntry::action).containsExactly(AuditAction.BOOKED);
  }
}
