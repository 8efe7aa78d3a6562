package org.opentermin.http;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How the HTTP API behaves beyond its routes. Immutable.
 *
 * @param rateLimitPerMinute requests per minute that one client (remote address) may send to one
 *     route group, refilled smoothly; 0 turns rate limiting off
 */
public record HttpSettings(int rateLimitPerMinute) {

  /** The rate limit unless configured otherwise: two requests a second, sustained, per group. */
  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 120;

  public HttpSettings {
    checkArgument(rateLimitPerMinute >= 0, "rateLimitPerMinute must be 0 (off) or more, not %s", rateLimitPerMinute);
  }

  /** The settings used when none are given. */
  public static HttpSettings defaults() {
    return new HttpSettings(DEFAULT_RATE_LIMIT_PER_MINUTE);
  }

  /** Whether requests are limited at all. */
  public boolean rateLimited() {
    return rateLimitPerMinute > 0;
  }
}
