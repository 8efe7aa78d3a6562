package org.opentermin.app;

import java.util.Optional;
import org.opentermin.jdbc.EmbeddedPostgresServer;
import org.opentermin.jdbc.JdbcAdapter;

/**
 * The database this instance works with: the external PostgreSQL from the configuration, or an
 * embedded one in the data directory. Closing it closes the pool, then stops an embedded server.
 */
final class Database implements AutoCloseable {

  private static final String EMBEDDED_DATABASE = "opentermin";

  private final JdbcAdapter adapter;
  private final Optional<EmbeddedPostgresServer> embedded;

  private Database(JdbcAdapter adapter, Optional<EmbeddedPostgresServer> embedded) {
    this.adapter = adapter;
    this.embedded = embedded;
  }

  static Database open(AppConfig config) {
    if (config.externalDatabase().isPresent()) {
      return new Database(JdbcAdapter.connect(config.externalDatabase().get()), Optional.empty());
    }
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(config.dataDirectory().resolve("postgres").toAbsolutePath().normalize());
    try {
      return new Database(JdbcAdapter.connect(server.database(EMBEDDED_DATABASE)), Optional.of(server));
    } catch (RuntimeException failure) {
      server.close();
      throw failure;
    }
  }

  JdbcAdapter adapter() {
    return adapter;
  }

  @Override
  public void close() {
    adapter.close();
    embedded.ifPresent(EmbeddedPostgresServer::close);
  }
}
