package org.opentermin.http.operations;

import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.ports.in.BookingResult;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.Refused;

/**
 * Request latency histograms by route template (never the concrete path, which may carry a booking
 * reference), method and status, counters of holds and bookings by outcome, and of rate-limited
 * requests by route group, for Prometheus. Thread-safe.
 */
public final class RequestMetrics {

  private static final String STARTED = "opentermin.request.started";

  private final PrometheusMeterRegistry registry;

  /**
   * Metrics in {@code registry}, which {@code /metrics} shows whole, with whatever else the
   * instance registers there. Refusal counters start at zero, so that an alert sees the series.
   */
  public RequestMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    for (RouteGroup group : RouteGroup.values()) {
      rateLimitedCounter(group);
    }
  }

  public void register(JavalinConfig config) {
    config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
    config.routes.after(
        ctx -> {
          Long started = ctx.attribute(STARTED);
          if (started == null) {
            return;
          }
          Timer.builder("http.server.requests")
              .description("HTTP requests by route template, method and status")
              .tag("method", ctx.method().name())
              .tag("route", ErrorMapping.matchedPath(ctx))
              .tag("status", Integer.toString(ctx.statusCode()))
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofSeconds(10))
              .register(registry)
              .record(Duration.ofNanos(System.nanoTime() - started));
        });
  }

  public void holdAnswered(HoldResult result) {
    count("opentermin.holds", result instanceof Refused refused ? refused.reason().name() : "HELD");
  }

  public void bookingAnswered(BookingResult result) {
    count(
        "opentermin.bookings",
        result instanceof Refused refused ? refused.reason().name() : "CONFIRMED");
  }

  /** One request refused for its client's rate limit; labelled by group only, never by client. */
  public void rateLimited(RouteGroup group) {
    rateLimitedCounter(group).increment();
  }

  private Counter rateLimitedCounter(RouteGroup group) {
    return Counter.builder("opentermin.rate.limited")
        .description(
            "Requests refused with 429 because their client was over its rate limit, by route"
                + " group")
        .tag("group", group.label())
        .register(registry);
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  private void count(String name, String outcome) {
    Counter.builder(name).tag("outcome", outcome).register(registry).increment();
  }
}
