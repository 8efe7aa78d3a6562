package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opentermin.app.AppConfig;
import org.opentermin.app.OpenTermin;

/**
 * The database goes away while the app runs: killed, stalled, or unable to come back. Requests get
 * 503 with {@code Retry-After} instead of 500 or a hang, {@code /health} stays 200, {@code /ready}
 * says 503, and everything works again once the database is back, without anyone's help. The time
 * bounds below only guard against hanging; the app's own limits are seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTest {

  private static final Duration GUARD = Duration.ofSeconds(30);
  private static Path dataDirectory;
  private static OpenTermin app;
  private static Api api;

  @BeforeAll
  static void start() throws IOException {
    dataDirectory = Files.createTempDirectory("opentermin-outage");
    AppConfig config =
        AppConfig.fromEnvironment(
            Map.of(
                "OPENTERMIN_PORT",
                "0",
                "OPENTERMIN_DATA_DIR",
                dataDirectory.toString(),
                "OPENTERMIN_ADMIN_TOKEN",
                RunningApp.ADMIN_TOKEN,
                "OPENTERMIN_RATE_LIMIT_PER_MINUTE",
                "0"));
    app =
        OpenTermin.start(
            config,
            new MovableClock(RunningApp.MONDAY_MORNING),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    api = new Api(app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Each scenario starts from a healthy app, whatever the one before left to recover. */
  @BeforeEach
  void healthy() {
    assertThat(awaitReady(status -> status == 200)).isEqualTo(200);
    assertThat(awaitStaffDay(200)).isEqualTo(200);
  }

  @Test
  @Order(1)
  void aKilledDatabaseIsAnswered503UntilItIsRestartedByItself() {
    assertThat(staffDay().status()).isEqualTo(200);

    Processes.signalTree(Processes.postmaster(dataDirectory), "KILL");

    Api.Answer duringOutage = assertTimeoutPreemptively(GUARD, DatabaseOutageTest::staffDay);
    assertThat(duringOutage.status()).isEqualTo(503);
    assertThat(duringOutage.header("Retry-After")).isNotBlank();
    assertThat(duringOutage.body())
        .contains("/problems/service-unavailable")
        .doesNotContain("Exception");
    assertThat(api.get("/health").status()).isEqualTo(200);
    assertThat(awaitReady(status -> status == 503)).isEqualTo(503);

    assertThat(awaitReady(status -> status == 200)).isEqualTo(200);
    assertThat(awaitStaffDay(200)).isEqualTo(200);
  }

  @Test
  @Order(2)
  void aStalledDatabaseGivesFast503sWhileLivenessAnswersUnderLoad() throws Exception {
    assertThat(staffDay().status()).isEqualTo(200);
    ProcessHandle postmaster = Processes.postmaster(dataDirectory);
    HttpClient client = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
    Processes.signalTree(postmaster, "STOP");
    try {
      for (int i = 0; i < 150; i++) {
        waiting.add(
            client.sendAsync(
                HttpRequest.newBuilder(api.uri(staffDayPath()))
                    .header("Authorization", Api.bearer(RunningApp.ADMIN_TOKEN))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      assertThat(
              assertTimeoutPreemptively(Duration.ofSeconds(5), () -> api.get("/health")).status())
          .isEqualTo(200);

      Api.Answer stalled = assertTimeoutPreemptively(GUARD, DatabaseOutageTest::staffDay);
      assertThat(stalled.status()).isEqualTo(503);
      assertThat(stalled.header("Retry-After")).isNotBlank();
      assertThat(awaitReady(status -> status == 503)).isEqualTo(503);
      for (CompletableFuture<HttpResponse<String>> answer : waiting) {
        assertThat(assertTimeoutPreemptively(GUARD, () -> answer.get()).statusCode())
            .isIn(200, 503);
      }
    } finally {
      Processes.signalTree(postmaster, "CONT");
    }

    assertThat(awaitReady(status -> status == 200)).isEqualTo(200);
    assertThat(awaitStaffDay(200)).isEqualTo(200);
  }

  @Test
  @Order(3)
  void whenTheDatabaseCannotBeRestartedTheAppStaysNotReadyAndRecoversOnceItCan() throws Exception {
    ProcessHandle postmaster = Processes.postmaster(dataDirectory);
    int port = postgresPort();
    Processes.signalTree(postmaster, "KILL");
    // Someone else takes the database's port the moment it is free, long before the watch looks
    // again: every restart fails until it is free again.
    try (ServerSocket squatter = bindWhenFree(port)) {
      assertThat(awaitReady(status -> status == 503)).isEqualTo(503);
      Thread.sleep(4_000);
      assertThat(api.get("/ready").status()).isEqualTo(503);
      assertThat(staffDay().status()).isEqualTo(503);
    }

    assertThat(awaitReady(status -> status == 200)).isEqualTo(200);
    assertThat(awaitStaffDay(200)).isEqualTo(200);
  }

  /**
   * Repeats the staff day request until it answers {@code wanted} (the pool reconnects within
   * seconds); returns the last status.
   */
  private static int awaitStaffDay(int wanted) {
    long deadline = System.nanoTime() + GUARD.toNanos();
    int status;
    do {
      status = staffDay().status();
      assertThat(status).isIn(200, 503);
    } while (status != wanted && System.nanoTime() < deadline);
    return status;
  }

  private static Api.Answer staffDay() {
    return api.get(staffDayPath(), "Authorization", Api.bearer(RunningApp.ADMIN_TOKEN));
  }

  private static String staffDayPath() {
    return "/api/v1/staff/offices/sbh-sued/bookings?date=2026-12-01";
  }

  /**
   * Polls {@code /ready} until its status satisfies {@code wanted} (or the guard runs out); returns
   * the last status.
   */
  private static int awaitReady(IntPredicate wanted) {
    long deadline = System.nanoTime() + GUARD.toNanos();
    int status;
    do {
      status = api.get("/ready").status();
      if (wanted.test(status)) {
        return status;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return status;
      }
    } while (System.nanoTime() < deadline);
    return status;
  }

  private static ServerSocket bindWhenFree(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + GUARD.toNanos();
    while (true) {
      try {
        return new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
      } catch (BindException stillTaken) {
        if (System.nanoTime() > deadline) {
          throw stillTaken;
        }
        Thread.sleep(2);
      }
    }
  }

  private static int postgresPort() {
    try {
      return Integer.parseInt(
          Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"))
              .get(3)
              .strip());
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
