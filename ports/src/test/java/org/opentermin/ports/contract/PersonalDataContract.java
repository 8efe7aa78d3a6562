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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.opentermin.core.booking.ErasedBooking;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.fairness.Cancellation;
import org.opentermin.core.fairness.WaitingListEntryId;
import org.opentermin.core.privacy.RetentionPeriod;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.ClientQuota;
import org.opentermin.ports.out.BookingStore.Confirmation;
import org.opentermin.ports.out.BookingStore.HoldInsertion;
import org.opentermin.ports.out.BookingStore.IdempotencyRecord;
import org.opentermin.ports.out.BookingStore.IdentityQuota;
import org.opentermin.ports.out.BookingStore.Pseudonyms;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;
import org.opentermin.ports.out.LotteryStore;
import org.opentermin.ports.out.LotteryStore.Draw;
import org.opentermin.ports.out.LotteryStore.DrawKey;
import org.opentermin.ports.out.WaitingListStore;
import org.opentermin.ports.out.WaitingListStore.Status;

/**
 * What every adapter of the four stores MUST do with personal data: keep a booking's note, erase a
 * booking's personal data (alone, or in batches by the retention period) while it stays for
 * statistics, keep each office's retention period, and delete finished waiting-list and lottery
 * entries. Subclasses supply fresh stores sharing one backing storage; the catalog is filled with
 * {@link ContractFixtures#fill} before each test.
 */
public abstract class PersonalDataContract {

  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final Instant HOLD_EXPIRY = NOW.plus(Duration.ofMinutes(10));
  private static final byte[] TOKEN_HASH =
      "token-hash-32-bytes-long-exactly".getBytes(StandardCharsets.UTF_8);
  private static final Citizen ERIKA =
      new Citizen(
          "Erika Mustermann",
          Optional.of("erika@example.org"),
          Optional.of("+49 89 1234567"),
          Optional.of("Bitte barrierefreier Raum"));
  private static final String PERSONAL_REASON = "Ich bin leider im Krankenhaus";

  private CatalogStore catalog;
  private BookingStore bookings;
  private WaitingListStore waitingList;
  private LotteryStore lottery;
  private AuditLog audit;
  private int nextId;

  /** The stores under test, sharing one backing storage, all empty. */
  public record Stores(
      CatalogStore catalog,
      BookingStore bookings,
      WaitingListStore waitingList,
      LotteryStore lottery,
      AuditLog audit) {}

  protected abstract Stores newStores();

  @BeforeEach
  void createStores() {
    Stores stores = newStores();
    catalog = stores.catalog();
    ContractFixtures.fill(catalog);
    bookings = stores.bookings();
    waitingList = stores.waitingList();
    lottery = stores.lottery();
    audit = stores.audit();
  }

  /** The last audit entry of the office. */
  private AuditEntry lastAudited(OfficeId office) {
    List<AuditLog.Logged> entries =
        audit.read(AuditLog.Query.firstPage(office, AuditLog.Query.MAXIMUM_LIMIT)).entries();
    return entries.get(entries.size() - 1).entry();
  }

  private AppointmentId newId(OfficeId office) {
    return new AppointmentId(office, new UUID(0xe4a5eL, nextId++));
  }

  private Hold hold(OfficeId office, ResourceId resource, Instant start) {
    Hold hold =
        Appointment.hold(
            newId(office),
            resource,
            start,
            start.plus(Duration.ofMinutes(30)),
            List.of(new BookedService(BASIC_INCOME.id(), 1)),
            Channel.ONLINE,
            HOLD_EXPIRY);
    HoldClaim claim =
        new HoldClaim(
            hold.id(),
            ImmutableList.of(resource),
            hold.start(),
            hold.end(),
            hold.services(),
            hold.channel(),
            HOLD_EXPIRY,
            Optional.of(new ClientQuota("client-" + nextId, 5)));
    assertThat(
            bookings
                .placeHold(
                    claim,
                    Optional.of(
                        new IdempotencyRecord(bytes("hold-key-" + nextId), "hold", new byte[0])),
                    NOW)
                .outcome())
        .isEqualTo(HoldInsertion.INSERTED);
    return hold;
  }

