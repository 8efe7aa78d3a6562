package org.opentermin.jdbc;

import static java.time.DayOfWeek.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ResourceKind;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.RandomSource;

/**
 * The proof that PostgreSQL, not Java, prevents overbooking: two app stacks with their own
 * connection pools (as two instances), 64 threads, 5,000 hold-and-confirm attempts on 30 starts of
 * capacity 2, with one-slot and three-slot appointments whose claims overlap. Afterwards SQL
 * against the tables checks that nothing was double-booked and nothing got lost.
 */
class NoOverbookingUnderConcurrencyTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
  private static final Instant NOW =
      ZonedDateTime.of(DAY.minusDays(1).atTime(12, 0), ZONE).toInstant();
  private static final OfficeId OFFICE = OfficeId.of("rush");
  private static final Service ONE_SLOT =
      Service.of(
          ServiceId.of("short"),
          "Short",
          Duration.ofMinutes(10),
          1,
          EnumSet.of(Channel.ONLINE),
          false);
  private static final Service THREE_SLOTS =
      Service.of(
          ServiceId.of("long"),
          "Long",
          Duration.ofMinutes(30),
          1,
          EnumSet.of(Channel.ONLINE),
          false);
  private static final int THREADS = 64;
  private static final int ATTEMPTS = 5_000;

  /** 08:00 to 13:00 on a 10-minute grid: 30 starts, two caseworkers each. */
  private static final int STARTS = 30;

  private record Outcome(Optional<String> reference, Optional<RefusalReason> refusal) {}

  @Test
  void twoInstancesSixtyFourThreadsFiveThousandAttemptsNeverOverbook() throws Exception {
    DatabaseSettings database = TestDatabase.freshDatabase().withMaximumPoolSize(32);
    try (JdbcAdapter first = JdbcAdapter.connect(database);
        JdbcAdapter second = JdbcAdapter.connect(database)) {
      setUpOffice(first);
      Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
      List<BookingServices> instances =
          List.of(
              BookingServices.of(
                  first.catalog(),
                  first.bookings(),
                  first.auditLog(),
                  clock,
                  RandomSource.seeded(1),
                  new InMemorySpentChallenges(),
                  new InMemoryHoldRates()),
              BookingServices.of(
                  second.catalog(),
                  second.bookings(),
                  second.auditLog(),
                  clock,
                  RandomSource.seeded(2),
                  new InMemorySpentChallenges(),
                  new InMemoryHoldRates()));

      List<Outcome> outcomes = run(instances);

      Set<String> confirmed = new HashSet<>();
      for (Outcome outcome : outcomes) {
        outcome.reference().ifPresent(confirmed::add);
        outcome
            .refusal()
            .ifPresent(refusal -> assertThat(refusal).isEqualTo(RefusalReason.UNAVAILABLE));
      }
      assertThat(outcomes).hasSize(ATTEMPTS);
      assertThat(confirmed).as("some attempts succeed").hasSizeGreaterThan(STARTS / 3);

      try (Connection sql =
          DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
        assertThat(
                count(
                    sql,
                    """
                    SELECT count(*) FROM appointments a JOIN appointments b
                      ON a.office_id = b.office_id AND a.resource_id = b.resource_id
                     AND a.appointment_id < b.appointment_id
                     AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
                    WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'
                    """))
            .as("pairs of appointments of one resource that overlap")
            .isZero();
        assertThat(
                count(
                    sql,
                    """
                    SELECT count(*) FROM (
                      SELECT minute FROM generate_series(?::timestamptz, ?::timestamptz, interval '1 minute') minute
                      JOIN appointments a ON a.starts_at <= minute AND a.ends_at > minute AND a.status <> 'CANCELLED'
                      GROUP BY minute HAVING count(*) > 2) overfull
                    """,
                    ZonedDateTime.of(DAY.atTime(8, 0), ZONE).toInstant(),
                    ZonedDateTime.of(DAY.atTime(13, 30), ZONE).toInstant()))
            .as("minutes with more than two appointments")
            .isZero();
        assertThat(strings(sql, "SELECT reference FROM appointments WHERE status = 'CONFIRMED'"))
            .as("every successful confirmation is stored, and nothing else")
            .containsExactlyInAnyOrderElementsOf(confirmed);
        assertThat(count(sql, "SELECT count(*) FROM appointments WHERE status = 'HELD'"))
            .as("every hold was confirmed")
            .isZero();
        assertThat(count(sql, "SELECT count(*) FROM booking_events WHERE to_status = 'CONFIRMED'"))
            .isEqualTo(confirmed.size());
      }
    }
  }

  private static List<Outcome> run(List<BookingServices> instances) throws Exception {
    Random random = new Random(2026);
    List<Callable<Outcome>> attempts = new ArrayList<>();
    for (int i = 0; i < ATTEMPTS; i++) {
      BookingServices instance = instances.get(i % instances.size());
      Instant start =
          ZonedDateTime.of(DAY.atTime(8, 0), ZONE)
              .toInstant()
              .plus(Duration.ofMinutes(10L * random.nextInt(STARTS)));
      Service service = random.nextBoolean() ? ONE_SLOT : THREE_SLOTS;
      attempts.add(() -> attempt(instance, start, service));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> outcome : pool.invokeAll(attempts)) {
        outcomes.add(
            outcome.get()); // an exception that leaked out of a use case fails the test here
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome attempt(BookingServices instance, Instant start, Service service) {
    HoldResult hold =
        instance.hold(
            new HoldSlot.Command(
                OFFICE,
                ImmutableList.of(new ServiceRequest(service.id(), 1)),
                start,
                Channel.ONLINE,
                Actor.CITIZEN,
                Optional.empty()));
    if (hold instanceof Refused refused) {
      return new Outcome(Optional.empty(), Optional.of(refused.reason()));
    }
    BookingResult booking =
        instance.confirm(
            new ConfirmBooking.Command(
                ((HoldResult.Held) hold).hold().id(),
                new Citizen("Test Person", Optional.of("test@example.org"), Optional.empty()),
                Actor.CITIZEN,
                Optional.empty()));
    if (booking instanceof BookingResult.Confirmed confirmed) {
      return new Outcome(Optional.of(confirmed.booking().reference().value()), Optional.empty());
    }
    throw new AssertionError("a live hold must be confirmable: " + booking);
  }

  private static void setUpOffice(JdbcAdapter adapter) {
    adapter
        .catalog()
        .saveOffice(
            new Office(
                OFFICE,
                "Release rush office",
                ZONE,
                HolidayRegion.munich(),
                10,
                BookingHorizon.of(Duration.ZERO, 60),
                Duration.ofMinutes(10)));
    adapter.catalog().saveService(ONE_SLOT);
    adapter.catalog().saveService(THREE_SLOTS);
    for (String id : List.of("anna", "ben")) {
      adapter
          .catalog()
          .saveResource(
              Resource.of(
                  ResourceId.of(id),
                  OFFICE,
                  id,
                  ResourceKind.CASEWORKER,
                  List.of(ONE_SLOT.id(), THREE_SLOTS.id())));
      adapter
          .catalog()
          .saveWorkingTime(
              OFFICE,
              ResourceId.of(id),
              WorkingTime.builder()
                  .rule(WeeklyRule.weekly(EnumSet.of(MONDAY), "08:00", "13:00"))
                  .build());
    }
  }

  private static long count(Connection sql, String query, Instant... parameters)
      throws SQLException {
    try (PreparedStatement statement = sql.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setTimestamp(i + 1, Timestamp.from(parameters[i]));
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static List<String> strings(Connection sql, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement = sql.prepareStatement(query);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
