package org.opentermin.http.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.http.common.CommonViews;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.http.problem.ErrorMapping;
import org.opentermin.ports.in.GetChallenge;
import org.opentermin.ports.in.Refused;

/**
 * The anti-bot challenge a citizen's client solves before a hold, when the office's policy asks for
 * one (always, or while holds come in faster than its threshold).
 */
public final class ChallengeRoutes {

  private final GetChallenge challenge;

  public ChallengeRoutes(GetChallenge challenge) {
    this.challenge = checkNotNull(challenge, "challenge");
  }

  /**
   * Whether a hold needs a solved challenge now, and if so what to solve, how hard, and until when
   * (exclusive).
   */
  record ChallengeView(
      boolean required,
      String challenge,
      String algorithm,
      Integer difficultyBits,
      String expiresAt) {}

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/challenge", this::challenge);
  }

  private void challenge(Context ctx) {
    OfficeId office = officeId(ctx);
    GetChallenge.ChallengeResult result = challenge.challenge(office);
    if (result instanceof Refused refused) {
      throw ErrorMapping.problem(refused);
    }
    if (result instanceof GetChallenge.Required required) {
      GetChallenge.Ticket ticket = required.ticket();
      ctx.json(
          new ChallengeView(
              true,
              ticket.challenge(),
              ticket.algorithm(),
              ticket.difficultyBits(),
              CommonViews.utc(ticket.expiresAt())));
      return;
    }
    ctx.json(new ChallengeView(false, null, null, null, null));
  }

  /** The {@code officeId} query parameter: required; a malformed one cannot name an office. */
  private static OfficeId officeId(Context ctx) {
    String value = ctx.queryParam("officeId");
    if (value == null || value.isEmpty()) {
      throw ApiProblem.badRequest(
          "name the office",
          new ApiProblem.FieldError("officeId", "is required: the office to hold at"));
    }
    if (!OfficeId.isValid(value)) {
      throw ApiProblem.notFound("unknown office " + value);
    }
    return OfficeId.of(value);
  }
}