  /**
   * A booking of Erika's with everything a booking can carry: note, identity keys, client key, both
   * idempotency keys.
   */
  private Booking booked(OfficeId office, ResourceId resource, Instant start, String reference) {
    Hold hold = hold(office, resource, start);
    IdentityQuota quota =
        new IdentityQuota(
            ImmutableSet.of("key-" + reference),
            5,
            start.minus(Duration.ofDays(7)),
            start.plus(Duration.ofDays(7)));
    BookingStore.ConfirmResult result =
        bookings.confirm(
            ConfirmClaim.of(
                    hold.id(),
                    EnumSet.allOf(Channel.class),
                    new BookingReference(reference),
                    TOKEN_HASH,
                    ERIKA,
                    NOW,
                    confirmation(hold.id()))
                .withIdempotency(
                    Optional.of(
                        new IdempotencyRecord(
                            bytes("confirm-key-" + reference),
                            hold.id().toString(),
                            new byte[] {7, 7})))
                .withIdentityQuota(Optional.of(quota)));
    assertThat(result.outcome()).isEqualTo(Confirmation.CONFIRMED);
    return hold.confirmed(new BookingReference(reference), ERIKA);
  }

  private Booking booked(Instant start, String reference) {
    return booked(OFFICE, ANNA, start, reference);
  }

  private static BookingEvent confirmation(AppointmentId id) {
    return new BookingEvent(
        id, NOW, Actor.CITIZEN, AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, "");
  }

  private BookingEvent cancel(Appointment booking, Instant at, String reason) {
    BookingEvent event =
        new BookingEvent(
            booking.id(),
            at,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CANCELLED,
            reason);
    assertThat(bookings.changeStatus(booking.id(), AppointmentStatus.CONFIRMED, event)).isTrue();
    return event;
  }

