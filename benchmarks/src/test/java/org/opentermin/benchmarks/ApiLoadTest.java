package org.opentermin.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The API load at a tiny size against the app jar the build just packaged (this module depends on
 * the app for that order): every scenario runs, availability and booking produce numbers, the
 * booking check finds no overbooking, and the app stops cleanly after each start. Only outcomes are
 * checked, never times.
 */
class ApiLoadTest {

  /** The shaded app jar, relative to this module's directory, where the tests run. */
  private static final Path APP = Path.of("../app/target/opentermin.jar");

  @Test
  void everyScenarioRunsAtATinySizeAndNothingIsOverbooked() throws Exception {
    assertThat(Files.isRegularFile(APP))
        .as("the app jar is packaged before this module is tested")
        .isTrue();
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int status;
    try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      status =
          ApiLoad.run(
              new String[] {
                "app=" + APP,
                "scenarios=availability,booking,startup",
                "rules=off",
                "quietWait=0",
                "jitWarmup=1",
                "connections=2",
                "rates=20",
                "warmup=1",
                "duration=2",
                "clients=2",
                "bookingDays=14",
                "bookingWarmup=1",
                "bookingDuration=2",
                "restarts=1"
              });
    } finally {
      System.setOut(original);
    }
    String report = printed.toString(StandardCharsets.UTF_8);
    original.print(report);

    assertThat(status).as("exit status; the report:%n%s", report).isZero();
    assertThat(report)
        .containsPattern("availability java c=2: [1-9][0-9]* req/s")
        .containsPattern("availability java rate=20/s .*: [1-9][0-9]* req/s")
        .containsPattern(
            "booking c=2 \\([1-9][0-9]* starts listed over 14 days\\): [1-9][0-9]* bookings/s")
        .contains("overbooking check: 0 overlapping appointments of one resource")
        .contains("stop (SIGTERM): clean")
        .containsPattern("startup with a warm data directory: median [0-9]+ ms of 1 restarts");
  }
}
