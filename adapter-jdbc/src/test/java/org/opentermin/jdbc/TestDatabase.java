package org.opentermin.jdbc;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped when the JVM ends; every
 * test gets a database of its own.
 */
final class TestDatabase {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgresServer server;

  private TestDatabase() {}

  /** Settings for a new, empty database. */
  static synchronized DatabaseSettings freshDatabase() {
    if (server == null) {
      server = EmbeddedPostgresServer.startTemporary();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-postgres"));
    }
    return server.database("test_" + DATABASES.incrementAndGet());
  }
}
