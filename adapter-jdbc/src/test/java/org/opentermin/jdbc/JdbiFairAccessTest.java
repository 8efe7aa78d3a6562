package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentermin.ports.contract.ContractFixtures.ANNA;
import static org.opentermin.ports.contract.ContractFixtures.BASIC_INCOME;
import static org.opentermin.ports.contract.ContractFixtures.BEN;
import static org.opentermin.ports.contract.ContractFixtures.HOUSING;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;
import static org.opentermin.ports.contract.ContractFixtures.at;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.ChallengePolicy;
import org.opentermin.core.fairness.ChannelContingents;
import org.opentermin.core.fairness.Contingent;
import org.opentermin.core.fairness.FairAssignment;
import org.opentermin.core.fairness.HoldLimit;
import org.opentermin.core.fairness.IdentityLimit;
import org.opentermin.core.fairness.LotteryPolicy;
import org.opentermin.core.fairness.Quarantine;
import org.opentermin.core.fairness.ReleasePolicy;
import org.opentermin.core.fairness.ReleaseWave;
import org.opentermin.core.fairness.RescheduleLimit;
import org.opentermin.core.fairness.WaitingListPolicy;
import org.opentermin.ports.contract.ContractFixtures;
import org.opentermin.ports.out.BookingStore.Confirmation;
import org.opentermin.ports.out.BookingStore.HoldInsertion;
import org.opentermin.ports.out.BookingStore.IdentityQuota;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;

/**
 * What the contracts cannot see of the PostgreSQL adapter's fair access: that every value a rule
 * allows survives the columns exactly, and that the tables themselves keep refused claims and
 * broken policies out.
 */
class JdbiFairAccessTest {

  /** Every rule on, each value at an edge or with precision no admin would type. */
  private static final AccessPolicy EVERYTHING_ODD =
      new AccessPolicy(
          Optional.of(
              new ReleasePolicy(
                  LocalTime.of(7, 13, 59, 123_456_789),
                  Duration.ofDays(1).minusNanos(1),
                  ImmutableList.of(
                      new ReleaseWave(366, 17), new ReleaseWave(30, 50), new ReleaseWave(0, 33)))),
          Optional.of(
              new ChannelContingents(
                  ImmutableMap.of(
                      Contingent.URGENT, 59, Contingent.ONLINE, 41, Contingent.PHONE, 0),
                  ImmutableMap.of(
                      ResourceId.of("zz-room"),
                      Contingent.COUNTER,
                      BEN,
                      Contingent.URGENT,
                      ANNA,
                      Contingent.PHONE),
                  240,
                  ChannelContingents.MAXIMUM_RELEASE_TO_ONLINE_BEFORE)),
          Optional.of(
              new Quarantine(
                  Duration.ofDays(Quarantine.MAXIMUM_DAYS),
                  Duration.ofMillis(1_234_567).plusNanos(89))),
          Optional.of(new IdentityLimit(100, Duration.ofDays(1).plusNanos(1))),
          Optional.of(new HoldLimit(100)),
          Optional.of(new RescheduleLimit(0)),
          Optional.of(new LotteryPolicy(Duration.ofDays(14))),
          Optional.of(new WaitingListPolicy(Duration.ofMinutes(5).plusNanos(1))),
          Optional.of(
              new ChallengePolicy(
                  true,
                  ChallengePolicy.MAXIMUM_DIFFICULTY_BITS,
                  ChallengePolicy.MAXIMUM_THRESHOLD)),
          Optional.of(
              new FairAssignment(ImmutableMap.of(BEN, 1000, ANNA, 1, ResourceId.of("carl"), 250))));

