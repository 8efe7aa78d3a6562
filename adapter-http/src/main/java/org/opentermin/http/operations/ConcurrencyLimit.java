package org.opentermin.http.operations;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.concurrent.Semaphore;
import org.opentermin.http.problem.ApiProblem;

/**
 * Bounds how many API requests run at once, so that a stalled database cannot take every server
 * thread: a request beyond the bound is answered 503 at once with {@code Retry-After}, and the
 * operations routes ({@code /health}, {@code /ready}, {@code /metrics}), which are not counted,
 * always find a thread. The bound lies well above what the connection pool serves at once and well
 * below the server's threads.
 */
public final class ConcurrencyLimit {

  /**
   * API requests in progress at most: ten times the default pool's connections, a fraction of the
   * server's threads.
   */
  public static final int MAXIMUM_CONCURRENT_API_REQUESTS = 100;

  private static final String HELD = ConcurrencyLimit.class.getName() + ".held";
  private static final int RETRY_AFTER_SECONDS = 2;

  private final Semaphore permits;

  public ConcurrencyLimit(int maximum) {
    this.permits = new Semaphore(maximum);
  }

  /** Takes a permit before every API request and gives it back after it, whatever the outcome. */
  public void register(JavalinConfig config) {
    config.routes.before(this::enter);
    config.routes.after(this::leave);
  }

  private void enter(Context ctx) {
    if (!ctx.path().startsWith("/api/")) {
      return;
    }
    if (!permits.tryAcquire()) {
      ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
      throw new ApiProblem(
          503,
          "service-unavailable",
          "too many requests are in progress; try again in a few seconds");
    }
    ctx.attribute(HELD, Boolean.TRUE);
  }

  private void leave(Context ctx) {
    if (Boolean.TRUE.equals(ctx.attribute(HELD))) {
      ctx.attribute(HELD, Boolean.FALSE);
      permits.release();
    }
  }
}
