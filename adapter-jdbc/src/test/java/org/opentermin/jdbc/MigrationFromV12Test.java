package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.ErasedBooking;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.ConfirmResult;
import org.opentermin.ports.out.BookingStore.Confirmation;
import org.opentermin.ports.out.ConfirmClaim;

/**
 * A database that an earlier version of the app brought to V12 (without the repeatable migrations)
 * migrates to the current schema with its bookings intact and usable: what the booking functions
 * wrote through their V4 signatures, with the mode, video link and note patched in beside them as
 * that version did, reads back the same and takes every later step.
 */
class MigrationFromV12Test {

  private static final List<String> V1_TO_V12 =
      List.of(
          "V1__catalog.sql",
          "V2__appointments.sql",
          "V3__office_address_and_access_tokens.sql",
          "V4__fair_access.sql",
          "V5__spent_challenges.sql",
          "V6__waiting_list.sql",
          "V7__lottery.sql",
          "V8__responsibility.sql",
          "V9__appointment_modes.sql",
          "V10__retention.sql",
          "V11__audit_log.sql",
          "V12__erasure_audit.sql");
  private static final byte[] TOKEN_HASH = new byte[32];
  private static final Instant NINE = at(MONDAY_DATE, 9, 0);
  private static final Instant TEN = at(MONDAY_DATE, 10, 0);
  private static final Instant HOLD_EXPIRY = NOW.plus(Duration.ofMinutes(10));
  private static final Citizen ERIKA =
      new Citizen(
          "Erika Mustermann",
          Optional.of("erika@example.org"),
          Optional.empty(),
          Optional.of("Bitte Dolmetscherin"));
  private static final VideoLink LINK = VideoLink.of("https://video.example.org/rooms/v12");

  private DatabaseSettings database;
  private JdbcAdapter adapter;

