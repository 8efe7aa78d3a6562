package org.opentermin.benchmarks;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
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
import org.opentermin.jdbc.DatabaseSettings;
import org.opentermin.jdbc.EmbeddedPostgresServer;
import org.opentermin.jdbc.JdbcAdapter;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.challenge.ProofOfWorkChallenge;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.ConfirmBooking;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.HoldSlot;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.out.RandomSource;

/**
 * "Release rush": many clients try to hold and confirm appointments at the same moment, in process
 * against an embedded PostgreSQL. In the same run and with the same pool size and concurrency, it
 * measures the floor: the smallest write transaction a booking cannot avoid, one conditional row
 * update committed on its own (autocommit, one round trip). Prints throughput, latency percentiles,
 * the ratio, and the overbooking check done in SQL.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.opentermin.benchmarks.ReleaseRush
 * [attempts] [clients] [starts] [caseworkers] [poolSize] [path]}; defaults 10000 200 500 20 32
 * service. The path {@code service} books through the booking service (the product); {@code direct}
 * calls the two database functions over plain JDBC, without Jdbi or domain code, to show what the
 * database alone costs; {@code direct-without-constraint} does the same after dropping the
 * no-overlap constraint, to show what the constraint costs (and overbooks).
 */
public final class ReleaseRush {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final LocalDate MONDAY_DATE = LocalDate.of(2027, 3, 1);
  private static final Instant NOW =
      ZonedDateTime.of(MONDAY_DATE.minusDays(3).atTime(12, 0), ZONE).toInstant();
  private static final OfficeId OFFICE = OfficeId.of("rush");
  private static final Service SERVICE =
      Service.of(
          ServiceId.of("appointment"),
          "Appointment",
          Duration.ofMinutes(10),
          1,
          EnumSet.of(Channel.ONLINE),
          false);

  /** Who books: a citizen must leave a way to reach them. */
  private static final Citizen CLIENT =
      new Citizen("Rush Client", Optional.of("rush@example.org"), Optional.empty());

  /** 50 ten-minute starts a day, 08:00 to 16:20. */
  private static final int STARTS_PER_DAY = 50;

  private ReleaseRush() {}

