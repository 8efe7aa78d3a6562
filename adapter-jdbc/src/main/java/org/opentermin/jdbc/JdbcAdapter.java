package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
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
  private final HoldRates holdRates;

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
    this.holdRates = new JdbiHoldRates(transactions);
  }

  /** Connects, migrates the schema to the current version, and returns the stores. */
  public static JdbcAdapter connect(DatabaseSettings settings) {
    checkNotNull(settings, "settings");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maximumPoolSize());
    config.setPoolName("opentermin");
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
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

  /** The offices' hold attempts counted together with every other instance on this database. */
  public HoldRates holdRates() {
    return holdRates;
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
    return transactions.inTransaction(handle -> {
      SharedStateSql.insertSecretIfAbsent(handle, name, fresh);
      return SharedStateSql.secret(handle, name)
          .orElseThrow(() -> new IllegalStateException("the shared secret " + name + " was neither stored nor found"));
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

  /** Whether the database answers right now. */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException unreachable) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
