package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING_IN_EVERY_MODE;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.Service;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.out.BookingStore.Confirmation;
import org.opentermin.ports.out.BookingStore.HoldInsertion;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;

/**
 * What the contracts cannot see of appointment modes in PostgreSQL: services saved before modes
 * existed read back as in-person services, and the table itself keeps modes and video links
 * consistent whoever writes to it.
 */
class JdbiAppointmentModesTest {

  private static final byte[] TOKEN_HASH =
      "token-hash-32-bytes-long-exactly".getBytes(StandardCharsets.UTF_8);
  private static final Citizen CITIZEN =
      new Citizen("Erika Mustermann", Optional.empty(), Optional.of("+49 89 1234567"));
  private static final Instant NINE = at(MONDAY_DATE, 9, 0);

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

  @Test
  void serviceWithoutModeRowsAsBeforeTheMigrationIsServedInPerson() throws SQLException {
    adapter.catalog().saveService(HOUSING_IN_EVERY_MODE);
    execute("DELETE FROM service_modes WHERE service_id = 'housing'");

    assertThat(adapter.catalog().service(HOUSING.id()).orElseThrow().modes())
        .isEqualTo(Service.IN_PERSON_ONLY);
    assertThat(count("SELECT count(*) FROM service_mode_resources"))
        .as("the modes' resources go with them")
        .isZero();
  }

  @Test
  void everySavedModeHasItsRowAndOnlyNamedResourcesHaveRows() throws SQLException {
    adapter.catalog().saveService(HOUSING_IN_EVERY_MODE);

    assertThat(count("SELECT count(*) FROM service_modes WHERE service_id = 'housing'"))
        .isEqualTo(3);
    assertThat(
            count(
                "SELECT count(*) FROM service_modes WHERE service_id = 'housing' AND mode = 'PHONE'"
                    + " AND duration_minutes = 10"))
        .isOne();
    assertThat(
            count(
                "SELECT count(*) FROM service_mode_resources WHERE mode = 'VIDEO' AND resource_id ="
                    + " 'ben'"))
        .isOne();
    assertThat(
            count(
                "SELECT count(*) FROM service_modes WHERE service_id = 'basic-income' AND mode ="
                    + " 'IN_PERSON'"))
        .isOne();
  }

  @Test
  void tableRefusesAnUnknownMode() {
    assertThatThrownBy(
            () ->
                execute(
                    "INSERT INTO service_modes (service_id, mode) VALUES ('basic-income',"
                        + " 'TELEPATHY')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("check constraint");
  }

  @Test
  void tableRefusesAConfirmedVideoBookingWithoutItsLink() throws SQLException {
    Hold video = placeHold(ANNA, AppointmentMode.VIDEO);
    confirm(video, "ABCD2345", Optional.of(VideoLink.of("https://video.example.org/abc")));

    assertThatThrownBy(
            () -> execute("UPDATE appointments SET video_link = NULL WHERE status = 'CONFIRMED'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("appointments_video_booking_has_link");
    execute("UPDATE appointments SET status = 'COMPLETED' WHERE status = 'CONFIRMED'");
    execute("UPDATE appointments SET video_link = NULL WHERE status = 'COMPLETED'");
    assertThat(count("SELECT count(*) FROM appointments WHERE video_link IS NULL"))
        .as("a finished one may lose it")
        .isOne();
  }

  @Test
  void tableRefusesALinkOnAnAppointmentInAnotherMode() {
    placeHold(ANNA, AppointmentMode.PHONE);

    assertThatThrownBy(
            () -> execute("UPDATE appointments SET video_link = 'https://video.example.org/abc'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("appointments_video_link_only_for_video");
  }

  @Test
  void refusedVideoConfirmationLeavesNeitherLinkNorReferenceBehind() throws SQLException {
    Hold first = placeHold(ANNA, AppointmentMode.IN_PERSON);
    Hold video = placeHold(BEN, AppointmentMode.VIDEO);
    confirm(first, "ABCD2345", Optional.empty());

    assertThat(
            confirm(video, "ABCD2345", Optional.of(VideoLink.of("https://video.example.org/abc"))))
        .isEqualTo(Confirmation.REFERENCE_TAKEN);

    assertThat(count("SELECT count(*) FROM appointments WHERE video_link IS NOT NULL")).isZero();
    assertThat(count("SELECT count(*) FROM booking_references")).isOne();
  }

  @Test
  void holdsKeepTheModeTheyWereClaimedIn() throws SQLException {
    placeHold(ANNA, AppointmentMode.IN_PERSON);
    placeHold(BEN, AppointmentMode.PHONE);

    assertThat(
            count(
                "SELECT count(*) FROM appointments WHERE resource_id = 'anna' AND mode ="
                    + " 'IN_PERSON'"))
        .isOne();
    assertThat(
            count("SELECT count(*) FROM appointments WHERE resource_id = 'ben' AND mode = 'PHONE'"))
        .isOne();
  }

  private Hold placeHold(ResourceId resource, AppointmentMode mode) {
    Hold hold =
        Appointment.hold(
            new AppointmentId(OFFICE, new UUID(4713, nextId++)),
            resource,
            NINE,
            NINE.plus(Duration.ofMinutes(30)),
            List.of(new BookedService(BASIC_INCOME.id(), 1)),
            Channel.ONLINE,
            NOW.plus(Duration.ofMinutes(10)),
            mode);
    HoldClaim claim =
        new HoldClaim(
            hold.id(),
            ImmutableList.of(resource),
            hold.start(),
            hold.end(),
            hold.services(),
            hold.channel(),
            hold.expiresAt(),
            Optional.empty(),
            mode);
    assertThat(adapter.bookings().placeHold(claim, Optional.empty(), NOW).outcome())
        .isEqualTo(HoldInsertion.INSERTED);
    return hold;
  }

  private Confirmation confirm(Hold hold, String reference, Optional<VideoLink> link) {
    BookingEvent event =
        new BookingEvent(
            hold.id(), NOW, Actor.CITIZEN, AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, "");
    return adapter
        .bookings()
        .confirm(
            ConfirmClaim.of(
                    hold.id(),
                    EnumSet.allOf(Channel.class),
                    new BookingReference(reference),
                    TOKEN_HASH,
                    CITIZEN,
                    NOW,
                    event)
                .withVideoLink(link))
        .outcome();
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
