package org.opentermin.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.http.proxy.TrustedProxies;

/**
 * How the HTTP API behaves beyond its routes. Immutable.
 *
 * @param rateLimitPerMinute requests per minute that one client (remote address) may send to one
 *     route group, refilled smoothly; 0 turns rate limiting off
 * @param trustedProxies the reverse proxies whose forwarding headers name the client; none by
 *     default, so that the client is the socket's peer
 */
public record HttpSettings(int rateLimitPerMinute, TrustedProxies trustedProxies) {

  /** The rate limit unless configured otherwise: two requests a second, sustained, per group. */
  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 120;

  public HttpSettings {
    checkArgument(
        rateLimitPerMinute >= 0,
        "rateLimitPerMinute must be 0 (off) or more, not %s",
        rateLimitPerMinute);
    checkNotNull(trustedProxies, "trustedProxies");
  }

  /** Limits at {@code rateLimitPerMinute}, trusting no proxy. */
  public HttpSettings(int rateLimitPerMinute) {
    this(rateLimitPerMinute, TrustedProxies.none());
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
