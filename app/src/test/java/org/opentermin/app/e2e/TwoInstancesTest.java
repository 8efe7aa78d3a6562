package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opentermin.app.AppConfig;
import org.opentermin.app.OpenTermin;
import org.opentermin.core.fairness.ProofOfWork;
import org.opentermin.jdbc.DatabaseSettings;
import org.opentermin.jdbc.EmbeddedPostgresServer;
import org.opentermin.ports.privacy.PersonalDataRetention;

/**
 * Two app instances on one PostgreSQL, each on its own port, both trusting 127.0.0.1 as their
 * reverse proxy: what one issues the other accepts, a rush split across both overbooks nothing, and
 * the jobs running in both do each piece of work once. The job test moves the shared clock weeks
 * ahead, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

  private static final String OFFICE = "twin-amt";
  private static final String CHALLENGE_OFFICE = "twin-pruefamt";
  private static final String SERVICE = "twin-beratung";
  private static final String RUSH_DAY = "2026-12-09";
  private static final int RATE_LIMIT = 20;

  private static final MovableClock CLOCK = new MovableClock(RunningApp.MONDAY_MORNING);
  private static final AtomicInteger CONFIRMED = new AtomicInteger();
  private static EmbeddedPostgresServer postgres;
  private static OpenTermin first;
  private static OpenTermin second;
  private static Api one;
  private static Api other;

  @BeforeAll
  static void twoInstancesOnOneDatabase() throws IOException {
    postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("opentermin-e2e-twins"));
    DatabaseSettings database = postgres.database("twins");
    first = start(database);
    second = start(database);
    one = new Api(first.port());
    other = new Api(second.port());
    String admin = Api.bearer(RunningApp.ADMIN_TOKEN);
    for (String office : List.of(OFFICE, CHALLENGE_OFFICE)) {
      expect(
          201,
          one.post(
              "/api/v1/admin/offices",
              Map.of(
                  "id",
                  office,
                  "name",
                  office,
                  "timeZone",
                  "Europe/Berlin",
                  "state",
                  "BY",
                  "slotMinutes",
                  15,
                  "maxDaysAhead",
                  60),
              "Authorization",
              admin));
    }
    expect(
        201,
        one.post(
            "/api/v1/admin/services",
            Map.of(
                "id",
                SERVICE,
                "name",
                "Beratung",
                "durationMinutes",
                30,
                "maxPersons",
                1,
                "channels",
                List.of("ONLINE")),
            "Authorization",
            admin));
    for (String office : List.of(OFFICE, CHALLENGE_OFFICE)) {
      expect(
          201,
          one.post(
              "/api/v1/admin/offices/" + office + "/resources",
              Map.of(
                  "id",
                  office + "-ben",
                  "name",
                  "Ben",
                  "kind",
                  "CASEWORKER",
                  "serviceIds",
                  List.of(SERVICE)),
              "Authorization",
              admin));
      expect(
          200,
          one.put(
              "/api/v1/admin/offices/" + office + "/resources/" + office + "-ben/schedule",
              Map.of(
                  "rules",
                  List.of(
                      Map.of(
                          "days",
                          List.of("MON", "TUE", "WED", "THU", "FRI"),
                          "from",
                          "08:00",
                          "to",
                          "16:00"))),
              "Authorization",
              admin));
    }
    expect(
        200,
        one.put(
            "/api/v1/admin/offices/" + CHALLENGE_OFFICE + "/access-policy",
            "{\"challenge\": {\"always\": true, \"difficultyBits\": 4, \"holdsPerMinuteThreshold\":"
                + " 0}}",
            "Authorization",
            admin));
  }

  private static OpenTermin start(DatabaseSettings database) throws IOException {
    AppConfig config =
        AppConfig.fromEnvironment(
            Map.of(
                "OPENTERMIN_PORT", "0",
                "OPENTERMIN_DATA_DIR", Files.createTempDirectory("opentermin-e2e-twin").toString(),
                "OPENTERMIN_DB_URL", database.jdbcUrl(),
                "OPENTERMIN_DB_USER", database.user(),
                "OPENTERMIN_DB_PASSWORD", database.password(),
                "OPENTERMIN_ADMIN_TOKEN", RunningApp.ADMIN_TOKEN,
                "OPENTERMIN_DEMO", "false",
                "OPENTERMIN_RATE_LIMIT_PER_MINUTE", Integer.toString(RATE_LIMIT),
                "OPENTERMIN_TRUSTED_PROXIES", "127.0.0.1, ::1"));
    return OpenTermin.start(
        config, CLOCK, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {first, second, postgres}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception ignored) {
        // Stopping the rest matters more.
      }
    }
  }

  @Test
  @Order(1)
  void aChallengeIssuedByOneInstanceIsVerifiedByTheOtherAndCountsOnceAcrossBoth() {
    JsonNode challenge = one.get("/api/v1/challenge?officeId=" + CHALLENGE_OFFICE).json();
    assertThat(challenge.get("required").asBoolean()).isTrue();
    Map<String, String> answer =
        Map.of(
            "challenge",
            challenge.get("challenge").asText(),
            "solution",
            ProofOfWork.solve(
                challenge.get("challenge").asText(), challenge.get("difficultyBits").asInt()));

    Api.Answer held =
        other.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                CHALLENGE_OFFICE,
                "services",
                List.of(Api.service(SERVICE, 1)),
                "start",
                "2026-12-10T09:00:00+01:00",
                "challenge",
                answer));
    Api.Answer again =
        one.post(
            "/api/v1/holds",
            Map.of(
                "officeId",
                CHALLENGE_OFFICE,
                "services",
                List.of(Api.service(SERVICE, 1)),
                "start",
                "2026-12-10T11:00:00+01:00",
                "challenge",
                answer));

    expect(201, held);
    assertThat(again.status()).isEqualTo(428);
    assertThat(again.json().get("type").asText()).endsWith("/challenge-required");
  }

  @Test
  @Order(2)
  void behindTheTrustedProxyEachForwardedClientHasItsOwnLimitInEachInstance() {
    for (int i = 0; i < RATE_LIMIT; i++) {
      expect(200, one.get("/api/v1/offices", "X-Forwarded-For", "198.51.100.7"));
    }

    assertThat(one.get("/api/v1/offices", "X-Forwarded-For", "198.51.100.7").status())
        .isEqualTo(429);
    assertThat(one.get("/api/v1/offices", "X-Forwarded-For", "198.51.100.7, 198.51.100.8").status())
        .as("another client behind a second hop")
        .isEqualTo(200);
    assertThat(one.get("/api/v1/offices", "Forwarded", "for=\"[2001:db8::7]\"").status())
        .isEqualTo(200);
    // Each instance counts on its own: behind a round-robin balancer a client gets the limit once
    // per instance.
    assertThat(other.get("/api/v1/offices", "X-Forwarded-For", "198.51.100.7").status())
        .isEqualTo(200);
  }

  @Test
  @Order(3)
  void aRushSplitAcrossBothInstancesOverbooksNothing() throws Exception {
    List<String> starts = new ArrayList<>();
    for (OffsetDateTime start = OffsetDateTime.parse(RUSH_DAY + "T08:00:00+01:00");
        start.isBefore(OffsetDateTime.parse(RUSH_DAY + "T15:45:00+01:00"));
        start = start.plusMinutes(15)) {
      starts.add(start.toString());
    }
    Random random = new Random(13);
    List<Callable<JsonNode>> citizens = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      Api api = i % 2 == 0 ? one : other;
      String start = starts.get(random.nextInt(starts.size()));
      String address = "203.0.113." + (i + 1);
      citizens.add(() -> rushOnce(api, start, address));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<JsonNode> bookings = new ArrayList<>();
    try {
      for (Future<JsonNode> booking : pool.invokeAll(citizens)) {
        if (booking.get() != null) {
          bookings.add(booking.get());
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(bookings).hasSizeGreaterThan(1);
    for (int i = 0; i < bookings.size(); i++) {
      for (int j = i + 1; j < bookings.size(); j++) {
        assertThat(overlap(bookings.get(i), bookings.get(j)))
            .as(
                "%s and %s with one caseworker",
                bookings.get(i).get("reference"), bookings.get(j).get("reference"))
            .isFalse();
      }
    }
    JsonNode day =
        other
            .get(
                "/api/v1/staff/offices/" + OFFICE + "/bookings?date=" + RUSH_DAY,
                "Authorization",
                Api.bearer(RunningApp.ADMIN_TOKEN))
            .json();
    assertThat(day.toString()).contains(bookings.get(0).get("reference").asText());
  }

  /** One citizen: hold, then confirm; the booking, or null when another was faster. */
  private static JsonNode rushOnce(Api api, String start, String address) {
    Api.Answer hold =
        api.post(
            "/api/v1/holds",
            Map.of(
                "officeId", OFFICE, "services", List.of(Api.service(SERVICE, 1)), "start", start),
            "X-Forwarded-For",
            address);
    if (hold.status() == 409) {
      return null;
    }
    expect(201, hold);
    Api.Answer booked =
        api.post(
            "/api/v1/bookings",
            Map.of(
                "holdId",
                hold.json().get("holdId").asText(),
                "citizen",
                Map.of("name", "Rush Citizen", "email", "rush@example.org")),
            "X-Forwarded-For",
            address);
    if (booked.status() == 409) {
      return null;
    }
    expect(201, booked);
    CONFIRMED.incrementAndGet();
    return booked.json();
  }

  @Test
  @Order(4)
  void theCleanUpAndRetentionJobsRunInBothAndDoEachPieceOfWorkOnce() throws Exception {
    CLOCK.advance(Duration.ofMinutes(11));
    first.deleteExpiredHoldsNow();
    second.deleteExpiredHoldsNow();
    for (String start :
        List.of(
            "2026-12-11T08:00:00+01:00",
            "2026-12-11T09:00:00+01:00",
            "2026-12-11T10:00:00+01:00")) {
      expect(
          201,
          one.post(
              "/api/v1/holds",
              Map.of(
                  "officeId", OFFICE, "services", List.of(Api.service(SERVICE, 1)), "start", start),
              "X-Forwarded-For",
              "192.0.2.1"));
    }
    CLOCK.advance(Duration.ofMinutes(11));

    List<Integer> deleted = inBoth(first::deleteExpiredHoldsNow, second::deleteExpiredHoldsNow);

    assertThat(deleted.get(0) + deleted.get(1)).isEqualTo(3);

    // Past the default retention of 30 days after every appointment made here.
    CLOCK.advance(Duration.ofDays(45));
    List<PersonalDataRetention.Erased> erased =
        inBoth(first::eraseExpiredPersonalData, second::eraseExpiredPersonalData);

    assertThat(CONFIRMED.get()).isPositive();
    assertThat(erased.get(0).bookings() + erased.get(1).bookings()).isEqualTo(CONFIRMED.get());
    assertThat(first.eraseExpiredPersonalData().total() + second.eraseExpiredPersonalData().total())
        .isZero();
  }

  /** Runs both at the same moment, as two instances' schedules may. */
  @SafeVarargs
  private static <T> List<T> inBoth(Callable<T>... jobs) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(jobs.length);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> result : pool.invokeAll(List.of(jobs))) {
        results.add(result.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean overlap(JsonNode a, JsonNode b) {
    OffsetDateTime aStart = OffsetDateTime.parse(a.get("start").asText());
    OffsetDateTime aEnd = OffsetDateTime.parse(a.get("end").asText());
    OffsetDateTime bStart = OffsetDateTime.parse(b.get("start").asText());
    OffsetDateTime bEnd = OffsetDateTime.parse(b.get("end").asText());
    return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
  }

  private static void expect(int status, Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
  }
}