  @BeforeEach
  void bringUpAVersion12Database(@TempDir Path oldMigrations) throws IOException {
    database = TestDatabase.freshDatabase();
    for (String file : V1_TO_V12) {
      try (InputStream script = getClass().getResourceAsStream("/db/migration/" + file)) {
        Files.copy(script, oldMigrations.resolve(file));
      }
    }
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.user(), database.password())
        .locations("filesystem:" + oldMigrations)
        .load()
        .migrate();
    Jdbi jdbi =
        Jdbi.create(database.jdbcUrl(), database.user(), database.password())
            .installPlugin(new PostgresPlugin());
    RowMappers.registerAll(jdbi);
    ContractFixtures.fill(new JdbiCatalogStore(new Transactions(jdbi)));
  }

  @AfterEach
  void close() {
    if (adapter != null) {
      adapter.close();
    }
  }

  @Test
  void bookingsOfVersion12ReadBackTheSameAfterTheMigration() throws SQLException {
    UUID inPerson =
        bookAsVersion12(ANNA, NINE, "PRESENT2", "IN_PERSON", null, ERIKA.note().orElseThrow());
    UUID video = bookAsVersion12(BEN, NINE, "VDEBKG23", "VIDEO", LINK.text(), null);
    assertThat(schemaVersion()).isEqualTo("12");

    adapter = JdbcAdapter.connect(database);

    assertThat(Integer.parseInt(schemaVersion()))
        .as("migrated past version 12 at least to 13")
        .isGreaterThanOrEqualTo(13);
    Booking booked =
        adapter
            .bookings()
            .findByReference(new BookingReference("PRESENT2"))
            .orElseThrow()
            .booking();
    assertThat(booked)
        .isEqualTo(
            new Booking(
                new AppointmentId(OFFICE, inPerson),
                ANNA,
                NINE,
                NINE.plus(Duration.ofMinutes(30)),
                ImmutableList.of(new BookedService(BASIC_INCOME.id(), 1)),
                Channel.ONLINE,
                AppointmentStatus.CONFIRMED,
                AppointmentMode.IN_PERSON,
                new BookingReference("PRESENT2"),
                ERIKA,
                Optional.empty()));
    Booking videoBooking =
        (Booking) adapter.bookings().find(new AppointmentId(OFFICE, video)).orElseThrow();
    assertThat(videoBooking.mode()).isEqualTo(AppointmentMode.VIDEO);
    assertThat(videoBooking.videoLink()).contains(LINK);
    assertThat(adapter.bookings().history(booked.id()))
        .extracting(BookingEvent::to)
        .containsExactly(AppointmentStatus.CONFIRMED);
    assertThat(adapter.auditLog().read(AuditLog.Query.firstPage(OFFICE, 10)).entries())
        .as("both bookings were audited when they were made")
        .hasSize(2);
  }

  @Test
  void bookingsAndHoldsOfVersion12TakeEveryLaterStep() throws SQLException {
    UUID booking = bookAsVersion12(ANNA, NINE, "PRESENT2", "IN_PERSON", null, null);
    UUID hold = holdAsVersion12(BEN, TEN, "VIDEO");

    adapter = JdbcAdapter.connect(database);
    BookingStore bookings = adapter.bookings();

    AppointmentId heldBefore = new AppointmentId(OFFICE, hold);
    ConfirmResult confirmed =
        bookings.confirm(
            ConfirmClaim.of(
                    heldBefore,
                    EnumSet.allOf(Channel.class),
                    new BookingReference("AFTERV23"),
                    TOKEN_HASH,
                    ERIKA,
                    NOW,
                    new BookingEvent(
                        heldBefore,
                        NOW,
                        Actor.CITIZEN,
                        AppointmentStatus.HELD,
                        AppointmentStatus.CONFIRMED,
                        ""))
                .withVideoLink(Optional.of(LINK)));
    assertThat(confirmed.outcome())
        .as("a hold placed before the migration is confirmed after it")
        .isEqualTo(Confirmation.CONFIRMED);
    assertThat(((Booking) bookings.find(heldBefore).orElseThrow()).citizen()).isEqualTo(ERIKA);

    AppointmentId bookedBefore = new AppointmentId(OFFICE, booking);
    assertThat(
            bookings.changeStatus(
                bookedBefore,
                AppointmentStatus.CONFIRMED,
                new BookingEvent(
                    bookedBefore,
                    NOW,
                    Actor.staff("s-1"),
                    AppointmentStatus.CONFIRMED,
                    AppointmentStatus.CHECKED_IN,
                    "")))
        .isTrue();
    assertThat(
            bookings.erase(
                bookedBefore,
                AppointmentStatus.CHECKED_IN,
                new BookingEvent(
                    bookedBefore,
                    NOW,
                    Actor.SYSTEM,
                    AppointmentStatus.CHECKED_IN,
                    AppointmentStatus.CHECKED_IN,
                    BookingEvent.ERASURE_NOTE)))
        .isTrue();
    assertThat(((ErasedBooking) bookings.find(bookedBefore).orElseThrow()).erasedAt())
        .isEqualTo(NOW);
    assertThat(bookings.findByReference(new BookingReference("PRESENT2")))
        .as("the erased booking's reference is free")
        .isEmpty();
  }

  @Test
  void onlyTheCurrentSignatureOfEachBookingFunctionRemains() throws SQLException {
    adapter = JdbcAdapter.connect(database);

    assertThat(longFrom("SELECT count(*) FROM pg_proc WHERE proname = 'claim_hold'")).isOne();
    assertThat(longFrom("SELECT count(*) FROM pg_proc WHERE proname = 'confirm_hold'")).isOne();
    assertThat(longFrom("SELECT pronargs FROM pg_proc WHERE proname = 'confirm_hold'"))
        .isEqualTo(21);
    assertThat(
            longFrom(
                "SELECT count(*) FROM flyway_schema_history WHERE type = 'SQL' AND version IS NULL"
                    + " AND success"))
        .as("the repeatable migrations ran once each")
        .isEqualTo(2);
  }

  /** A hold placed as version 12 did: claim_hold of V4, then the mode by a second statement. */
  private UUID holdAsVersion12(
      org.opentermin.core.catalog.ResourceId resource, Instant start, String mode)
      throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection connection = connection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement claim =
          connection.prepareStatement(
              """
              SELECT outcome FROM claim_hold(?, ?, ?, ?, ?, ?, 'ONLINE', ARRAY['basic-income'], ARRAY[1], NULL, NULL, ?,
                                             CAST(NULL AS text), CAST(NULL AS integer))\
              """)) {
        claim.setString(1, OFFICE.value());
        claim.setObject(2, id);
        claim.setArray(3, connection.createArrayOf("text", new String[] {resource.value()}));
        claim.setObject(4, utc(start));
        claim.setObject(5, utc(start.plus(Duration.ofMinutes(30))));
        claim.setObject(6, utc(HOLD_EXPIRY));
        claim.setObject(7, utc(NOW));
        try (ResultSet outcome = claim.executeQuery()) {
          outcome.next();
          assertThat(outcome.getString(1)).isEqualTo("INSERTED");
        }
      }
      try (PreparedStatement setMode =
          connection.prepareStatement(
              "UPDATE appointments SET mode = ? WHERE office_id = ? AND appointment_id = ?")) {
        setMode.setString(1, mode);
        setMode.setString(2, OFFICE.value());
        setMode.setObject(3, id);
        assertThat(setMode.executeUpdate()).isOne();
      }
      connection.commit();
    }
    return id;
  }

  /**
   * A booking made as version 12 did: the hold as above, then the video link, confirm_hold of V4
   * and the note, in one transaction.
   */
  private UUID bookAsVersion12(
      org.opentermin.core.catalog.ResourceId resource,
      Instant start,
      String reference,
      String mode,
      String link,
      String note)
      throws SQLException {
    UUID id = holdAsVersion12(resource, start, mode);
    try (Connection connection = connection()) {
      connection.setAutoCommit(false);
      if (link != null) {
        update(
            connection,
            "UPDATE appointments SET video_link = ? WHERE office_id = ? AND appointment_id = ?",
            link,
            id);
      }
      try (PreparedStatement confirm =
          connection.prepareStatement(
              """
              SELECT outcome FROM confirm_hold(?, ?, ARRAY['ONLINE'], ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, 'CITIZEN', '', '',
                                               CAST('{}' AS text[]), CAST(NULL AS integer), CAST(NULL AS timestamptz),
                                               CAST(NULL AS timestamptz))\
              """)) {
        confirm.setString(1, OFFICE.value());
        confirm.setObject(2, id);
        confirm.setString(3, reference);
        confirm.setBytes(4, TOKEN_HASH);
        confirm.setString(5, ERIKA.name());
        confirm.setString(6, ERIKA.email().orElseThrow());
        confirm.setObject(7, utc(NOW));
        try (ResultSet outcome = confirm.executeQuery()) {
          outcome.next();
          assertThat(outcome.getString(1)).isEqualTo("CONFIRMED");
        }
      }
      if (note != null) {
        update(
            connection,
            "UPDATE appointments SET citizen_note = ? WHERE office_id = ? AND appointment_id = ?",
            note,
            id);
      }
      connection.commit();
    }
    return id;
  }

  private static void update(Connection connection, String sql, String value, UUID id)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      statement.setString(2, OFFICE.value());
      statement.setObject(3, id);
      assertThat(statement.executeUpdate()).isOne();
    }
  }

  private String schemaVersion() throws SQLException {
    try (Connection connection = connection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY"
                    + " installed_rank DESC LIMIT 1")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private long longFrom(String sql) throws SQLException {
    try (Connection connection = connection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private Connection connection() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
