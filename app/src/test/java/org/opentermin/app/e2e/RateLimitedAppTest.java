package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentermin.app.AppConfig;
import org.opentermin.app.OpenTermin;

/**
 * The rate limit as an operator sets it: an app of its own (the shared {@link RunningApp} runs
 * without limits, since every test sends from 127.0.0.1) with {@code
 * OPENTERMIN_RATE_LIMIT_PER_MINUTE=3}.
 */
class RateLimitedAppTest {

  private static OpenTermin app;
  private static Api api;

  @BeforeAll
  static void startApp() throws IOException {
    Path dataDirectory = Files.createTempDirectory("opentermin-e2e-rate");
    AppConfig config =
        AppConfig.fromEnvironment(
            Map.of(
                "OPENTERMIN_PORT",
                "0",
                "OPENTERMIN_DATA_DIR",
                dataDirectory.toString(),
                "OPENTERMIN_ADMIN_TOKEN",
                RunningApp.ADMIN_TOKEN,
                "OPENTERMIN_RATE_LIMIT_PER_MINUTE",
                "3"));
    app =
        OpenTermin.start(
            config,
            new MovableClock(RunningApp.MONDAY_MORNING),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    api = new Api(app.port());
  }

  @AfterAll
  static void stopApp() {
    app.close();
  }

  @Test
  void theFourthReadInAMinuteFromOneAddressIsRateLimitedButOperationsAreNot() {
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/api/v1/offices").status()).isEqualTo(200);
    }

    Api.Answer limited = api.get("/api/v1/offices");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(limited.json().get("type").asText())
        .isEqualTo("https://opentermin.org/problems/rate-limited");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
    assertThat(api.get("/health").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/offices/sbh-mitte/access-policy").status())
        .as("the same group")
        .isEqualTo(429);
  }

  @Test
  void forwardingHeadersFromAPeerThatIsNoTrustedProxyAreIgnored() {
    // No OPENTERMIN_TRUSTED_PROXIES here: every request is 127.0.0.1's, whatever it claims.
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/api/v1/admin/tokens", "X-Forwarded-For", "198.51.100." + i).status())
          .isNotEqualTo(429);
    }

    assertThat(api.get("/api/v1/admin/tokens", "X-Forwarded-For", "198.51.100.99").status())
        .isEqualTo(429);
    assertThat(api.get("/api/v1/admin/tokens", "Forwarded", "for=198.51.100.98").status())
        .isEqualTo(429);
  }
}
