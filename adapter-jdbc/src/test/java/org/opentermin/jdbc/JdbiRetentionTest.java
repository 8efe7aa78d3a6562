package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.Confirmation;
import org.opentermin.ports.out.BookingStore.HoldInsertion;
import org.opentermin.ports.out.BookingStore.IdempotencyRecord;
import org.opentermin.ports.out.BookingStore.IdentityQuota;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;
import org.opentermin.ports.privacy.PersonalDataRetention;

/**
 * The retention job in several app instances on one database, and what PostgreSQL itself refuses:
 * personal data on an erased booking, a booking without its citizen, a changed history.
 */
class JdbiRetentionTest {

  private static final byte[] TOKEN_HASH =
      "token-hash-32-bytes-long-exactly".getBytes(StandardCharsets.UTF_8);
  private static final Citizen ERIKA =
      new Citizen(
          "Erika Mustermann",
          Optional.of("erika@example.org"),
          Optional.of("+49 89 1234567"),
          Optional.of("Bitte mit Dolmetscher"));

  private DatabaseSettings database;
  private JdbcAdapter adapter;
  private int nextId;

  @BeforeEach
  void connect() {
    database = TestDatabase.freshDatabase();
    adapter = JdbcAdapter.connect(database);
    ContractFixtures.fill(adapter.catalog());
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  /** A booking with everything personal a booking can carry, its reference drawn from the id. */
  private Booking booked(ResourceId resource, Instant start) {
    int number = nextId++;
    AppointmentId id = new AppointmentId(OFFICE, new UUID(0x7e7eL, number));
    HoldClaim claim =
        new HoldClaim(
            id,
            ImmutableList.of(resource),
            start,
            start.plus(Duration.ofMinutes(10)),
            ImmutableList.of(new BookedService(BASIC_INCOME.id(), 1)),
            Channel.ONLINE,
            NOW.plus(Duration.ofMinutes(10)),
            Optional.of(new BookingStore.ClientQuota("client", 1000)));
    BookingStore bookings = adapter.bookings();
    assertThat(bookings.placeHold(claim, Optional.empty(), NOW).outcome())
        .isEqualTo(HoldInsertion.INSERTED);
    BookingReference reference = new BookingReference("RT" + code(number));
    BookingEvent confirmation =
        new BookingEvent(
            id, NOW, Actor.CITIZEN, AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, "");
    assertThat(
            bookings
                .confirm(
                    ConfirmClaim.of(
                            id,
                            EnumSet.allOf(Channel.class),
                            reference,
                            TOKEN_HASH,
                            ERIKA,
                            NOW,
                            confirmation)
                        .withIdempotency(
                            Optional.of(
                                new IdempotencyRecord(
                                    ("key-" + number).getBytes(StandardCharsets.UTF_8),
                                    id.toString(),
                                    new byte[] {1})))
                        .withIdentityQuota(
                            Optional.of(
                                new IdentityQuota(
                                    ImmutableSet.of("key-" + number),
                                    1,
                                    start.minus(Duration.ofDays(1)),
                                    start.plus(Duration.ofDays(1))))))
                .outcome())
        .isEqualTo(Confirmation.CONFIRMED);
    return claim.on(resource).confirmed(reference, ERIKA);
  }

  /** Six characters of the reference alphabet for a number. */
  private static String code(int number) {
    StringBuilder code = new StringBuilder();
    for (int i = 0, rest = number; i < 6; i++, rest /= BookingReference.ALPHABET.length()) {
      code.append(BookingReference.ALPHABET.charAt(rest % BookingReference.ALPHABET.length()));
    }
    return code.toString();
  }

  @Test
  void instancesRunningTheRetentionJobAtOnceEraseEveryBookingExactlyOnce() throws Exception {
    int made = 0;
    for (ResourceId resource : List.of(ANNA, BEN)) {
      for (int day = 0; day < 3; day++) {
        for (int slot = 0; slot < 24; slot++) {
          booked(
              resource, at(MONDAY_DATE.plusDays(day), 8, 0).plus(Duration.ofMinutes(10L * slot)));
          made++;
        }
      }
    }
    Clock monthsLater = Clock.fixed(at(MONDAY_DATE.plusDays(90), 0, 0), ZoneOffset.UTC);
    try (JdbcAdapter second = JdbcAdapter.connect(database)) {
      List<Callable<PersonalDataRetention.Erased>> runs =
          List.of(
              () ->
                  new PersonalDataRetention(
                          adapter.catalog(),
                          adapter.bookings(),
                          adapter.waitingList(),
                          adapter.lottery(),
                          monthsLater,
                          10)
                      .run(),
              () ->
                  new PersonalDataRetention(
                          second.catalog(),
                          second.bookings(),
                          second.waitingList(),
                          second.lottery(),
                          monthsLater,
                          10)
                      .run(),
              () ->
                  new PersonalDataRetention(
                          adapter.catalog(),
                          adapter.bookings(),
                          adapter.waitingList(),
                          adapter.lottery(),
                          monthsLater,
                          10)
                      .run(),
              () ->
                  new PersonalDataRetention(
                          second.catalog(),
                          second.bookings(),
                          second.waitingList(),
                          second.lottery(),
                          monthsLater,
                          10)
                      .run());
      ExecutorService pool = Executors.newFixedThreadPool(runs.size());
      int erased = 0;
      try {
        for (Future<PersonalDataRetention.Erased> run : pool.invokeAll(runs)) {
          erased += run.get().bookings();
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(erased).isEqualTo(made);
    }
    assertThat(count("SELECT count(*) FROM appointments WHERE erased_at IS NOT NULL"))
        .isEqualTo(made);
    assertThat(
            count(
                "SELECT count(*) FROM appointments WHERE citizen_name IS NOT NULL OR reference IS"
                    + " NOT NULL"))
        .isZero();
    assertThat(count("SELECT count(*) FROM booking_references")).isZero();
    assertThat(count("SELECT count(*) FROM booking_events WHERE note = 'personal data erased'"))
        .isEqualTo(made);
    assertThat(
            count(
                """
                SELECT count(*) FROM (SELECT appointment_id FROM booking_events WHERE note = 'personal data erased'
                                      GROUP BY appointment_id HAVING count(*) > 1) AS twice\
                """))
        .isZero();
  }

  @Test
  void theDatabaseRefusesPersonalDataOnAnErasedBooking() throws SQLException {
    Booking booking = booked(ANNA, at(MONDAY_DATE, 9, 0));
    adapter.bookings().eraseFinished(OFFICE, booking.end(), booking.end(), 10);

    assertThat(count("SELECT count(*) FROM appointments WHERE erased_at IS NOT NULL")).isOne();
    for (String personal :
        List.of(
            "citizen_email = 'x@example.org'",
            "citizen_note = 'n'",
            "client_key = 'c'",
            "identity_keys = '{k}'",
            "reference = 'ABCD2345'",
            "citizen_name = 'Erika'")) {
      assertThatThrownBy(
              () -> execute("UPDATE appointments SET " + personal + " WHERE erased_at IS NOT NULL"))
          .as(personal)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check constraint");
    }
  }

  @Test
  void theDatabaseRefusesABookingThatIsNotErasedWithoutItsCitizen() {
    booked(ANNA, at(MONDAY_DATE, 9, 0));

    assertThatThrownBy(() -> execute("UPDATE appointments SET citizen_name = NULL"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("appointments_citizen_until_erased");
  }

  @Test
  void theHistoryStaysAppendOnlyExceptThatAnErasureMayEmptyANote() throws SQLException {
    Booking booking = booked(ANNA, at(MONDAY_DATE, 9, 0));
    adapter
        .bookings()
        .changeStatus(
            booking.id(),
            AppointmentStatus.CONFIRMED,
            new BookingEvent(
                booking.id(),
                NOW,
                Actor.CITIZEN,
                AppointmentStatus.CONFIRMED,
                AppointmentStatus.CANCELLED,
                "bin krank"));

    for (String change :
        List.of(
            "UPDATE booking_events SET note = 'anders'",
            "UPDATE booking_events SET note = '', actor_id = 'x'",
            "UPDATE booking_events SET at = at + interval '1 second'",
            "DELETE FROM booking_events")) {
      assertThatThrownBy(() -> execute(change))
          .as(change)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    execute("UPDATE booking_events SET note = ''");
    assertThat(count("SELECT count(*) FROM booking_events WHERE note = ''")).isEqualTo(2);
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = connection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connection() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }
}
