package org.opentermin.http.operations;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Ticker;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket (Bucket4j) per client and {@link RouteGroup}: each holds up to {@code perMinute}
 * requests and refills {@code perMinute} a minute, smoothly. Time comes from a {@link Ticker}, so
 * tests move it instead of waiting. Thread-safe.
 *
 * <p>Buckets live in a cache bounded to {@link #MAXIMUM_BUCKETS} entries, so that a flood from
 * made-up addresses cannot exhaust memory, and expire a minute after their last use: by then a
 * bucket has refilled completely, so forgetting it changes nothing. Under such a flood the least
 * recently used buckets are dropped early, which lets their clients start over with a full bucket;
 * that is the price of the bound.
 */
public final class RateLimiter {

  /** At most this many (client, group) buckets are kept. */
  static final int MAXIMUM_BUCKETS = 100_000;

  private static final Duration REFILL_PERIOD = Duration.ofMinutes(1);

  private final int perMinute;
  private final TimeMeter time;
  private final LoadingCache<Key, Bucket> buckets;

  /** Limits to {@code perMinute} requests per client and group; 0 lets every request through. */
  public RateLimiter(int perMinute, Ticker ticker) {
    checkArgument(perMinute >= 0, "perMinute must be 0 (off) or more, not %s", perMinute);
    checkNotNull(ticker, "ticker");
    this.perMinute = perMinute;
    this.time = new TickerTime(ticker);
    this.buckets =
        CacheBuilder.newBuilder()
            .maximumSize(MAXIMUM_BUCKETS)
            .expireAfterAccess(REFILL_PERIOD.toNanos(), TimeUnit.NANOSECONDS)
            .ticker(ticker)
            .build(CacheLoader.from(key -> newBucket()));
  }

  /** Takes one request from the client's bucket for {@code group}, or says how long to wait. */
  Decision take(String client, RouteGroup group) {
    checkNotNull(client, "client");
    checkNotNull(group, "group");
    if (perMinute == 0) {
      return Decision.ALLOWED;
    }
    ConsumptionProbe probe =
        buckets.getUnchecked(new Key(client, group)).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return Decision.ALLOWED;
    }
    return Decision.limited(wholeSecondsAtLeastOne(probe.getNanosToWaitForRefill()));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, REFILL_PERIOD))
        .withCustomTimePrecision(time)
        .build();
  }

  /** Rounded up, because a client that retries a fraction of a second early is refused again. */
  private static long wholeSecondsAtLeastOne(long nanos) {
    long seconds = (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    return Math.max(1, seconds);
  }

  /**
   * Whether a request may go ahead; if not, after how many whole seconds (at least 1) its bucket
   * holds a token again.
   */
  record Decision(boolean allowed, long retryAfterSeconds) {

    static final Decision ALLOWED = new Decision(true, 0);

    Decision {
      checkArgument(
          allowed ? retryAfterSeconds == 0 : retryAfterSeconds >= 1,
          "retryAfterSeconds must be 0 when allowed and at least 1 when limited, not %s",
          retryAfterSeconds);
    }

    static Decision limited(long retryAfterSeconds) {
      return new Decision(false, retryAfterSeconds);
    }
  }

  /**
   * The address is kept in memory only, as the key of its bucket; it is never logged or counted.
   */
  private record Key(String client, RouteGroup group) {}

  /** Bucket4j's view of the ticker: monotonic nanoseconds, not a wall clock. */
  private record TickerTime(Ticker ticker) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return ticker.read();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
