package org.opentermin.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this instance tells Prometheus beyond the HTTP API's own metrics: the JVM (memory, garbage
 * collection, threads, classes), the process (CPU, uptime, open files), whether the database
 * answers, each background job's runs and last success, and restarts of the embedded database. The
 * connection pool reports into the same {@link #registry()} by itself. No label carries personal
 * data. Thread-safe; closing it stops the GC listener.
 */
final class InstanceMetrics implements AutoCloseable {

  /** Counter name of restarts of the embedded PostgreSQL by this instance's supervision. */
  static final String EMBEDDED_DATABASE_RESTARTS = "opentermin.embedded.database.restarts";

  private static final Logger LOG = LoggerFactory.getLogger(InstanceMetrics.class);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Clock clock;
  private final ConcurrentHashMap<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

  InstanceMetrics(Clock clock) {
    this.clock = clock;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  /** The registry that {@code /metrics} shows. */
  PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Reports {@code opentermin_database_up} as 1 while {@code reachable} says so, asked at each
   * scrape; a check that throws counts as down.
   */
  void databaseHealth(BooleanSupplier reachable) {
    Gauge.builder(
            "opentermin.database.up",
            () -> {
              try {
                return reachable.getAsBoolean() ? 1 : 0;
              } catch (RuntimeException unreachable) {
                return 0;
              }
            })
        .description("1 while the database answers, 0 when it does not")
        .register(registry);
  }

  /** Reports the supervisor's count of restarts of the embedded database, read at each scrape. */
  void embeddedDatabaseRestarts(LongSupplier restarts) {
    FunctionCounter.builder(EMBEDDED_DATABASE_RESTARTS, restarts, LongSupplier::getAsLong)
        .description("Restarts of the embedded database after it stopped while the app ran")
        .register(registry);
  }

  /**
   * {@code run} as a job named {@code job} that counts its runs by outcome, times them and notes
   * the time of its last success. {@code run} answers whether it succeeded; it logs its own
   * failures. Every series exists from the start, at zero, so that an alert on "no success for an
   * hour" fires also for a job that never succeeded.
   */
  Runnable job(String job, BooleanSupplier run) {
    Counter succeeded = runs(job, "success");
    Counter failed = runs(job, "failure");
    Timer duration =
        Timer.builder("opentermin.job.duration")
            .description("How long background job runs take")
            .tag("job", job)
            .register(registry);
    AtomicLong last = lastSuccess.computeIfAbsent(job, name -> new AtomicLong());
    Gauge.builder("opentermin.job.last.success", last, AtomicLong::get)
        .description("When the job last succeeded, in seconds since 1970 (0: not yet)")
        .baseUnit("seconds")
        .tag("job", job)
        .register(registry);
    return () -> {
      boolean success;
      Timer.Sample sample = Timer.start(registry);
      try {
        success = run.getAsBoolean();
      } catch (RuntimeException unexpected) {
        // The schedule must go on; the job's own handling missed this one.
        LOG.warn("Job {} failed ({})", job, unexpected.getClass().getSimpleName());
        success = false;
      }
      sample.stop(duration);
      if (success) {
        succeeded.increment();
        last.set(clock.instant().getEpochSecond());
      } else {
        failed.increment();
      }
    };
  }

  private Counter runs(String job, String outcome) {
    return Counter.builder("opentermin.job.runs")
        .description("Background job runs by job and outcome")
        .tag("job", job)
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void close() {
    gc.close();
  }
}
