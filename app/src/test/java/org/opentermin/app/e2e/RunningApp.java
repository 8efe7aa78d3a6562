package org.opentermin.app.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.opentermin.app.AppConfig;
import org.opentermin.app.OpenTermin;
import org.opentermin.ports.booking.BookingServices;

/**
 * The app under test, started once per test JVM: embedded PostgreSQL in a fresh temporary data
 * directory, the demo offices (with the recommended fair-access preset), a known admin token, a
 * random port, no rate limits, video rooms under {@link #VIDEO_BASE_URL}, and a clock the tests
 * move. Tests that need an office without fair-access rules switch them off through the admin API
 * first ({@link #withoutAccessRules}). Monday 30 November 2026, 06:00 UTC (07:00 in Munich) is
 * where every test class starts. The apps log to {@code app/target/e2e-app.log} (see {@link
 * #log()}), not to the console.
 */
final class RunningApp {

  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T06:00:00Z");

  /**
   * System property that names the file the test JVM logs to (set for this module's tests in its
   * pom).
   */
  static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

  static final String ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";

  /** Where video appointments get their rooms. */
  static final String VIDEO_BASE_URL = "https://video.e2e.example.org/rooms";

  private static RunningApp instance;

  final MovableClock clock = new MovableClock(MONDAY_MORNING);
  final Api api;

  /** The instance itself, to run its jobs now and to set up what the API does not offer yet. */
  final OpenTermin app;

  final String console;

  private RunningApp() {
    Path dataDirectory;
    try {
      dataDirectory = Files.createTempDirectory("opentermin-e2e");
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    AppConfig config =
        AppConfig.fromEnvironment(
            Map.of(
                "OPENTERMIN_PORT",
                "0",
                "OPENTERMIN_DATA_DIR",
                dataDirectory.toString(),
                "OPENTERMIN_ADMIN_TOKEN",
                ADMIN_TOKEN,
                // Every test sends from 127.0.0.1; the limits are tested in the HTTP adapter.
                "OPENTERMIN_RATE_LIMIT_PER_MINUTE",
                "0",
                "OPENTERMIN_VIDEO_BASE_URL",
                VIDEO_BASE_URL));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    OpenTermin app =
        OpenTermin.start(config, clock, new PrintStream(output, true, StandardCharsets.UTF_8));
    Runtime.getRuntime().addShutdownHook(new Thread(app::close));
    this.app = app;
    this.api = new Api(app.port());
    this.console = output.toString(StandardCharsets.UTF_8);
  }

  /**
   * Everything the apps in this JVM have logged so far, from every logger at OpenTermin's debug
   * level.
   */
  static String log() {
    String file = System.getProperty(LOG_FILE_PROPERTY);
    if (file == null || file.startsWith("System.")) {
      throw new AssertionError(
          "the end-to-end tests need the app's log in a file: set " + LOG_FILE_PROPERTY);
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  static synchronized RunningApp get() {
    if (instance == null) {
      instance = new RunningApp();
    }
    instance.clock.set(MONDAY_MORNING);
    return instance;
  }

  /**
   * Switches the offices' own fair-access rules off through the admin API, as an administrator
   * would.
   */
  RunningApp withoutAccessRules(String... offices) {
    for (String office : offices) {
      Api.Answer removed =
          api.delete(
              "/api/v1/admin/offices/" + office + "/access-policy",
              "Authorization",
              Api.bearer(ADMIN_TOKEN));
      if (removed.status() != 204) {
        throw new AssertionError(
            "switching the rules of "
                + office
                + " off answered "
                + removed.status()
                + ": "
                + removed.body());
      }
      policyChanged(office);
    }
    return this;
  }

  /**
   * Lets the app see a policy change at once. An instance rechecks an office's schedule version at
   * most every {@link BookingServices#RECOMMENDED_SCHEDULE_RECHECK} of its clock, and this clock
   * stands still: it is moved past that for one request that reads the office, then set back.
   */
  void policyChanged(String office) {
    afterRecheck(() -> api.get("/api/v1/challenge?officeId=" + office));
  }

  /**
   * Lets the app see changed responsibility rules at once, as {@link #policyChanged} does for a
   * policy.
   */
  void routingChanged() {
    afterRecheck(
        () ->
            api.post(
                "/api/v1/responsibility",
                Map.of("routing", Map.of("postalCode", "00000", "surname", "X"))));
  }

  private void afterRecheck(Runnable request) {
    Instant now = clock.instant();
    clock.advance(BookingServices.RECOMMENDED_SCHEDULE_RECHECK.plus(Duration.ofMillis(1)));
    try {
      request.run();
    } finally {
      clock.set(now);
    }
  }
}
