package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.opentermin.ports.out.AccessTokenStore;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.HoldRates;
import org.opentermin.ports.out.LotteryStore;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.out.RoutingStore;
import org.opentermin.ports.out.SpentChallenges;
import org.opentermin.ports.out.WaitingListStore;

/**
 * The PostgreSQL adapter: a connection pool, the schema brought up to date by Flyway, and the
 * stores on top. One per app instance; several instances may share one database. Close it to
 * release the pool.
 */
public final class JdbcAdapter implements AutoCloseable {

  /** The size of a secret {@link #sharedSecret} makes: a 256-bit key. */
  public static final int SHARED_SECRET_BYTES = 32;

  private final HikariDataSource dataSource;
  private final CatalogStore catalog;
  private final BookingStore bookings;
  private final AccessTokenStore accessTokens;
  private final SpentChallenges spentChallenges;
  private final WaitingListStore waitingList;
  private final LotteryStore lottery;
  private final RoutingStore routing;
  private final AuditLog auditLog;
  private final Transactions transactions;

  private JdbcAdapter(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    RowMappers.registerAll(jdbi);
    Transactions transactions = new Transactions(jdbi);
    this.catalog = new JdbiCatalogStore(transactions);
    this.bookings = new JdbiBookingStore(transactions);
    this.accessTokens = new JdbiAccessTokenStore(transactions);
    this.spentChallenges = new JdbiSpentChallenges(transactions);
    this.waitingList = new JdbiWaitingListStore(transactions);
    this.lottery = new JdbiLotteryStore(transactions);
    this.routing = new JdbiRoutingStore(transactions);
    this.auditLog = new JdbiAuditLog(transactions);
    this.transactions = transactions;
  }

  /**
   * How long a request waits for a pooled connection before it gives up: the database is away, or
   * every connection is busy for longer than any healthy request takes.
   */
  public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  /** How long one statement may run before PostgreSQL cancels it ({@code statement_timeout}). */
  public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How long the driver waits for any answer on its socket ({@code socketTimeout}); longer than
   * {@link #STATEMENT_TIMEOUT}, so that a slow statement is cancelled by the server, and a stalled
   * or vanished server still frees the waiting thread.
   */
  public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(7);

  /** Connects, migrates the schema to the current version, and returns the stores. */
  public static JdbcAdapter connect(DatabaseSettings settings) {
    checkNotNull(settings, "settings");
    // Migrations may take longer than a request may: they run on connections without those limits.
    Flyway.configure()
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maximumPoolSize());
    config.setPoolName("opentermin");
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
    // Settings in the URL win over these, so an operator can still choose other limits there.
    config.addDataSourceProperty("connectTimeout", Long.toString(CONNECTION_TIMEOUT.toSeconds()));
    config.addDataSourceProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
    config.addDataSourceProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT.toMillis());
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      return new JdbcAdapter(dataSource);
    } catch (RuntimeException failure) {
      dataSource.close();
      throw failure;
    }
  }

  public CatalogStore catalog() {
    return catalog;
  }

  public BookingStore bookings() {
    return bookings;
  }

  public AccessTokenStore accessTokens() {
    return accessTokens;
  }

  public SpentChallenges spentChallenges() {
    return spentChallenges;
  }

  public WaitingListStore waitingList() {
    return waitingList;
  }

  public LotteryStore lottery() {
    return lottery;
  }

  public RoutingStore routing() {
    return routing;
  }

  /** The audit log, in which {@link #bookings()} records its changes itself. */
  public AuditLog auditLog() {
    return auditLog;
  }

  /**
   * The offices' hold attempts counted together with every other instance on this database; this
   * instance's own attempts are counted exactly in {@code thisInstance} (e.g. an in-memory count)
   * and shared through the database at most once a second. Call once per instance.
   */
  public HoldRates holdRates(HoldRates thisInstance) {
    return new JdbiHoldRates(transactions, thisInstance);
  }

  /**
   * The secret stored under {@code name}, the same for every instance on this database: the first
   * instance to ask makes it from {@code random}, the others read that one.
   *
   * @param name lower-case letters, digits and hyphens, starting with a letter, at most 40
   */
  public byte[] sharedSecret(String name, RandomSource random) {
    checkNotNull(name, "name");
    checkNotNull(random, "random");
    byte[] fresh = new byte[SHARED_SECRET_BYTES];
    random.nextBytes(fresh);
    return transactions.inTransaction(
        handle -> {
          SharedStateSql.insertSecretIfAbsent(handle, name, fresh);
          return SharedStateSql.secret(handle, name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the shared secret " + name + " was neither stored nor found"));
        });
  }

  /**
   * Publishes the connection pool's metrics (active, idle, pending connections, acquisition time,
   * timeouts) to {@code registry}; once per adapter.
   */
  public void recordPoolMetrics(MeterRegistry registry) {
    checkNotNull(registry, "registry");
    dataSource.setMetricRegistry(registry);
  }

  /**
   * Whether the database answers right now; waits at most about {@link #CONNECTION_TIMEOUT} plus a
   * second.
   */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException unreachable) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