  private static final byte[] TOKEN_HASH =
      "token-hash-32-bytes-long-exactly".getBytes(StandardCharsets.UTF_8);
  private static final Citizen CITIZEN =
      new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.empty());

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
  void policyWithEveryRuleAtOddValuesReadsBackEqual() {
    adapter.catalog().saveAccessPolicy(OFFICE, Optional.empty(), Optional.of(EVERYTHING_ODD));
    adapter
        .catalog()
        .saveAccessPolicy(OFFICE, Optional.of(HOUSING.id()), Optional.of(EVERYTHING_ODD));

    AccessPolicies saved = adapter.catalog().accessPolicies(OFFICE).orElseThrow();

    assertThat(saved.office()).isEqualTo(EVERYTHING_ODD);
    assertThat(saved.services()).containsExactly(Map.entry(HOUSING.id(), EVERYTHING_ODD));
  }

  @Test
  void fairAssignmentWithEqualWeightsIsNotReadBackAsOff() {
    AccessPolicy equalWeights =
        AccessPolicy.none().withFairAssignment(FairAssignment.equalWeights());

    adapter.catalog().saveAccessPolicy(OFFICE, Optional.empty(), Optional.of(equalWeights));

    assertThat(adapter.catalog().accessPolicies(OFFICE).orElseThrow().office())
        .isEqualTo(equalWeights);
  }

  @Test
  void serviceWithEveryRuleOffKeepsItsRowToOverrideTheOfficeButTheOfficeWithNoneHasNoRow()
      throws SQLException {
    adapter
        .catalog()
        .saveAccessPolicy(OFFICE, Optional.empty(), Optional.of(AccessPolicy.recommended()));
    adapter
        .catalog()
        .saveAccessPolicy(OFFICE, Optional.of(BASIC_INCOME.id()), Optional.of(AccessPolicy.none()));

    assertThat(
            adapter
                .catalog()
                .accessPolicies(OFFICE)
                .orElseThrow()
                .forServices(List.of(BASIC_INCOME.id()))
                .isNone())
        .isTrue();

    adapter.catalog().saveAccessPolicy(OFFICE, Optional.empty(), Optional.of(AccessPolicy.none()));
    assertThat(count("SELECT count(*) FROM access_policies WHERE service_id = ''")).isZero();
    assertThat(count("SELECT count(*) FROM access_policies WHERE service_id = 'basic-income'"))
        .isOne();
  }

  @Test
  void tableRefusesSharesThatDoNotSumToOneHundred() {
    assertThatThrownBy(
            () ->
                execute(
                    """
                    INSERT INTO access_policies (office_id, release_opens_at, release_opens_at_nanos,
                      release_random_window_seconds, release_days_before, release_share_percent)
                    VALUES ('sbh-nord', '08:00', 0, 0, '{14,7}', '{50,40}')\
                    """))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("check constraint");
  }

  @Test
  void tableRefusesAPolicyForAServiceThatDoesNotExist() {
    assertThatThrownBy(
            () ->
                execute(
                    "INSERT INTO access_policies (office_id, service_id) VALUES ('sbh-nord',"
                        + " 'no-such-service')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("foreign key");
  }

  @Test
  void refusedIdentityQuotaClaimsNoReference() throws SQLException {
    Instant nine = at(MONDAY_DATE, 9, 0);
    Hold first = placeHold(ANNA, nine);
    Hold second = placeHold(BEN, nine);
    IdentityQuota one =
        new IdentityQuota(
            ImmutableSet.of("key-erika"),
            1,
            nine.minus(Duration.ofDays(7)),
            nine.plus(Duration.ofDays(7)));

    assertThat(confirm(first, "ABCD2345", one)).isEqualTo(Confirmation.CONFIRMED);
    assertThat(confirm(second, "ABCD2346", one)).isEqualTo(Confirmation.IDENTITY_LIMIT);

    assertThat(count("SELECT count(*) FROM booking_references")).isOne();
    assertThat(count("SELECT count(*) FROM booking_events WHERE to_status = 'CONFIRMED'")).isOne();
    assertThat(
            count(
                "SELECT count(*) FROM appointments WHERE identity_keys = '{key-erika}' AND status ="
                    + " 'CONFIRMED'"))
        .isOne();
  }

  private Hold placeHold(ResourceId resource, Instant start) {
    Hold hold =
        Appointment.hold(
            new AppointmentId(OFFICE, new UUID(4712, nextId++)),
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
    assertThat(adapter.bookings().placeHold(claim, Optional.empty(), NOW).outcome())
        .isEqualTo(HoldInsertion.INSERTED);
    return hold;
  }

  private Confirmation confirm(Hold hold, String reference, IdentityQuota quota) {
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
                .withIdentityQuota(Optional.of(quota)))
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
