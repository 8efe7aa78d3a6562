package org.opentermin.http.operations;

import static com.google.common.base.Preconditions.checkNotNull;

import io.javalin.http.Context;
import java.util.Optional;
import org.opentermin.http.problem.ApiProblem;

/**
 * Answers a request over its client's limit with 429 and {@code Retry-After} before any handler
 * runs. The client is the request's remote address ({@link Context#ip()}): the socket's peer,
 * unless that peer is one of the {@linkplain org.opentermin.http.proxy.TrustedProxies trusted
 * proxies}, whose {@code Forwarded} or {@code X-Forwarded-For} then names the client. From any
 * other peer those headers are ignored, because anyone can write them. Addresses are never logged
 * or used as metric labels, as they are personal data. Why it is done this way: {@code
 * docs/adr/006-rate-limits-per-client-address.md}.
 */
public final class RateLimits {

  static final String RATE_LIMITED = "rate-limited";

  private final RateLimiter limiter;
  private final RequestMetrics metrics;

  public RateLimits(RateLimiter limiter, RequestMetrics metrics) {
    this.limiter = checkNotNull(limiter, "limiter");
    this.metrics = checkNotNull(metrics, "metrics");
  }

  /** A before-handler: passes, or throws the 429 problem after setting {@code Retry-After}. */
  public void check(Context ctx) {
    Optional<RouteGroup> group = RouteGroup.of(ctx.method(), ctx.path());
    if (group.isEmpty()) {
      return;
    }
    RateLimiter.Decision decision = limiter.take(ctx.ip(), group.get());
    if (decision.allowed()) {
      return;
    }
    metrics.rateLimited(group.get());
    ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    throw new ApiProblem(
        429,
        RATE_LIMITED,
        "too many "
            + group.get().label()
            + " requests from this client; try again in "
            + decision.retryAfterSeconds()
            + " s");
  }
}
