package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentermin.ports.contract.ContractFixtures;

class EmbeddedPostgresServerTest {

  @Test
  void dataSurvivesARestartInTheSameDirectory(@TempDir Path dataDirectory) {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
        JdbcAdapter adapter = JdbcAdapter.connect(server.database("opentermin"))) {
      adapter.catalog().saveOffice(ContractFixtures.office(ContractFixtures.OFFICE, "Nord"));
    }

    try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDirectory);
        JdbcAdapter adapter = JdbcAdapter.connect(restarted.database("opentermin"))) {
      assertThat(adapter.catalog().office(ContractFixtures.OFFICE)).isPresent();
      assertThat(adapter.isReachable()).isTrue();
    }
  }

  @Test
  void adapterNoticesWhenTheDatabaseIsGone(@TempDir Path dataDirectory) {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
    try (JdbcAdapter adapter = JdbcAdapter.connect(server.database("opentermin"))) {
      server.close();
      assertThat(adapter.isReachable()).isFalse();
    }
  }

  @Test
  void theAppsServerWaitsForTheDiskOnEveryCommitWhileTheTestServerDoesNot(
      @TempDir Path dataDirectory) throws SQLException {
    try (EmbeddedPostgresServer durable = EmbeddedPostgresServer.start(dataDirectory)) {
      assertThat(durable.isDurable()).isTrue();
      assertThat(
              settings(
                  durable.database("postgres"), "fsync", "synchronous_commit", "full_page_writes"))
          .containsExactly("on", "on", "on");
    }
    try (EmbeddedPostgresServer temporary = EmbeddedPostgresServer.startTemporary()) {
      assertThat(temporary.isDurable()).isFalse();
      assertThat(settings(temporary.database("postgres"), "fsync", "synchronous_commit"))
          .containsExactly("off", "off");
    }
  }

  @Test
  void onlyThePasswordKeptPrivatelyInTheDataDirectoryLetsAnyoneIn(@TempDir Path directory)
      throws Exception {
    Path dataDirectory = directory.resolve("postgres");
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
      DatabaseSettings settings = server.database("opentermin");
      Path passwordFile = dataDirectory.resolve(EmbeddedCredentials.PASSWORD_FILE);

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
      assertThat(settings.password())
          .isEqualTo(Files.readString(passwordFile).strip())
          .hasSizeGreaterThanOrEqualTo(32);
      assertThat(settings.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
      assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(), "postgres", ""))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(), "postgres", "wrong"))
          .isInstanceOf(SQLException.class);
      assertThat(settings(settings, "listen_addresses", "unix_socket_directories"))
          .containsExactly("127.0.0.1", "");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(directory.resolve("postgres-binaries"))))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void aDirectoryCreatedWithoutAPasswordGetsOneAndKeepsItsData(@TempDir Path directory)
      throws Exception {
    Path dataDirectory = directory.resolve("postgres");
    // As earlier versions left it: every local connection trusted, no password anywhere.
    try (EmbeddedPostgres old =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
        Connection connection =
            DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE kept (id int)");
      statement.execute("INSERT INTO kept VALUES (42)");
    }

    try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.start(dataDirectory)) {
      DatabaseSettings settings = upgraded.database("postgres");
      assertThat(Files.readString(dataDirectory.resolve("pg_hba.conf")))
          .contains("scram-sha-256")
          .doesNotContain("trust");
      assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(), "postgres", ""))
          .isInstanceOf(SQLException.class);
      try (Connection connection =
              DriverManager.getConnection(
                  settings.jdbcUrl(), settings.user(), settings.password());
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(42);
      }
    }
  }

  @Test
  void aServerLeftRunningByAKilledAppIsStoppedAndTheNextStartSucceedsAtOnce(@TempDir Path directory)
      throws Exception {
    Path dataDirectory = directory.resolve("postgres");
    int port;
    Path postgres;
    try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDirectory);
        JdbcAdapter adapter = JdbcAdapter.connect(first.database("opentermin"))) {
      adapter.catalog().saveOffice(ContractFixtures.office(ContractFixtures.OFFICE, "Nord"));
      port = first.port();
      postgres = Path.of(first.postmaster().orElseThrow().info().command().orElseThrow());
    }
    // What a killed app leaves behind: its server still running, owned by no JVM.
    Process orphan = pgCtlStart(postgres.resolveSibling("pg_ctl"), dataDirectory, port);
    assertThat(orphan.waitFor(60, TimeUnit.SECONDS)).isTrue();
    ProcessHandle orphaned = OrphanedServer.postmaster(dataDirectory).orElseThrow();

    try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(dataDirectory);
        JdbcAdapter adapter = JdbcAdapter.connect(next.database("opentermin"))) {
      assertThat(orphaned.isAlive()).isFalse();
      assertThat(next.postmaster().orElseThrow().pid()).isNotEqualTo(orphaned.pid());
      assertThat(adapter.catalog().office(ContractFixtures.OFFICE)).isPresent();
    }
  }

  @Test
  void aServerOfARunningInstanceIsNeverTakenAway(@TempDir Path dataDirectory) {
    try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(dataDirectory)) {
      assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDirectory))
          .hasMessageContaining("another running instance");
      assertThat(running.isRunning()).isTrue();
    }
  }

  @Test
  void aKilledServerIsRestartedOnItsPortAndThePoolReconnects(@TempDir Path dataDirectory) {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
        JdbcAdapter adapter = JdbcAdapter.connect(server.database("opentermin"))) {
      adapter.catalog().saveOffice(ContractFixtures.office(ContractFixtures.OFFICE, "Nord"));
      int port = server.port();

      Signals.sendToTree(server.postmaster().orElseThrow(), "KILL");
      awaitDeath(server);
      assertThat(adapter.isReachable()).isFalse();

      server.restart();

      assertThat(server.isRunning()).isTrue();
      assertThat(server.port()).isEqualTo(port);
      // The pool retries new connections with a growing pause between attempts; it finds the server
      // within seconds.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!adapter.isReachable() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(adapter.isReachable()).isTrue();
      assertThat(adapter.catalog().office(ContractFixtures.OFFICE)).isPresent();
    }
  }

  @Test
  void aStalledServerFailsStoreCallsWithinSecondsInsteadOfHangingThem(@TempDir Path dataDirectory) {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
        JdbcAdapter adapter = JdbcAdapter.connect(server.database("opentermin"))) {
      adapter.catalog().saveOffice(ContractFixtures.office(ContractFixtures.OFFICE, "Nord"));
      ProcessHandle postmaster = server.postmaster().orElseThrow();
      Signals.sendToTree(postmaster, "STOP");
      try {
        // The bound is a guard against hanging forever, far above the configured timeouts.
        JdbiException failure =
            assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () ->
                    (JdbiException)
                        org.assertj.core.api.Assertions.catchThrowable(
                            () -> adapter.catalog().office(ContractFixtures.OFFICE)));
        assertThat(failure).isNotNull();
        assertThat(Transactions.sqlState(failure)).startsWith("08");
      } finally {
        Signals.sendToTree(postmaster, "CONT");
      }
      assertThat(adapter.catalog().office(ContractFixtures.OFFICE)).isPresent();
    }
  }

  private static void awaitDeath(EmbeddedPostgresServer server) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.isRunning() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(server.isRunning()).isFalse();
  }

  /**
   * Starts a server on the directory as the library does, but from outside: nothing in this JVM
   * owns it.
   */
  private static Process pgCtlStart(Path pgCtl, Path dataDirectory, int port) throws Exception {
    List<String> command = new ArrayList<>();
    if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(
            pgCtl.toString(),
            "-D",
            dataDirectory.toString(),
            "-o",
            "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=",
            "-w",
            "start"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static List<String> settings(DatabaseSettings database, String... names)
      throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement statement = connection.createStatement()) {
      for (String name : names) {
        try (ResultSet rows = statement.executeQuery("SELECT current_setting('" + name + "')")) {
          rows.next();
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }
}
