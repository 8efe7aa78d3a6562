package org.opentermin.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.ports.in.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where refusals and failures become problem documents. Nothing internal leaves: no
 * stack trace, SQL or class name; unexpected failures are logged by type only (their messages may
 * quote data) and answered with a bare 500; a database that is away or stalled is answered 503 with
 * {@code Retry-After}.
 */
public final class ErrorMapping {

  public static final String PROBLEM_JSON = "application/problem+json";

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  /**
   * Problem documents hold only text, numbers and lists, which a plain mapper writes as any other
   * would.
   */
  private static final ObjectMapper PROBLEMS = new ObjectMapper();

  private ErrorMapping() {}

  /**
   * Maps failures on {@code config}'s routes; {@code maximumBodyBytes} is named in answers to
   * bodies that are too large.
   */
  public static void register(JavalinConfig config, int maximumBodyBytes) {
    config.routes.exception(ApiProblem.class, (problem, ctx) -> send(ctx, problem));
    config.routes.exception(
        HttpResponseException.class,
        (failure, ctx) -> send(ctx, fromJavalin(failure, maximumBodyBytes)));
    config.routes.exception(
        Exception.class,
        (failure, ctx) -> {
          if (DatabaseOutage.isCause(failure)) {
            LOG.warn(
                "Database unavailable in {} {} ({})",
                ctx.method(),
                matchedPath(ctx),
                failure.getClass().getSimpleName());
            ctx.header("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            send(
                ctx,
                new ApiProblem(
                    503,
                    "service-unavailable",
                    "the database is not available right now; try again in a few seconds"));
            return;
          }
          Optional<ApiProblem> clientsFault = UnreadableRequests.problem(failure, maximumBodyBytes);
          if (clientsFault.isPresent()) {
            LOG.debug(
                "Unreadable request in {} {}: {}",
                ctx.method(),
                matchedPath(ctx),
                failure.getClass().getSimpleName());
            send(ctx, clientsFault.get());
            return;
          }
          LOG.error(
              "Unexpected failure in {} {}",
              ctx.method(),
              matchedPath(ctx),
              withoutMessages(failure));
          send(
              ctx,
              new ApiProblem(
                  500,
                  "internal-error",
                  "something went wrong on our side; nothing was changed by it"));
        });
    config.routes.error(
        404,
        ctx -> {
          if (!isProblem(ctx)) {
            send(ctx, ApiProblem.notFound("no such resource: check the path"));
          }
        });
    config.routes.error(
        405,
        ctx -> {
          if (!isProblem(ctx)) {
            send(
                ctx,
                new ApiProblem(
                    405, "method-not-allowed", "this path does not take " + ctx.method()));
          }
        });
  }

