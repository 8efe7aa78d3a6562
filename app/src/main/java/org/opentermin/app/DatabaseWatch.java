package org.opentermin.app;

import com.google.common.base.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.opentermin.jdbc.EmbeddedPostgresServer;
import org.opentermin.jdbc.JdbcAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the database every {@link #PERIOD} on a thread of its own: restarts an embedded server
 * that died, and remembers when the database last answered. Readiness is read from that memory, so
 * {@code /ready} answers at once even while the database stalls. Not ready: the database has not
 * answered for {@link #STALE_AFTER}, or the embedded server is down: being restarted, or restarting
 * it failed (it is tried again on every look).
 */
final class DatabaseWatch implements AutoCloseable {

  static final Duration PERIOD = Duration.ofSeconds(1);
  static final Duration STALE_AFTER = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);

  private final JdbcAdapter adapter;
  private final Optional<EmbeddedPostgresServer> embedded;
  private final Ticker ticker;
  private final ScheduledExecutorService timer;
  private final AtomicLong restarts = new AtomicLong();
  private volatile long lastAnswer;
  private volatile boolean down;

  DatabaseWatch(JdbcAdapter adapter, Optional<EmbeddedPostgresServer> embedded, Ticker ticker) {
    this.adapter = adapter;
    this.embedded = embedded;
    this.ticker = ticker;
    this.lastAnswer = ticker.read();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "opentermin-database-watch");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        this::look, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Whether the database answered within {@link #STALE_AFTER} and the embedded server is not down.
   */
  boolean isReady() {
    return !down && ticker.read() - lastAnswer < STALE_AFTER.toNanos();
  }

  /** How often the embedded server was restarted after it died. */
  long restarts() {
    return restarts.get();
  }

  private void look() {
    try {
      if (embedded.isPresent() && !embedded.get().isRunning()) {
        if (jvmIsShuttingDown()) {
          // The embedded server's own shutdown hook stops it beside ours: that stop is meant.
          down = true;
          return;
        }
        if (!restartEmbedded(embedded.get())) {
          return;
        }
      }
      if (adapter.isReachable()) {
        lastAnswer = ticker.read();
      }
    } catch (RuntimeException unexpected) {
      // The schedule must go on: a failed look only leaves the last answer older.
      LOG.warn("Checking the database failed ({})", unexpected.getClass().getSimpleName());
    }
  }

  /** Whether the JVM runs its shutdown hooks: it then refuses new ones. */
  private static boolean jvmIsShuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException shuttingDown) {
      return true;
    }
  }

  /** Not ready from the moment the server is found dead until it runs again. */
  private boolean restartEmbedded(EmbeddedPostgresServer server) {
    down = true;
    LOG.warn("The embedded PostgreSQL is not running; starting it again");
    try {
      server.restart();
      restarts.incrementAndGet();
      down = false;
      return true;
    } catch (RuntimeException failure) {
      LOG.error(
          "Restarting the embedded PostgreSQL failed ({}); trying again in {} s",
          failure.getClass().getSimpleName(),
          PERIOD.toSeconds());
      return false;
    }
  }

  /** Stops watching (before the database is closed, so that a stopping server is not restarted). */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
