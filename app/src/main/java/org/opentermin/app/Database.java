package org.opentermin.app;

import com.google.common.base.Ticker;
import java.util.Optional;
import org.opentermin.jdbc.EmbeddedPostgresServer;
import org.opentermin.jdbc.JdbcAdapter;

/**
 * The database this instance works with: the external PostgreSQL from the configuration, or an
 * embedded one in the data directory, watched (an embedded server that dies is started again).
 * Closing it stops the watch, closes the pool, then stops an embedded server.
 */
final class Database implements AutoCloseable {

  private static final String EMBEDDED_DATABASE = "opentermin";

  private final JdbcAdapter adapter;
  private final Optional<EmbeddedPostgresServer> embedded;
  private final DatabaseWatch watch;

  private Database(JdbcAdapter adapter, Optional<EmbeddedPostgresServer> embedded) {
    this.adapter = adapter;
    this.embedded = embedded;
    this.watch = new DatabaseWatch(adapter, embedded, Ticker.systemTicker());
  }

  static Database open(AppConfig config) {
    if (config.externalDatabase().isPresent()) {
      return new Database(JdbcAdapter.connect(config.externalDatabase().get()), Optional.empty());
    }
    EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(
            config.dataDirectory().resolve("postgres").toAbsolutePath().normalize());
    try {
      return new Database(
          JdbcAdapter.connect(server.database(EMBEDDED_DATABASE)), Optional.of(server));
    } catch (RuntimeException failure) {
      server.close();
      throw failure;
    }
  }

  JdbcAdapter adapter() {
    return adapter;
  }

  /** Whether the database answered a moment ago; answers at once (see {@link DatabaseWatch}). */
  boolean isReady() {
    return watch.isReady();
  }

  /** How often the embedded server was restarted after it died; 0 for an external database. */
  long restarts() {
    return watch.restarts();
  }

  @Override
  public void close() {
    watch.close();
    adapter.close();
    embedded.ifPresent(EmbeddedPostgresServer::close);
  }
}
