package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the app itself, for zero-setup installations and tests. Its data
 * directory survives restarts when one is given. It listens on the loopback address only and admits
 * only the generated password kept in its data directory (file {@code opentermin-password}, mode
 * 0600).
 *
 * <p>{@link #start} runs it durably (every commit reaches the disk before it is answered) and first
 * stops a server an earlier, killed run left behind on the same directory; {@link #startTemporary}
 * trades durability for speed and is meant for tests only. {@link #restart} brings a server that
 * died back on the same port, so that pools reconnect by themselves. Stop it with {@link #close()}.
 * Restarting and closing are not meant to race each other.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  static final String USER = "postgres";

  /** The delay of group commit, in microseconds (see {@link #launch}). */
  static final int COMMIT_DELAY_MICROSECONDS = 200;

  private final Path dataDirectory;
  private final Optional<Path> binaryDirectory;
  private final boolean durable;
  private final boolean temporary;
  private final String password;
  private volatile EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(
      EmbeddedPostgres postgres,
      Path dataDirectory,
      Optional<Path> binaryDirectory,
      boolean durable,
      boolean temporary,
      String password) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.binaryDirectory = binaryDirectory;
    this.durable = durable;
    this.temporary = temporary;
    this.password = password;
  }

  /**
   * Starts a durable server whose data lives in {@code dataDirectory} (created if missing) and is
   * kept. Its binaries are unpacked beside it, into {@code <dataDirectory>-binaries} (readable and
   * writable by this user only), not into the shared temporary directory. A server of an earlier
   * run still running on the directory (its app was killed) is stopped first.
   */
  public static EmbeddedPostgresServer start(Path dataDirectory) {
    checkNotNull(dataDirectory, "dataDirectory");
    Path data = dataDirectory.toAbsolutePath().normalize();
    Path binaries = data.resolveSibling(data.getFileName() + "-binaries");
    try {
      PrivateDirectories.create(data);
      PrivateDirectories.create(binaries);
      OrphanedServer.stopIfRunning(data);
      String password = EmbeddedCredentials.password(data);
      EmbeddedPostgres postgres = launch(data, Optional.of(binaries), true, false, password, 0);
      LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), data);
      return new EmbeddedPostgresServer(
          postgres, data, Optional.of(binaries), true, false, password);
    } catch (IOException failure) {
      throw new UncheckedIOException(
          "cannot start embedded PostgreSQL in " + dataDirectory, failure);
    }
  }

  /**
   * Starts a throw-away server in a temporary directory, deleted when it stops. It runs without
   * fsync and with asynchronous commits: fast enough for test suites that create a database per
   * test, and unfit for anything whose data must survive a crash. The directory is in memory
   * ({@code /dev/shm}) where the machine has one: deleting hundreds of megabytes from disk made
   * stopping slower than the tests.
   */
  public static EmbeddedPostgresServer startTemporary() {
    try {
      Path memory = Path.of("/dev/shm");
      Path parent =
          Files.isDirectory(memory) && Files.isWritable(memory)
              ? memory
              : Path.of(System.getProperty("java.io.tmpdir"));
      Path data = Files.createTempDirectory(parent, "opentermin-pg-");
      String password = EmbeddedCredentials.password(data);
      EmbeddedPostgres postgres = launch(data, Optional.empty(), false, true, password, 0);
      return new EmbeddedPostgresServer(postgres, data, Optional.empty(), false, true, password);
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", failure);
    }
  }

  private static EmbeddedPostgres launch(
      Path data,
      Optional<Path> binaries,
      boolean durable,
      boolean temporary,
      String password,
      int port)
      throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(temporary)
            .setPort(port)
            // The app stops its own server after the requests in flight and the pool; the library's
            // shutdown hook would stop it beside that, under the last requests. Temporary servers
            // of
            // tests keep the hook, so that none outlives its JVM.
            .setRegisterShutdownHook(temporary)
            .setConnectConfig("password", password)
            .setDataDirectoryCustomizer(
                directory -> EmbeddedCredentials.secure(directory.toPath(), password, binaries))
            .setServerConfig("max_connections", "300")
            // Loopback only, and no Unix socket: a socket in the shared /tmp would be one more way
            // in.
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", "")
            .setServerConfig("password_encryption", "scram-sha-256");
    binaries.ifPresent(directory -> builder.setOverrideWorkingDirectory(directory.toFile()));
    // The library starts the server with -F (no fsync) and asynchronous commits, its test defaults;
    // settings given here come later on the command line and win.
    builder.setServerConfig("fsync", durable ? "on" : "off");
    builder.setServerConfig("synchronous_commit", durable ? "on" : "off");
    builder.setServerConfig("full_page_writes", durable ? "on" : "off");
    if (durable) {
      // Group commit: while at least 5 other transactions are open, a commit waits up to 0.2 ms
      // so that one flush of the log makes several commits durable at once. Each is still
      // answered only after its own commit record is on disk.
      builder.setServerConfig("commit_delay", Integer.toString(COMMIT_DELAY_MICROSECONDS));
      builder.setServerConfig("commit_siblings", "5");
    }
    EmbeddedPostgres postgres = builder.start();
    OrphanedServer.postmaster(data).ifPresent(EmbeddedCredentials::rememberBinary);
    return postgres;
  }

  /** Settings for the database {@code database} of this server, created if it does not exist. */
  public DatabaseSettings database(String database) {
    checkNotNull(database, "database");
    if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "database names are lower-case letters, digits and _: " + database);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
        Statement create = connection.createStatement()) {
      query.setString(1, database);
      boolean exists;
      try (ResultSet rows = query.executeQuery()) {
        exists = rows.next();
      }
      if (!exists) {
        // An identifier cannot be a bind parameter; the name was checked against a strict pattern.
        create.execute("CREATE DATABASE \"" + database + "\"");
      }
    } catch (SQLException failure) {
      throw new IllegalStateException("cannot create database " + database, failure);
    }
    return new DatabaseSettings(
        "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database,
        USER,
        password,
        DatabaseSettings.DEFAULT_POOL_SIZE);
  }

  public int port() {
    return postgres.getPort();
  }

  /**
   * Whether commits wait for the disk ({@code fsync}, {@code synchronous_commit}, {@code
   * full_page_writes} on).
   */
  public boolean isDurable() {
    return durable;
  }

  /** The data directory. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * The server's main process (its postmaster), if it is running: read from {@code postmaster.pid}.
   */
  public Optional<ProcessHandle> postmaster() {
    return OrphanedServer.postmaster(dataDirectory);
  }

  /** Whether the server's main process is alive. */
  public boolean isRunning() {
    return postmaster().map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * Starts the server again after it died (or stops and starts it if it still runs), on the same
   * port and data directory, so that connection pools find it where it was. Throws if it cannot be
   * started; the caller may try again later.
   */
  public synchronized void restart() {
    EmbeddedPostgres previous = postgres;
    int port = previous.getPort();
    try {
      // Releases the library's lock on the data directory; stopping a dead server only logs.
      previous.close();
    } catch (IOException ignored) {
      // Nothing to release beyond the lock, which close() releases before it could throw.
    }
    try {
      OrphanedServer.stopIfRunning(dataDirectory);
      // The library locks the data directory before it starts the server and keeps the lock when
      // the start fails, which would fail every later attempt: a taken port is found out first.
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        probe.setReuseAddress(true);
      }
      postgres = launch(dataDirectory, binaryDirectory, durable, false, password, port);
      LOG.info("Embedded PostgreSQL restarted on port {}", port);
    } catch (IOException | RuntimeException failure) {
      throw new IllegalStateException(
          "cannot restart embedded PostgreSQL on port "
              + port
              + " ("
              + failure.getClass().getSimpleName()
              + ")",
          failure);
    }
  }

  /** Stops the server (a fast shutdown that lets it write its data cleanly). */
  @Override
  public synchronized void close() {
    try {
      postgres.close();
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot stop embedded PostgreSQL", failure);
    }
  }
}
