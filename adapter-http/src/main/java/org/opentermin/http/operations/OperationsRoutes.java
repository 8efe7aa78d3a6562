package org.opentermin.http.operations;

import static com.google.common.base.Preconditions.checkNotNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.opentermin.http.problem.ApiProblem;

/** For operators and load balancers: liveness, readiness and metrics. */
public final class OperationsRoutes {

  private final BooleanSupplier readiness;
  private final RequestMetrics metrics;

  public OperationsRoutes(BooleanSupplier readiness, RequestMetrics metrics) {
    this.readiness = checkNotNull(readiness, "readiness");
    this.metrics = checkNotNull(metrics, "metrics");
  }

  public void register(RoutesConfig routes) {
    routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
    routes.get("/ready", this::ready);
    routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  private void ready(Context ctx) {
    boolean ready;
    try {
      ready = readiness.getAsBoolean();
    } catch (RuntimeException unreachable) {
      ready = false;
    }
    if (!ready) {
      throw new ApiProblem(503, "not-ready", "the database is not reachable");
    }
    ctx.json(Map.of("status", "READY"));
  }
}
