package org.opentermin.http;

import io.javalin.http.Context;
import org.opentermin.http.problem.ApiProblem;

/**
 * Checks the request target's percent escapes before anything decodes a path or query parameter:
 * the decoder throws on a malformed escape ({@code %u002e}, {@code %zz}, a lone {@code %}), which
 * would otherwise surface as a failure of ours instead of a bad request.
 */
final class RequestTargets {

  private RequestTargets() {}

  static void checkEscapes(Context ctx) {
    if (!wellEscaped(ctx.req().getRequestURI()) || !wellEscaped(ctx.queryString())) {
      throw ApiProblem.badRequest(
          "the path or query has a malformed percent escape: write %XX with two hex digits");
    }
  }

  /** Whether every {@code %} in {@code target} starts an escape of two hex digits. */
  static boolean wellEscaped(String target) {
    if (target == null) {
      return true;
    }
    for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
      if (i + 2 >= target.length()
          || !isHex(target.charAt(i + 1))
          || !isHex(target.charAt(i + 2))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
