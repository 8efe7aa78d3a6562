package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the app itself, for zero-setup installations and tests. Its data
 * directory survives restarts when one is given. Stop it with {@link #close()}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts a server whose data lives in {@code dataDirectory} (created if missing) and is kept. */
  public static EmbeddedPostgresServer start(Path dataDirectory) {
    checkNotNull(dataDirectory, "dataDirectory");
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory.toAbsolutePath())
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "300")
              .start();
      LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory.toAbsolutePath());
      return new EmbeddedPostgresServer(postgres);
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, failure);
    }
  }

  /**
   * Starts a throw-away server in a temporary directory, deleted when it stops. The directory is
   * in memory ({@code /dev/shm}) where the machine has one: test suites create a database per
   * test, and deleting hundreds of megabytes from disk made stopping slower than the tests.
   */
  public static EmbeddedPostgresServer startTemporary() {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
      Path memory = Path.of("/dev/shm");
      if (Files.isDirectory(memory) && Files.isWritable(memory)) {
        builder.setDataDirectory(Files.createTempDirectory(memory, "opentermin-pg-")).setCleanDataDirectory(true);
      }
      EmbeddedPostgres postgres = builder.start();
      return new EmbeddedPostgresServer(postgres);
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", failure);
    }
  }

  /** Settings for the database {@code database} of this server, created if it does not exist. */
  public DatabaseSettings database(String database) {
    checkNotNull(database, "database");
    if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("database names are lower-case letters, digits and _: " + database);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
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
    return new DatabaseSettings(postgres.getJdbcUrl(USER, database), USER, "", DatabaseSettings.DEFAULT_POOL_SIZE);
  }

  public int port() {
    return postgres.getPort();
  }

  /** Stops the server (a fast shutdown that lets it write its data cleanly). */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot stop embedded PostgreSQL", failure);
    }
  }
}
