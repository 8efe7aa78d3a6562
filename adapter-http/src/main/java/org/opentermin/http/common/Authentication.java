package org.opentermin.http.common;

import static com.google.common.base.Preconditions.checkNotNull;

import io.javalin.http.Context;
import java.util.Optional;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.access.AccessRole;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.ports.in.Authenticate;

/**
 * Who calls: nobody (a citizen), or the holder of a bearer token. A token that is sent but not
 * valid is always a 401, never silently treated as a citizen. Thread-safe.
 */
public final class Authentication {

  private static final String BEARER = "Bearer ";

  private final Authenticate tokens;

  public Authentication(Authenticate tokens) {
    this.tokens = checkNotNull(tokens, "tokens");
  }

  /** The caller's grant if they sent a token; a 401 problem if the token is not valid. */
  public Optional<AccessGrant> optional(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null) {
      return Optional.empty();
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ApiProblem.unauthorized("use the Authorization header with a Bearer token");
    }
    return Optional.of(
        tokens
            .authenticate(header.substring(BEARER.length()).trim())
            .orElseThrow(() -> ApiProblem.unauthorized("the access token is not valid")));
  }

  /** The caller's grant; a 401 problem without a valid token. */
  public AccessGrant required(Context ctx) {
    return optional(ctx).orElseThrow(() -> ApiProblem.unauthorized("this needs an access token"));
  }

  /** An admin's grant; 401 without a valid token, 403 for other roles. */
  public AccessGrant admin(Context ctx) {
    AccessGrant grant = required(ctx);
    if (!grant.isAdmin()) {
      throw ApiProblem.forbidden("this needs an admin token");
    }
    return grant;
  }

  /**
   * The office in the path, for an admin or an office admin of it. The token is checked first, so
   * that callers without one learn nothing about which offices exist.
   */
  public OfficeId officeForAdmin(Context ctx) {
    return adminOfOffice(ctx).office();
  }

  /** Like {@link #officeForAdmin}, with who asks. */
  public InOffice adminOfOffice(Context ctx) {
    AccessGrant grant = required(ctx);
    OfficeId office = Parameters.officeId(ctx);
    if (!grant.isAdmin() && !(grant.role() == AccessRole.OFFICE_ADMIN && grant.reaches(office))) {
      throw ApiProblem.forbidden(
          "this needs an admin token or an office admin token for " + office);
    }
    return new InOffice(grant, office);
  }

  /**
   * The office in the path, for anyone whose token reaches it, with who asks; the token is checked
   * first.
   */
  public InOffice staffOfOffice(Context ctx) {
    AccessGrant grant = required(ctx);
    OfficeId office = Parameters.officeId(ctx);
    requireReach(grant, office);
    return new InOffice(grant, office);
  }

  /** The actor a grant acts as in booking histories and the audit log: its token id. */
  public static Actor actor(AccessGrant grant) {
    return Actor.staff(grant.tokenId());
  }

  /** A caller whose token reaches the office in the path. */
  public record InOffice(AccessGrant grant, OfficeId office) {
    public Actor actor() {
      return Authentication.actor(grant);
    }
  }

  public static void requireReach(AccessGrant grant, OfficeId office) {
    if (!grant.reaches(office)) {
      throw ApiProblem.forbidden("this token does not reach office " + office);
    }
  }
}
