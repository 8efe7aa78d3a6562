package org.opentermin.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentermin.benchmarks.ReleaseRush.Report;
import org.opentermin.benchmarks.ReleaseRush.Settings;
import org.opentermin.jdbc.EmbeddedPostgresServer;

/**
 * The release rush at a tiny size, through the booking service and through the two database
 * functions directly, so that neither path can fall behind the schema: 300 attempts from 8 clients
 * on 20 starts of 3 caseworkers. Only outcomes are checked, never times.
 */
class ReleaseRushTest {

  private static final int ATTEMPTS = 300;
  private static final int STARTS = 20;
  private static final int CASEWORKERS = 3;

  private static EmbeddedPostgresServer server;

  @BeforeAll
  static void startDatabase() {
    server = EmbeddedPostgresServer.startTemporary();
  }

  @AfterAll
  static void stopDatabase() {
    server.close();
  }

  @Test
  void rushThroughTheServiceFillsEveryStartOnceAndNeverOverbooks() throws Exception {
    Report report = ReleaseRush.run(server, "rush_service", tiny("service"));

    assertFilledWithoutOverbooking(report);
  }

  @Test
  void rushThroughTheDatabaseFunctionsFillsEveryStartOnceAndNeverOverbooks() throws Exception {
    Report report = ReleaseRush.run(server, "rush_direct", tiny("direct"));

    assertFilledWithoutOverbooking(report);
  }

  private static Settings tiny(String path) {
    return new Settings(ATTEMPTS, 8, STARTS, CASEWORKERS, 4, path);
  }

  /**
   * With about 15 attempts per start, every start is tried more often than it has caseworkers (the
   * attempts' starts come from a fixed seed), so every caseworker is booked at every start.
   */
  private static void assertFilledWithoutOverbooking(Report report) {
    assertThat(report.overlappingPairs()).isZero();
    assertThat(report.booking().succeeded()).isEqualTo(STARTS * CASEWORKERS);
    assertThat(report.appointments())
        .as("each confirmed attempt left one booking, nothing else")
        .isEqualTo(STARTS * CASEWORKERS);
    assertThat(report.booking().latencies())
        .as("every attempt was timed")
        .hasSize(ATTEMPTS)
        .doesNotContain(0L);
    assertThat(report.floor().succeeded())
        .as("every conditional update of the floor changed its row")
        .isEqualTo(ATTEMPTS);
  }
}
