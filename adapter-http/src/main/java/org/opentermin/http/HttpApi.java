package org.opentermin.http;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Ticker;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.opentermin.http.admin.AdminRoutes;
import org.opentermin.http.audit.AuditRoutes;
import org.opentermin.http.booking.CitizenRoutes;
import org.opentermin.http.common.Authentication;
import org.opentermin.http.common.JsonBodies;
import org.opentermin.http.common.OfficeCache;
import org.opentermin.http.fairness.AccessPolicyRoutes;
import org.opentermin.http.fairness.ChallengeRoutes;
import org.opentermin.http.fairness.LotteryRoutes;
import org.opentermin.http.fairness.WaitingListRoutes;
import org.opentermin.http.operations.ConcurrencyLimit;
import org.opentermin.http.operations.OperationsRoutes;
import org.opentermin.http.operations.RateLimiter;
import org.opentermin.http.operations.RateLimits;
import org.opentermin.http.operations.RequestMetrics;
import org.opentermin.http.privacy.PrivacyRoutes;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.http.problem.JettyProblems;
import org.opentermin.http.proxy.TrustedProxies;
import org.opentermin.http.routing.RoutingRoutes;
import org.opentermin.http.staff.StaffRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenTermin HTTP API: builds the Javalin server with every route, the error mapping, security
 * headers, limits (body size, and request rate per client as set in {@link HttpSettings}), metrics
 * and docs. Start it on a port, stop it to finish in-flight requests (up to {@link
 * #STOP_TIMEOUT_MILLIS}) and refuse new ones.
 */
public final class HttpApi {

  /** Request bodies are limited to 64 KiB; nothing in the API needs more. */
  public static final int MAXIMUM_BODY_BYTES = JsonBodies.MAXIMUM_BODY_BYTES;

  /**
   * The largest CSV file of responsibility rules: a city's streets with house-number ranges fit
   * many times.
   */
  public static final int MAXIMUM_IMPORT_BYTES = 8 * 1024 * 1024;

  /** How long stopping waits for requests in flight. */
  public static final long STOP_TIMEOUT_MILLIS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final Javalin javalin;

  private HttpApi(Javalin javalin) {
    this.javalin = javalin;
  }

  /**
   * The API over {@code useCases} with {@linkplain HttpSettings#defaults() default settings}, not
   * yet started.
   */
  public static HttpApi create(UseCases useCases) {
    return create(useCases, HttpSettings.defaults());
  }

  /** The API over {@code useCases}, configured by {@code settings}, not yet started. */
  public static HttpApi create(UseCases useCases, HttpSettings settings) {
    return create(useCases, settings, Ticker.systemTicker());
  }

  /**
   * The API over {@code useCases}, configured by {@code settings}, with its metrics in {@code
   * registry}: {@code /metrics} shows everything registered there, so the instance adds its own
   * (JVM, connection pool, jobs) to the same registry.
   */
  public static HttpApi create(
      UseCases useCases, HttpSettings settings, PrometheusMeterRegistry registry) {
    return create(useCases, settings, Ticker.systemTicker(), checkNotNull(registry, "registry"));
  }

  /**
   * As {@link #create(UseCases, HttpSettings)}, with rate limits timed by {@code ticker}, for
   * tests.
   */
  static HttpApi create(UseCases useCases, HttpSettings settings, Ticker ticker) {
    return create(
        useCases, settings, ticker, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  private static HttpApi create(
      UseCases useCases, HttpSettings settings, Ticker ticker, PrometheusMeterRegistry registry) {
    checkNotNull(useCases, "useCases");
    checkNotNull(settings, "settings");
    checkNotNull(ticker, "ticker");
    Authentication authentication = new Authentication(useCases.authenticate);
    OfficeCache offices = new OfficeCache(useCases.catalog);
    RequestMetrics metrics = new RequestMetrics(registry);
    RateLimits rateLimits =
        new RateLimits(new RateLimiter(settings.rateLimitPerMinute(), ticker), metrics);
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jsonMapper(new JavalinJackson(JsonBodies.MAPPER, false));
              config.http.maxRequestSize = MAXIMUM_BODY_BYTES;
              config.http.prefer405over404 = true;
              // ctx.ip() (rate limits, the per-client hold limit) and ctx.scheme() believe trusted
              // proxies only.
              TrustedProxies proxies = settings.trustedProxies();
              config.contextResolver.ip =
                  ctx ->
                      proxies.clientAddress(
                          ctx.req().getRemoteAddr(),
                          headers(ctx, "Forwarded"),
                          headers(ctx, "X-Forwarded-For"));
              config.contextResolver.scheme =
                  ctx ->
                      proxies.scheme(
                          ctx.req().getRemoteAddr(),
                          ctx.req().getScheme(),
                          headers(ctx, "Forwarded"),
                          headers(ctx, "X-Forwarded-Proto"));
              config.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                    // Lets a stopping server finish the requests it has while refusing new ones.
                    server.setHandler(new GracefulHandler(server.getHandler()));
                    server.setErrorHandler(new JettyProblems(MAXIMUM_BODY_BYTES));
                  });
              metrics.register(config);
              config.routes.before(HttpApi::guard);
              config.routes.before(RequestTargets::checkEscapes);
              // After the guard, so that a 429 carries the security headers too; before any handler
              // reads a body.
              config.routes.before(rateLimits::check);
              new ConcurrencyLimit(ConcurrencyLimit.MAXIMUM_CONCURRENT_API_REQUESTS)
                  .register(config);
              config.routes.after(HttpApi::logRequest);
              ErrorMapping.register(config, MAXIMUM_BODY_BYTES);
              new CitizenRoutes(
                      useCases.catalog,
                      useCases.availability,
                      useCases.hold,
                      useCases.confirm,
                      useCases.manage,
                      useCases.clock,
                      authentication,
                      offices,
                      metrics)
                  .register(config.routes);
              new StaffRoutes(
                      useCases.manage, useCases.day, useCases.clock, authentication, offices)
                  .register(config.routes);
              new AdminRoutes(
                      useCases.catalog,
                      useCases.configureCatalog,
                      useCases.issueAccessToken,
                      authentication)
                  .register(config.routes);
              new AccessPolicyRoutes(useCases.configureCatalog, authentication)
                  .register(config.routes);
              new ChallengeRoutes(useCases.challenge).register(config.routes);
              new WaitingListRoutes(useCases.waitingList, authentication, offices)
                  .register(config.routes);
              new OperationsRoutes(useCases.readiness, metrics).register(config.routes);
              new LotteryRoutes(useCases.lottery, offices).register(config.routes);
              new RoutingRoutes(
                      useCases.resolveResponsibility,
                      useCases.configureResponsibility,
                      authentication,
                      offices)
                  .register(config.routes);
              new AuditRoutes(useCases.audit, authentication).register(config.routes);
              new PrivacyRoutes(
                      useCases.personalData, useCases.retention, useCases.clock, authentication)
                  .register(config.routes);
              ApiDocumentation.register(config);
            });
    return new HttpApi(javalin);
  }

  /** Starts listening on {@code port} (0 picks a free one) on all interfaces. */
  public HttpApi start(int port) {
    javalin.start(port);
    return this;
  }

  /** The port listened on, once started. */
  public int port() {
    return javalin.port();
  }

  /** Stops accepting requests, waits for those in flight, and closes the server. */
  public void stop() {
    javalin.stop();
  }

  /** Security headers on every answer; body size and type checks before anything reads a body. */
  private static void guard(Context ctx) {
    JettyProblems.SECURITY_HEADERS.forEach(ctx::header);
    if (ctx.path().startsWith("/api/")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT) {
      if (RoutingRoutes.isCsvImport(ctx.method().name(), ctx.path())) {
        // A city's rules are larger than any JSON request; the import checks the media type itself.
        if (ctx.contentLength() > MAXIMUM_IMPORT_BYTES) {
          throw new ApiProblem(
              413,
              "payload-too-large",
              "imported files are limited to " + MAXIMUM_IMPORT_BYTES / (1024 * 1024) + " MiB");
        }
        return;
      }
      if (ctx.contentLength() > MAXIMUM_BODY_BYTES) {
        throw new ApiProblem(
            413,
            "payload-too-large",
            "request bodies are limited to " + MAXIMUM_BODY_BYTES / 1024 + " KiB");
      }
      boolean hasBody = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
      String contentType = ctx.contentType();
      if (hasBody && (contentType == null || !isJson(contentType))) {
        throw new ApiProblem(
            415, "unsupported-media-type", "send request bodies as application/json");
      }
    }
  }

  /** Every value of a header, in order. */
  private static List<String> headers(Context ctx, String name) {
    return Collections.list(ctx.req().getHeaders(name));
  }

  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].trim();
    return mediaType.equalsIgnoreCase("application/json");
  }

  /** Route templates only: concrete paths and query strings may carry references and tokens. */
  private static void logRequest(Context ctx) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} -> {}", ctx.method(), ErrorMapping.matchedPath(ctx), ctx.statusCode());
    }
  }

  /** For tests and wiring: the configuration hook is not exposed, the server is. */
  Javalin javalin() {
    return javalin;
  }
}