  private static BookingEvent withoutNote(BookingEvent event) {
    return new BookingEvent(
        event.appointment(), event.at(), event.actor(), event.from(), event.to(), "");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theNoteIsKeptWithTheBookingAndReadBackEverywhere() {
    Booking booking = booked(NINE, "NQTE2345");

    assertThat(((Booking) bookings.find(booking.id()).orElseThrow()).citizen()).isEqualTo(ERIKA);
    assertThat(
            bookings
                .findByReference(new BookingReference("NQTE2345"))
                .orElseThrow()
                .booking()
                .citizen()
                .note())
        .contains("Bitte barrierefreier Raum");
    assertThat(bookings.bookings(OFFICE, NINE, NINE.plusSeconds(1))).containsExactly(booking);
  }

  @Test
  void aVideoBookingKeepsItsNoteAndLinkUntilErasureTakesBoth() {
    AppointmentId id = newId(OFFICE);
    HoldClaim claim =
        new HoldClaim(
            id,
            ImmutableList.of(BEN),
            NINE,
            NINE.plus(Duration.ofMinutes(30)),
            ImmutableList.of(new BookedService(BASIC_INCOME.id(), 1)),
            Channel.ONLINE,
            HOLD_EXPIRY,
            Optional.empty(),
            AppointmentMode.VIDEO);
    assertThat(bookings.placeHold(claim, Optional.empty(), NOW).outcome())
        .isEqualTo(HoldInsertion.INSERTED);
    VideoLink link = VideoLink.of("https://video.example.org/rooms/q7m2x9p4");
    assertThat(
            bookings
                .confirm(
                    ConfirmClaim.of(
                            id,
                            EnumSet.allOf(Channel.class),
                            new BookingReference("VQDE2345"),
                            TOKEN_HASH,
                            ERIKA,
                            NOW,
                            confirmation(id))
                        .withVideoLink(Optional.of(link)))
                .outcome())
        .isEqualTo(Confirmation.CONFIRMED);

    Booking booked = (Booking) bookings.find(id).orElseThrow();
    assertThat(booked.videoLink()).contains(link);
    assertThat(booked.citizen()).isEqualTo(ERIKA);

    Instant end = NINE.plus(Duration.ofMinutes(30));
    assertThat(bookings.eraseFinished(OFFICE, end, end, 10)).isEqualTo(1);

    Appointment erased = bookings.find(id).orElseThrow();
    assertThat(erased).isEqualTo(booked.erased(end));
    assertThat(erased).isInstanceOf(ErasedBooking.class);
    assertThat(erased.mode()).isEqualTo(AppointmentMode.VIDEO);
    assertThat(erased.status()).isEqualTo(AppointmentStatus.CONFIRMED);
  }

  @Test
  void aBookingShowsWhichPseudonymsItCarries() {
    Booking full = booked(NINE, "PSEU2345");
    Hold hold = hold(OFFICE, BEN, NINE);
    bookings.confirm(
        ConfirmClaim.of(
            hold.id(),
            EnumSet.allOf(Channel.class),
            new BookingReference("PSEU2346"),
            TOKEN_HASH,
            Citizen.named("Max"),
            NOW,
            confirmation(hold.id())));

    assertThat(bookings.pseudonyms(full.id())).contains(new Pseudonyms(true, true, true));
    assertThat(bookings.pseudonyms(hold.id()))
        .as("a hold key and a client key, no identity keys")
        .contains(new Pseudonyms(false, true, true));
    assertThat(bookings.pseudonyms(newId(OFFICE))).isEmpty();
  }

  @Test
  void erasingKeepsTheStatisticsAndForgetsEverythingPersonal() {
    Booking booking = booked(NINE, "ERAS2345");
    BookingEvent cancelled = cancel(booking, NOW.plusSeconds(60), PERSONAL_REASON);
    Instant erasedAt = NOW.plusSeconds(120);
    BookingEvent erasure =
        new BookingEvent(
            booking.id(),
            erasedAt,
            Actor.CITIZEN,
            AppointmentStatus.CANCELLED,
            AppointmentStatus.CANCELLED,
            BookingEvent.ERASURE_NOTE);

    assertThat(bookings.findByReference(new BookingReference("ERAS2345")))
        .as("found before erasure")
        .isPresent();
    assertThat(bookings.findByConfirmKey(OFFICE, bytes("confirm-key-ERAS2345")))
        .as("found before erasure")
        .isPresent();
    assertThat(bookings.findByHoldKey(OFFICE, bytes("hold-key-1")))
        .as("found before erasure")
        .isPresent();

    assertThat(bookings.erase(booking.id(), AppointmentStatus.CANCELLED, erasure)).isTrue();

    Appointment erased = booking.withStatus(AppointmentStatus.CANCELLED).erased(erasedAt);
    assertThat(bookings.find(booking.id())).contains(erased);
    assertThat(bookings.findByReference(new BookingReference("ERAS2345"))).isEmpty();
    assertThat(bookings.findByConfirmKey(OFFICE, bytes("confirm-key-ERAS2345"))).isEmpty();
    assertThat(bookings.findByHoldKey(OFFICE, bytes("hold-key-1"))).isEmpty();
    assertThat(bookings.pseudonyms(booking.id())).isEmpty();
    assertThat(bookings.history(booking.id()))
        .containsExactly(confirmation(booking.id()), withoutNote(cancelled), erasure);
    assertThat(bookings.bookings(OFFICE, NINE, NINE.plusSeconds(1))).containsExactly(erased);
    assertThat(bookings.cancellations(OFFICE, NINE, NINE.plusSeconds(1), NOW))
        .as("the quarantine still sees the cancelled time")
        .containsExactly(
            new Cancellation(booking.id(), ANNA, NINE, booking.end(), NOW.plusSeconds(60)));
    assertThat(lastAudited(OFFICE))
        .isEqualTo(
            new AuditEntry(
                erasedAt,
                Actor.CITIZEN,
                AuditAction.ERASED,
                OFFICE,
                Optional.of(booking.id()),
                Optional.empty(),
                "CANCELLED -> CANCELLED"));
  }

  @Test
  void aCancellationWhoseReasonReadsLikeAnErasureIsAuditedAsACancellation() {
    Booking booking = booked(NINE, "TYPE2345");

    cancel(booking, NOW.plusSeconds(60), BookingEvent.ERASURE_NOTE);

    assertThat(lastAudited(OFFICE).action()).isEqualTo(AuditAction.CANCELLED);
    assertThat(bookings.find(booking.id()).orElseThrow().isErased()).isFalse();
  }

  @Test
  void erasedBookingsNoLongerCountForTheIdentityOrClientLimits() {
    Booking booking = booked(NINE, "KYMW2345");
    Instant end = booking.end();
    BookingEvent erasure =
        new BookingEvent(
            booking.id(),
            end,
            Actor.staff("s-1"),
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CONFIRMED,
            BookingEvent.ERASURE_NOTE);

    assertThat(bookings.erase(booking.id(), AppointmentStatus.CONFIRMED, erasure)).isTrue();

    assertThat(
            bookings.activeBookings(
                OFFICE,
                ImmutableSet.of("key-KYMW2345"),
                ImmutableSet.of(BASIC_INCOME.id()),
                NINE.minus(Duration.ofDays(1)),
                NINE.plus(Duration.ofDays(1))))
        .isZero();
    assertThat(bookings.find(booking.id()).orElseThrow().status())
        .isEqualTo(AppointmentStatus.CONFIRMED);
  }

  @Test
  void anErasedBookingNeitherChangesNorMoves_soNothingTypedLandsInItsHistoryAfterwards() {
    Booking booking = booked(NINE, "GQNE2345");
    bookings.erase(
        booking.id(),
        AppointmentStatus.CONFIRMED,
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.staff("s-1"),
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CONFIRMED,
            BookingEvent.ERASURE_NOTE));
    Hold later = hold(OFFICE, ANNA, NINE.plus(Duration.ofHours(1)));

    boolean cancelled =
        bookings.changeStatus(
            booking.id(),
            AppointmentStatus.CONFIRMED,
            new BookingEvent(
                booking.id(),
                NOW,
                Actor.staff("s-1"),
                AppointmentStatus.CONFIRMED,
                AppointmentStatus.CANCELLED,
                "Frau Muster rief an"));
    BookingStore.Rescheduling moved =
        bookings.reschedule(
            booking.id(),
            later.id(),
            NOW,
            new BookingEvent(
                booking.id(),
                NOW,
                Actor.staff("s-1"),
                AppointmentStatus.CONFIRMED,
                AppointmentStatus.CONFIRMED,
                "moved"),
            OptionalInt.empty());

    assertThat(cancelled).isFalse();
    assertThat(moved).isNotEqualTo(BookingStore.Rescheduling.MOVED);
    assertThat(bookings.history(booking.id()))
        .extracting(BookingEvent::note)
        .doesNotContain("Frau Muster rief an", "moved");
  }

