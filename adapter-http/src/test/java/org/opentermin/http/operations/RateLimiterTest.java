package org.opentermin.http.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentermin.http.HttpSettings;
import org.opentermin.http.ManualTicker;
import org.opentermin.http.operations.RateLimiter.Decision;

class RateLimiterTest {

  private static final String CLIENT = "192.0.2.10";
  private static final String OTHER_CLIENT = "192.0.2.11";

  private final ManualTicker ticker = new ManualTicker();

  @Test
  void aClientGetsItsFullAllowanceAndIsThenRefusedWithTheWaitForTheNextToken() {
    RateLimiter limiter = new RateLimiter(3, ticker);

    assertThat(limiter.take(CLIENT, RouteGroup.CITIZEN_READ).allowed()).isTrue();
    assertThat(limiter.take(CLIENT, RouteGroup.CITIZEN_READ).allowed()).isTrue();
    assertThat(limiter.take(CLIENT, RouteGroup.CITIZEN_READ).allowed()).isTrue();
    Decision fourth = limiter.take(CLIENT, RouteGroup.CITIZEN_READ);

    // Three a minute refill one token every 20 seconds.
    assertThat(fourth).isEqualTo(Decision.limited(20));
  }

  @Test
  void theBucketRefillsSmoothlyAsTimePasses() {
    RateLimiter limiter = new RateLimiter(3, ticker);
    drain(limiter, CLIENT, RouteGroup.CITIZEN_WRITE, 3);

    ticker.advance(Duration.ofSeconds(15));
    assertThat(limiter.take(CLIENT, RouteGroup.CITIZEN_WRITE)).isEqualTo(Decision.limited(5));

    ticker.advance(Duration.ofSeconds(5));
    assertThat(limiter.take(CLIENT, RouteGroup.CITIZEN_WRITE).allowed())
        .as("one token after 20 s")
        .isTrue();
    assertThat(limiter.take(CLIENT, RouteGroup.CITIZEN_WRITE).allowed()).isFalse();

    ticker.advance(Duration.ofMinutes(5));
    assertThat(drain(limiter, CLIENT, RouteGroup.CITIZEN_WRITE, 4))
        .as("refilled to the capacity, not beyond")
        .isEqualTo(3);
  }

  @Test
  void retryAfterIsAtLeastOneSecondEvenWhenTheNextTokenIsMomentsAway() {
    RateLimiter limiter = new RateLimiter(6_000, ticker);
    drain(limiter, CLIENT, RouteGroup.STAFF, 6_000);

    // 6000 a minute refill a token every 10 ms.
    ticker.advance(Duration.ofMillis(9));
    Decision refused = limiter.take(CLIENT, RouteGroup.STAFF);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void clientsAndGroupsHaveBucketsOfTheirOwn() {
    RateLimiter limiter = new RateLimiter(2, ticker);
    drain(limiter, CLIENT, RouteGroup.CITIZEN_READ, 2);

    assertThat(limiter.take(CLIENT, RouteGroup.CITIZEN_READ).allowed()).isFalse();
    assertThat(limiter.take(OTHER_CLIENT, RouteGroup.CITIZEN_READ).allowed())
        .as("another client")
        .isTrue();
    assertThat(limiter.take(CLIENT, RouteGroup.CITIZEN_WRITE).allowed())
        .as("another group")
        .isTrue();
    assertThat(limiter.take(CLIENT, RouteGroup.STAFF).allowed()).isTrue();
    assertThat(limiter.take(CLIENT, RouteGroup.ADMIN).allowed()).isTrue();
  }

  @Test
  void afterAMinuteIdleABucketIsFullWhetherKeptOrForgotten() {
    RateLimiter limiter = new RateLimiter(2, ticker);
    drain(limiter, CLIENT, RouteGroup.ADMIN, 2);

    ticker.advance(Duration.ofMinutes(1).plusNanos(1));

    assertThat(drain(limiter, CLIENT, RouteGroup.ADMIN, 3)).isEqualTo(2);
  }

  @Test
  void zeroTurnsRateLimitingOff() {
    RateLimiter limiter = new RateLimiter(0, ticker);

    assertThat(drain(limiter, CLIENT, RouteGroup.CITIZEN_WRITE, 10_000)).isEqualTo(10_000);
  }

  @Test
  void negativeLimitsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimiter(-1, ticker))
        .withMessageContaining("-1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpSettings(-1))
        .withMessageContaining("rateLimitPerMinute");
  }

  /** Takes up to {@code attempts} requests and answers how many were allowed. */
  private static int drain(RateLimiter limiter, String client, RouteGroup group, int attempts) {
    int allowed = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.take(client, group).allowed()) {
        allowed++;
      }
    }
    return allowed;
  }
}
