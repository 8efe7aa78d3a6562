package org.opentermin.http.operations;

import static com.google.common.base.Preconditions.checkNotNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.opentermin.http.common.UseCases;
import org.opentermin.http.problem.ApiProblem;

/** For operators and load balancers: liveness, readiness and metrics. */
public final class OperationsRoutes {

  private final UseCases useCases;
  private final RequestMetrics metrics;

  public OperationsRoutes(UseCases useCases, RequestMetrics metrics) {
    this.useCases = checkNotNull(useCases, "useCases");
    this.metrics = checkNotNull(metrics, "metrics");
  }

  public void register(RoutesConfig routes) {
    routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
    routes.get("/ready", this::ready);
    routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  private void ready(Context ctx) {
    boolean ready;
    try {
      ready = useCases.readiness().getAsBoolean();
    } catch (RuntimeException unreachable) {
      ready = false;
    }
    if (!ready) {
      throw new ApiProblem(503, "not-ready", "the database is not reachable");
    }
    ctx.json(Map.of("status", "READY"));
  }
}