  @Test
  void erasingAnUpcomingBookingCancelsItAndFreesItsTime() {
    Booking booking = booked(NINE, "FREE2345");
    BookingEvent erasure =
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CANCELLED,
            BookingEvent.ERASURE_NOTE);

    assertThat(bookings.erase(booking.id(), AppointmentStatus.CONFIRMED, erasure)).isTrue();

    assertThat(bookings.find(booking.id()))
        .contains(booking.withStatus(AppointmentStatus.CANCELLED).erased(NOW));
    assertThat(bookings.busyPeriods(OFFICE, NINE, NINE.plusSeconds(60))).isEmpty();
    assertThat(bookings.cancellations(OFFICE, NINE, NINE.plusSeconds(1), NOW))
        .extracting(Cancellation::cancelledAt)
        .containsExactly(NOW);
    hold(OFFICE, ANNA, NINE);
  }

  @Test
  void erasureNeedsTheExpectedStatusAndHappensOnce() {
    Booking booking = booked(NINE, "QNCE2345");
    BookingEvent erasure =
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CANCELLED,
            BookingEvent.ERASURE_NOTE);
    BookingEvent fromCheckedIn =
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CHECKED_IN,
            AppointmentStatus.CHECKED_IN,
            BookingEvent.ERASURE_NOTE);
    Hold hold = hold(OFFICE, BEN, NINE);

    assertThat(bookings.erase(booking.id(), AppointmentStatus.CHECKED_IN, fromCheckedIn))
        .as("not checked in")
        .isFalse();
    assertThat(((Booking) bookings.find(booking.id()).orElseThrow()).citizen()).isEqualTo(ERIKA);
    assertThat(bookings.erase(booking.id(), AppointmentStatus.CONFIRMED, erasure)).isTrue();
    assertThat(bookings.erase(booking.id(), AppointmentStatus.CONFIRMED, erasure))
        .as("no longer confirmed")
        .isFalse();
    BookingEvent again =
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CANCELLED,
            AppointmentStatus.CANCELLED,
            BookingEvent.ERASURE_NOTE);
    assertThat(bookings.erase(booking.id(), AppointmentStatus.CANCELLED, again))
        .as("erased already")
        .isFalse();
    assertThat(bookings.history(booking.id())).hasSize(2);
    BookingEvent ofHold =
        new BookingEvent(
            hold.id(), NOW, Actor.CITIZEN, AppointmentStatus.HELD, AppointmentStatus.HELD, "");
    assertThat(bookings.erase(hold.id(), AppointmentStatus.HELD, ofHold)).as("a hold").isFalse();
    assertThat(bookings.find(hold.id())).contains(hold);
  }

  @Test
  void theReferenceOfAnErasedBookingIsFreeAgain() {
    Booking booking = booked(NINE, "REUS2345");
    bookings.erase(
        booking.id(),
        AppointmentStatus.CONFIRMED,
        new BookingEvent(
            booking.id(),
            NOW,
            Actor.CITIZEN,
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.CANCELLED,
            BookingEvent.ERASURE_NOTE));

    Booking other = booked(OFFICE, BEN, NINE, "REUS2345");

    assertThat(
            bookings.findByReference(new BookingReference("REUS2345")).orElseThrow().booking().id())
        .isEqualTo(other.id());
  }

  @Test
  void theRetentionBatchErasesWhatEndedAtOrBeforeTheInstantAndNothingLater() {
    Booking early = booked(NINE, "EARY2345");
    Booking later = booked(NINE.plus(Duration.ofHours(1)), "MATE2345");
    Booking elsewhere = booked(OTHER_OFFICE, ANNA, NINE, "EXSE2345");
    Instant now = NINE.plus(Duration.ofDays(40));

    assertThat(bookings.eraseFinished(OFFICE, early.end().minus(1, ChronoUnit.MICROS), now, 10))
        .as("a microsecond before")
        .isZero();
    assertThat(bookings.eraseFinished(OFFICE, early.end(), now, 10)).as("at the end").isEqualTo(1);

    assertThat(bookings.find(early.id())).contains(early.erased(now));
    assertThat(bookings.history(early.id()))
        .containsExactly(
            confirmation(early.id()),
            new BookingEvent(
                early.id(),
                now,
                Actor.SYSTEM,
                AppointmentStatus.CONFIRMED,
                AppointmentStatus.CONFIRMED,
                BookingEvent.ERASURE_NOTE));
    assertThat(lastAudited(OFFICE))
        .isEqualTo(
            new AuditEntry(
                now,
                Actor.SYSTEM,
                AuditAction.ERASED,
                OFFICE,
                Optional.of(early.id()),
                Optional.empty(),
                "CONFIRMED -> CONFIRMED"));
    assertThat(((Booking) bookings.find(later.id()).orElseThrow()).citizen()).isEqualTo(ERIKA);
    assertThat(((Booking) bookings.find(elsewhere.id()).orElseThrow()).citizen()).isEqualTo(ERIKA);
    assertThat(bookings.eraseFinished(OFFICE, early.end(), now, 10)).as("idempotent").isZero();
  }

  @Test
  void theRetentionBatchCountsACancelledBookingFromItsCancellation() {
    Booking farAhead = booked(NINE.plus(Duration.ofDays(50)), "CANC2345");
    Instant cancelledAt = NOW.plusSeconds(30);
    cancel(farAhead, cancelledAt, PERSONAL_REASON);

    assertThat(
            bookings.eraseFinished(
                OFFICE, cancelledAt.minus(1, ChronoUnit.MICROS), NOW.plus(Duration.ofDays(30)), 10))
        .isZero();
    assertThat(bookings.eraseFinished(OFFICE, cancelledAt, NOW.plus(Duration.ofDays(30)), 10))
        .isEqualTo(1);

    Appointment erased = bookings.find(farAhead.id()).orElseThrow();
    assertThat(erased.status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(erased.isErased()).isTrue();
    assertThat(bookings.history(farAhead.id()))
        .extracting(BookingEvent::note)
        .containsExactly("", "", BookingEvent.ERASURE_NOTE);
  }

  @Test
  void theRetentionBatchErasesAtMostItsLimitAndNeverHolds() {
    for (int i = 0; i < 5; i++) {
      booked(NINE.plus(Duration.ofMinutes(30L * i)), "BATC234" + (char) ('A' + i));
    }
    Hold hold = hold(OFFICE, BEN, NINE);
    Instant finishedBy = NINE.plus(Duration.ofDays(1));

    assertThat(bookings.eraseFinished(OFFICE, finishedBy, finishedBy, 2)).isEqualTo(2);
    assertThat(bookings.eraseFinished(OFFICE, finishedBy, finishedBy, 2)).isEqualTo(2);
    assertThat(bookings.eraseFinished(OFFICE, finishedBy, finishedBy, 2)).isEqualTo(1);
    assertThat(bookings.eraseFinished(OFFICE, finishedBy, finishedBy, 2)).isZero();
    assertThat(bookings.bookings(OFFICE, NINE, finishedBy))
        .isNotEmpty()
        .allSatisfy(booking -> assertThat(booking.isErased()).isTrue());
    assertThat(bookings.find(hold.id())).contains(hold);
  }

  @Test
  void concurrentRetentionBatchesEraseEveryBookingExactlyOnce() throws Exception {
    List<Appointment> made = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      made.add(
          booked(
              OFFICE,
              i % 2 == 0 ? ANNA : BEN,
              NINE.plus(Duration.ofMinutes(30L * (i / 2))),
              "CQNC2" + BookingReference.ALPHABET.charAt(i) + "AB"));
    }
    Instant finishedBy = NINE.plus(Duration.ofDays(1));
    Callable<Integer> run =
        () -> {
          int total = 0;
          int batch;
          do {
            batch = bookings.eraseFinished(OFFICE, finishedBy, finishedBy, 3);
            total += batch;
          } while (batch > 0);
          return total;
        };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    int erased = 0;
    try {
      for (Future<Integer> result : pool.invokeAll(List.of(run, run, run, run))) {
        erased += result.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(erased).isEqualTo(made.size());
    for (Appointment booking : made) {
      assertThat(bookings.history(booking.id()))
          .extracting(BookingEvent::note)
          .containsExactly("", BookingEvent.ERASURE_NOTE);
    }
  }

  @Test
  void everyOfficeKeepsTheDefaultRetentionPeriodUntilItSetsItsOwn() {
    long version = catalog.scheduleVersion(OFFICE);

    assertThat(catalog.retentionPeriod(OFFICE)).contains(RetentionPeriod.DEFAULT);
    catalog.saveRetentionPeriod(OFFICE, RetentionPeriod.ofDays(7));
    catalog.saveRetentionPeriod(OFFICE, RetentionPeriod.ofDays(3650));

    assertThat(catalog.retentionPeriod(OFFICE)).contains(RetentionPeriod.ofDays(3650));
    assertThat(catalog.retentionPeriod(OTHER_OFFICE)).contains(RetentionPeriod.DEFAULT);
    assertThat(catalog.retentionPeriod(OfficeId.of("unknown"))).isEmpty();
    assertThat(catalog.scheduleVersion(OFFICE)).as("not part of the schedule").isEqualTo(version);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> catalog.saveRetentionPeriod(OfficeId.of("unknown"), RetentionPeriod.DEFAULT));
  }

  private WaitingListEntryId waitingEntry(
      OfficeId office, String key, DateRange dates, Instant at) {
    WaitingListEntryId id = new WaitingListEntryId(office, new UUID(0xa17L, nextId++));
    WaitingListStore.Entry entry =
        new WaitingListStore.Entry(
            id,
            ImmutableList.of(new BookedService(BASIC_INCOME.id(), 1)),
            dates,
            ERIKA.withoutNote(),
            ImmutableSet.of(key),
            TOKEN_HASH,
            at,
            Status.WAITING,
            Optional.empty(),
            at);
    assertThat(waitingList.add(entry)).isEqualTo(WaitingListStore.Addition.ADDED);
    return id;
  }

  @Test
  void waitingListEntriesAreDeletedOnceClosedOrPastLongEnough() {
    DateRange week = DateRange.closed(MONDAY_DATE, MONDAY_DATE.plusDays(4));
    DateRange laterWeek = DateRange.closed(MONDAY_DATE.plusDays(7), MONDAY_DATE.plusDays(11));
    WaitingListEntryId withdrawn = waitingEntry(OFFICE, "key-w", laterWeek, NOW);
    WaitingListEntryId withdrawnLater = waitingEntry(OFFICE, "key-l", laterWeek, NOW);
    WaitingListEntryId stillWaiting = waitingEntry(OFFICE, "key-s", laterWeek, NOW);
    WaitingListEntryId forgotten = waitingEntry(OFFICE, "key-f", week, NOW);
    WaitingListEntryId elsewhere = waitingEntry(OTHER_OFFICE, "key-e", week, NOW);
    Instant closed = NOW.plusSeconds(60);
    assertThat(waitingList.changeStatus(withdrawn, Status.WAITING, Status.WITHDRAWN, closed))
        .isTrue();
    assertThat(
            waitingList.changeStatus(
                withdrawnLater, Status.WAITING, Status.WITHDRAWN, closed.plusSeconds(1)))
        .isTrue();
    assertThat(waitingList.changeStatus(elsewhere, Status.WAITING, Status.WITHDRAWN, closed))
        .isTrue();
    LocalDate afterTheWeek = week.endExclusive();

    assertThat(
            waitingList.deleteFinished(
                OFFICE, closed.minus(1, ChronoUnit.MICROS), afterTheWeek.minusDays(1), 10))
        .isZero();
    assertThat(waitingList.deleteFinished(OFFICE, closed, afterTheWeek, 10)).isEqualTo(2);

    assertThat(waitingList.find(withdrawn)).isEmpty();
    assertThat(waitingList.find(forgotten)).as("its dates passed while it still waited").isEmpty();
    assertThat(waitingList.find(withdrawnLater)).isPresent();
    assertThat(waitingList.find(stillWaiting)).isPresent();
    assertThat(waitingList.find(elsewhere)).isPresent();
    assertThat(waitingList.deleteFinished(OFFICE, closed, afterTheWeek, 10)).isZero();
  }

  @Test
  void waitingListDeletionsStopAtTheLimit() {
    for (int i = 0; i < 3; i++) {
      WaitingListEntryId id =
          waitingEntry(OFFICE, "key-" + i, DateRange.closed(MONDAY_DATE, MONDAY_DATE), NOW);
      waitingList.changeStatus(id, Status.WAITING, Status.EXPIRED, NOW);
    }

    assertThat(waitingList.deleteFinished(OFFICE, NOW, MONDAY_DATE, 2)).isEqualTo(2);
    assertThat(waitingList.deleteFinished(OFFICE, NOW, MONDAY_DATE, 2)).isEqualTo(1);
    assertThat(waitingList.entries(OFFICE, EnumSet.allOf(Status.class))).isEmpty();
  }

  private String lotteryEntry(OfficeId office, LocalDate day, String identity) {
    DrawKey key = new DrawKey(office, day, 0);
    String id = "lottery-" + nextId++;
    LotteryStore.Entry entry =
        new LotteryStore.Entry(
            id,
            key,
            TOKEN_HASH,
            ImmutableList.of(new BookedService(BASIC_INCOME.id(), 1)),
            Optional.of(ERIKA.withoutNote()),
            ImmutableSet.of(identity),
            false,
            NOW,
            LotteryStore.Outcome.pending());
    assertThat(lottery.enter(Draw.open(key, NOW.plus(Duration.ofHours(1)), "c".repeat(64)), entry))
        .isEqualTo(LotteryStore.Insertion.ENTERED);
    return id;
  }

  @Test
  void lotteryEntriesOfDaysBeforeTheGivenDayAreDeletedAndTheirDrawsStay() {
    String monday = lotteryEntry(OFFICE, MONDAY_DATE, "key-a");
    String mondayToo = lotteryEntry(OFFICE, MONDAY_DATE, "key-b");
    String tuesday = lotteryEntry(OFFICE, MONDAY_DATE.plusDays(1), "key-a");
    String elsewhere = lotteryEntry(OTHER_OFFICE, MONDAY_DATE, "key-a");
    DrawKey mondayDraw = new DrawKey(OFFICE, MONDAY_DATE, 0);

    assertThat(lottery.deleteEntries(OFFICE, MONDAY_DATE, 10)).isZero();
    assertThat(lottery.deleteEntries(OFFICE, MONDAY_DATE.plusDays(1), 1)).isEqualTo(1);
    assertThat(lottery.deleteEntries(OFFICE, MONDAY_DATE.plusDays(1), 10)).isEqualTo(1);

    assertThat(lottery.entry(monday)).isEmpty();
    assertThat(lottery.entry(mondayToo)).isEmpty();
    assertThat(lottery.entries(mondayDraw)).isEmpty();
    assertThat(lottery.draw(mondayDraw)).isPresent();
    assertThat(lottery.entry(tuesday)).isPresent();
    assertThat(lottery.entry(elsewhere)).isPresent();
    assertThat(lottery.deleteEntries(OFFICE, MONDAY_DATE.plusDays(1), 10)).isZero();
  }
}