  public static void main(String[] args) throws Exception {
    Settings settings =
        new Settings(
            argument(args, 0, 10_000),
            argument(args, 1, 200),
            argument(args, 2, 500),
            argument(args, 3, 20),
            argument(args, 4, 32),
            args.length > 5 ? args[5] : "service");
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
      Report report = run(server, "rush", settings);
      System.out.printf(
          "release rush (%s): %d attempts from %d clients on %d starts x %d caseworkers, pool %d%n",
          settings.path,
          settings.attempts,
          settings.clients,
          settings.starts,
          settings.caseworkers,
          settings.poolSize);
      Result booking = report.booking;
      Result floor = report.floor;
      System.out.printf(
          "  bookings : %6d confirmed, %6d refused as unavailable, %8.0f bookings/s, %8.0f"
              + " attempts/s, attempt p50 %6.2f ms, p99 %6.2f ms%n",
          booking.succeeded,
          settings.attempts - booking.succeeded,
          booking.succeeded / booking.seconds,
          settings.attempts / booking.seconds,
          booking.percentile(50),
          booking.percentile(99));
      System.out.printf(
          "  floor    : %6d conditional updates + commit,           %8.0f transactions/s,          "
              + "        p50 %6.2f ms, p99 %6.2f ms%n",
          floor.succeeded,
          floor.succeeded / floor.seconds,
          floor.percentile(50),
          floor.percentile(99));
      System.out.printf(
          "  ratio    : bookings/s / floor transactions/s = %.2f; attempts/s / floor = %.2f%n",
          (booking.succeeded / booking.seconds) / (floor.succeeded / floor.seconds),
          (settings.attempts / booking.seconds) / (floor.succeeded / floor.seconds));
      System.out.printf(
          "  overbooking: %d overlapping pairs of one caseworker's appointments (must be 0)%n",
          report.overlappingPairs);
    }
  }

  /** What one run does: its size and the path it books through (see the class comment). */
  record Settings(
      int attempts, int clients, int starts, int caseworkers, int poolSize, String path) {}

  /**
   * What one run measured: the bookings (warm-up excluded), the floor, the appointments the
   * measured days hold in the end, and the overlapping pairs of one caseworker's appointments.
   */
  record Report(Result booking, Result floor, long appointments, long overlappingPairs) {}

  /**
   * Runs the rush on a new database {@code database} of {@code server}: sets up the office, warms
   * up on other days, runs {@code ANALYZE}, measures the bookings, then the floor.
   */
  static Report run(EmbeddedPostgresServer server, String database, Settings run) throws Exception {
    DatabaseSettings settings = server.database(database).withMaximumPoolSize(run.poolSize);
    try (JdbcAdapter adapter = JdbcAdapter.connect(settings)) {
      setUp(adapter, run.caseworkers);
      RandomSource random = RandomSource.seeded(7);
      BookingServices service =
          BookingServices.builder(
                  adapter.catalog(),
                  adapter.bookings(),
                  adapter.auditLog(),
                  Clock.fixed(NOW, ZoneOffset.UTC),
                  random,
                  ProofOfWorkChallenge.withRandomSecret(random, new InMemorySpentChallenges()),
                  new InMemoryHoldRates())
              .scheduleRecheck(BookingServices.RECOMMENDED_SCHEDULE_RECHECK)
              .build();
      Attempt attempt;
      DataSource direct = null;
      switch (run.path) {
        case "service" -> attempt = start -> holdAndConfirm(service, start);
        case "direct", "direct-without-constraint" -> {
          if (run.path.equals("direct-without-constraint")) {
            execute(
                settings,
                "ALTER TABLE appointments DROP CONSTRAINT one_appointment_per_resource_at_a_time");
          }
          direct = pool(settings);
          DataSource pool = direct;
          int caseworkers = run.caseworkers;
          attempt = start -> holdAndConfirmDirectly(pool, caseworkers, start);
        }
        default ->
            throw new IllegalArgumentException(
                "path is service, direct or direct-without-constraint, not " + run.path);
      }
      // Warm up the JIT, the pool and PostgreSQL's plans on other days than the measured ones.
      measure(run.attempts / 5, run.clients, Math.max(STARTS_PER_DAY, run.starts / 5), attempt, 20);
      // A live database has planner statistics; a fresh one gets them from autovacuum only after
      // a while, and plans made for empty tables (sequential scans) would be measured instead.
      execute(settings, "ANALYZE");
      Result booking = measure(run.attempts, run.clients, run.starts, attempt, 0);
      if (direct != null) {
        ((AutoCloseable) direct).close();
      }
      long appointments = measuredAppointments(settings, run.starts);
      Result floor = floor(settings, run.attempts, run.clients, run.starts);
      return new Report(booking, floor, appointments, overlappingPairs(settings));
    }
  }

  /** Latencies in nanoseconds and the wall time of one measured run. */
  record Result(int succeeded, double seconds, long[] latencies) {
    double percentile(int percent) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
    }
  }

  /** One hold-and-confirm attempt at a start; true when it ended with a booking. */
  @FunctionalInterface
  private interface Attempt {
    boolean book(Instant start) throws Exception;
  }

  private static Result measure(
      int attempts, int clients, int starts, Attempt attempt, int firstDay) throws Exception {
    Random random = new Random(2027 + firstDay);
    AtomicInteger confirmed = new AtomicInteger();
    long[] latencies = new long[attempts];
    List<Callable<Void>> work = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      int index = i;
      int start = random.nextInt(starts);
      Instant at =
          ZonedDateTime.of(workday(firstDay + start / STARTS_PER_DAY).atTime(8, 0), ZONE)
              .toInstant()
              .plus(Duration.ofMinutes(10L * (start % STARTS_PER_DAY)));
      work.add(
          () -> {
            long begin = System.nanoTime();
            if (attempt.book(at)) {
              confirmed.incrementAndGet();
            }
            latencies[index] = System.nanoTime() - begin;
            return null;
          });
    }
    double seconds = runAll(work, clients);
    return new Result(confirmed.get(), seconds, latencies);
  }

  private static boolean holdAndConfirm(BookingServices service, Instant start) {
    HoldResult hold =
        service.hold(
            new HoldSlot.Command(
                OFFICE,
                ImmutableList.of(new ServiceRequest(SERVICE.id(), 1)),
                start,
                Channel.ONLINE,
                Actor.CITIZEN,
                Optional.empty()));
    if (!(hold instanceof HoldResult.Held held)) {
      return false;
    }
    BookingResult booking =
        service.confirm(
            new ConfirmBooking.Command(held.hold().id(), CLIENT, Actor.CITIZEN, Optional.empty()));
    if (!(booking instanceof BookingResult.Confirmed)) {
      throw new IllegalStateException("a live hold could not be confirmed: " + booking);
    }
    return true;
  }

  /**
   * The same booking as two plain JDBC calls of claim_hold and confirm_hold, in their current
   * signatures (R__booking_functions.sql), in person and without quotas.
   */
  private static boolean holdAndConfirmDirectly(DataSource pool, int caseworkers, Instant start)
      throws SQLException {
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < caseworkers; i++) {
      candidates.add("caseworker-" + i);
    }
    Collections.shuffle(candidates, ThreadLocalRandom.current());
    UUID id = UUID.randomUUID();
    OffsetDateTime begin = start.atOffset(ZoneOffset.UTC);
    OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
    try (Connection connection = pool.getConnection()) {
      try (PreparedStatement claim =
          connection.prepareStatement(
              "SELECT outcome FROM claim_hold(?, ?, ?, ?, ?, ?, 'ONLINE', ?, ?, NULL, NULL, ?,"
                  + " NULL, NULL, 'IN_PERSON')")) {
        claim.setString(1, OFFICE.value());
        claim.setObject(2, id);
        claim.setArray(3, connection.createArrayOf("text", candidates.toArray()));
        claim.setObject(4, begin);
        claim.setObject(5, begin.plus(SERVICE.duration()));
        claim.setObject(6, now.plusMinutes(10));
        claim.setArray(7, connection.createArrayOf("text", new String[] {SERVICE.id().value()}));
        claim.setArray(8, connection.createArrayOf("integer", new Integer[] {1}));
        claim.setObject(9, now);
        try (ResultSet outcome = claim.executeQuery()) {
          outcome.next();
          if (!outcome.getString(1).equals("INSERTED")) {
            return false;
          }
        }
      }
      try (PreparedStatement confirm =
          connection.prepareStatement(
              """
              SELECT outcome FROM confirm_hold(?, ?, '{ONLINE}', ?, ?, 'Rush Client', 'rush@example.org', NULL, NULL, NULL, NULL, ?,
                                               'CITIZEN', '', '',
                                               '{}', NULL, NULL, NULL, NULL, NULL)\
              """)) {
        confirm.setString(1, OFFICE.value());
        confirm.setObject(2, id);
        confirm.setString(
            3,
            BookingReference.random(bound -> ThreadLocalRandom.current().nextInt(bound)).value());
        confirm.setBytes(4, new byte[32]);
        confirm.setObject(5, now);
        try (ResultSet outcome = confirm.executeQuery()) {
          outcome.next();
          return outcome.getString(1).equals("CONFIRMED");
        }
      }
    }
  }

  /**
   * The floor: {@code UPDATE ... WHERE id = ? AND counter < limit} and commit, same concurrency.
   */
  private static Result floor(DatabaseSettings settings, int operations, int clients, int rows)
      throws Exception {
    try (Connection setup = connect(settings);
        Statement statement = setup.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS floor_probe (id integer PRIMARY KEY, counter integer NOT"
              + " NULL)");
      statement.execute(
          "INSERT INTO floor_probe SELECT g, 0 FROM generate_series(0, "
              + (rows - 1)
              + ") g ON CONFLICT DO NOTHING");
    }
    DataSource pool = pool(settings);
    try {
      Random random = new Random(99);
      long[] latencies = new long[operations];
      AtomicInteger done = new AtomicInteger();
      List<Callable<Void>> work = new ArrayList<>();
      for (int i = 0; i < operations; i++) {
        int index = i;
        int row = random.nextInt(rows);
        work.add(
            () -> {
              long begin = System.nanoTime();
              try (Connection connection = pool.getConnection();
                  PreparedStatement update =
                      connection.prepareStatement(
                          "UPDATE floor_probe SET counter = counter + 1 WHERE id = ? AND counter <"
                              + " 1000000")) {
                // Autocommit: the statement is its own transaction, committed in the same round
                // trip.
                update.setInt(1, row);
                done.addAndGet(update.executeUpdate());
              }
              latencies[index] = System.nanoTime() - begin;
              return null;
            });
      }
      double seconds = runAll(work, clients);
      return new Result(done.get(), seconds, latencies);
    } finally {
      ((AutoCloseable) pool).close();
    }
  }

  private static double runAll(List<Callable<Void>> work, int clients) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(clients);
    try {
      long begin = System.nanoTime();
      for (Future<Void> done : executor.invokeAll(work)) {
        done.get();
      }
      return (System.nanoTime() - begin) / 1e9;
    } finally {
      executor.shutdownNow();
    }
  }

  private static void execute(DatabaseSettings settings, String sql) throws SQLException {
    try (Connection connection = connect(settings);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The live appointments on the measured days (the warm-up books from day 20 on). */
  private static long measuredAppointments(DatabaseSettings settings, int starts)
      throws SQLException {
    Instant end =
        ZonedDateTime.of(workday((starts - 1) / STARTS_PER_DAY + 1).atStartOfDay(), ZONE)
            .toInstant();
    try (Connection connection = connect(settings);
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM appointments WHERE status <> 'CANCELLED' AND starts_at <"
                    + " ?")) {
      statement.setObject(1, end.atOffset(ZoneOffset.UTC));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static long overlappingPairs(DatabaseSettings settings) throws SQLException {
    try (Connection connection = connect(settings);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                """
                SELECT count(*) FROM appointments a JOIN appointments b
                  ON a.office_id = b.office_id AND a.resource_id = b.resource_id
                 AND a.appointment_id < b.appointment_id
                 AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
                WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'\
                """)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void setUp(JdbcAdapter adapter, int caseworkers) {
    adapter
        .catalog()
        .saveOffice(
            new Office(
                OFFICE,
                "Release rush",
                ZONE,
                HolidayRegion.munich(),
                10,
                BookingHorizon.of(Duration.ZERO, 180),
                Duration.ofMinutes(10)));
    adapter.catalog().saveService(SERVICE);
    WorkingTime weekdays =
        WorkingTime.builder()
            .rule(
                WeeklyRule.weekly(
                    EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), "08:00", "16:30"))
            .build();
    for (int i = 0; i < caseworkers; i++) {
      ResourceId id = ResourceId.of("caseworker-" + i);
      adapter
          .catalog()
          .saveResource(
              Resource.of(
                  id, OFFICE, "Caseworker " + i, ResourceKind.CASEWORKER, List.of(SERVICE.id())));
      adapter.catalog().saveWorkingTime(OFFICE, id, weekdays);
    }
  }

  /** The {@code n}-th working day from the first Monday (weekends skipped). */
  private static LocalDate workday(int n) {
    return MONDAY_DATE.plusWeeks(n / 5).plusDays(n % 5);
  }

  private static DataSource pool(DatabaseSettings settings) {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maximumPoolSize());
    return new com.zaxxer.hikari.HikariDataSource(config);
  }

  private static Connection connect(DatabaseSettings settings) throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }

  private static int argument(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