  /** The problem a use case's refusal stands for. */
  public static ApiProblem problem(Refused refused) {
    RefusalReason reason = refused.reason();
    return switch (reason) {
      case UNAVAILABLE -> new ApiProblem(409, "unavailable", refused.detail());
      case HOLD_EXPIRED -> new ApiProblem(409, "hold-expired", refused.detail());
      case HOLD_ALREADY_USED -> new ApiProblem(409, "hold-already-used", refused.detail());
      case NOT_FOUND -> ApiProblem.notFound(refused.detail());
      case ILLEGAL_TRANSITION -> new ApiProblem(409, "illegal-transition", refused.detail());
      case NOT_PERMITTED -> ApiProblem.forbidden(refused.detail());
      case TOO_LATE -> new ApiProblem(409, "too-late", refused.detail());
      case TOO_EARLY -> new ApiProblem(409, "too-early", refused.detail());
      case IDEMPOTENCY_KEY_REUSED ->
          new ApiProblem(422, "idempotency-key-reused", refused.detail());
      case INVALID_REQUEST -> new ApiProblem(422, "validation-failed", refused.detail());
      case ALREADY_EXISTS -> new ApiProblem(409, "already-exists", refused.detail());
      case NOT_YET_RELEASED -> new ApiProblem(409, "not-yet-released", refused.detail());
      case CONTINGENT_EXHAUSTED -> new ApiProblem(409, "contingent-exhausted", refused.detail());
      case IDENTITY_LIMIT -> new ApiProblem(409, "identity-limit", refused.detail());
      case HOLD_LIMIT -> new ApiProblem(409, "hold-limit", refused.detail());
      case RESCHEDULE_LIMIT -> new ApiProblem(409, "reschedule-limit", refused.detail());
      case NOT_COVERED -> new ApiProblem(422, "not-covered", refused.detail());
      case NOT_RESPONSIBLE -> new ApiProblem(409, "not-responsible", refused.detail());
      case ROUTING_REQUIRED -> new ApiProblem(422, "routing-required", refused.detail());
      // The client learns where to get one; the use case does not know about URLs.
      case CHALLENGE_REQUIRED ->
          new ApiProblem(
              428,
              "challenge-required",
              refused.detail()
                  + "; get a challenge from GET /api/v1/challenge?officeId=<office>, solve it and"
                  + " send it with the hold");
      case MODE_NOT_OFFERED -> new ApiProblem(422, "mode-not-offered", refused.detail());
      // The hold stays: the client asks for the number and confirms again.
      case PHONE_REQUIRED ->
          new ApiProblem(
              422,
              "phone-required",
              refused.detail(),
              List.of(
                  new ApiProblem.FieldError(
                      "citizen.phone",
                      "is required for a phone appointment: the caseworker calls this number")));
      case MODE_MISMATCH -> new ApiProblem(422, "mode-mismatch", refused.detail());
    };
  }

  static void send(Context ctx, ApiProblem problem) {
    ProblemDocument document =
        new ProblemDocument(
            ProblemTitles.TYPE_BASE + problem.type(),
            ProblemTitles.title(problem.type(), ctx.header("Accept-Language")),
            problem.status(),
            problem.detail(),
            problem.errors());
    ctx.status(problem.status());
    if (problem.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"opentermin\"");
    }
    try {
      ctx.result(PROBLEMS.writeValueAsBytes(document));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("problem documents always serialize", impossible);
    }
    ctx.contentType(PROBLEM_JSON);
  }

  /**
   * The failure's types and stack frames without its messages, which may quote data (a database
   * error names the values of the row, for example): enough to find the bug, nothing personal.
   */
  static Throwable withoutMessages(Throwable failure) {
    Throwable copy =
        new Throwable(
            failure.getClass().getName(),
            failure.getCause() == null || failure.getCause() == failure
                ? null
                : withoutMessages(failure.getCause()),
            false,
            true) {
          private static final long serialVersionUID = 1L;

          @Override
          public String toString() {
            return getMessage();
          }
        };
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /** The route template of the endpoint that handled the request, or {@code (unmatched)}. */
  public static String matchedPath(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null ? "(unmatched)" : endpoint.path;
  }

  private static boolean isProblem(Context ctx) {
    String contentType = ctx.res().getContentType();
    return contentType != null && contentType.startsWith(PROBLEM_JSON);
  }

  private static ApiProblem fromJavalin(HttpResponseException failure, int maximumBodyBytes) {
    return switch (failure.getStatus()) {
      case 413 ->
          new ApiProblem(
              413,
              "payload-too-large",
              "request bodies are limited to " + maximumBodyBytes / 1024 + " KiB");
      case 404 -> ApiProblem.notFound("no such resource: check the path");
      case 405 -> new ApiProblem(405, "method-not-allowed", "method not allowed");
      case 401 -> ApiProblem.unauthorized("authentication required");
      case 403 -> ApiProblem.forbidden("not allowed");
      default ->
          failure.getStatus() >= 500
              ? new ApiProblem(500, "internal-error", "something went wrong on our side")
              : ApiProblem.badRequest("the request could not be processed");
    };
  }
}
