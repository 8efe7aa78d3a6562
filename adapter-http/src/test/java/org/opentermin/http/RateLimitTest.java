package org.opentermin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.http.problem.ProblemTitles;

/** Rate limits as a client sees them: the server runs on a ticker that only the test moves. */
class RateLimitTest {

  private static final int PER_MINUTE = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManualTicker ticker = new ManualTicker();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpApi api;

  @BeforeEach
  void start() {
    UseCases useCases =
        new InMemoryUseCases(Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC))
            .useCases();
    api = HttpApi.create(useCases, new HttpSettings(PER_MINUTE), ticker).start(0);
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  @Test
  void theRequestAfterTheAllowanceIsRefusedWithRetryAfterAndAProblemDocument() throws Exception {
    for (int i = 0; i < PER_MINUTE; i++) {
      assertThat(send("GET", "/api/v1/offices").statusCode())
          .as("request %s", i + 1)
          .isEqualTo(200);
    }

    HttpResponse<String> refused = send("GET", "/api/v1/offices", "Accept-Language", "de");

    assertThat(refused.statusCode()).isEqualTo(429);
    // Five a minute refill one every 12 seconds.
    assertThat(refused.headers().firstValue("Retry-After")).contains("12");
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.path("type").asText()).isEqualTo(ProblemTitles.TYPE_BASE + "rate-limited");
    assertThat(problem.path("title").asText()).isEqualTo("Zu viele Anfragen");
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(problem.path("detail").asText())
        .contains("citizen-read")
        .doesNotContain("127.0.0.1");

    ticker.advance(Duration.ofSeconds(12));
    assertThat(send("GET", "/api/v1/offices").statusCode()).as("after Retry-After").isEqualTo(200);
  }

  @Test
  void aClientOverItsReadLimitCanStillWrite() throws Exception {
    for (int i = 0; i < PER_MINUTE; i++) {
      send("GET", "/api/v1/services");
    }
    assertThat(send("GET", "/api/v1/services").statusCode()).isEqualTo(429);

    // Refused by validation, so not by the limiter: the write group has its own bucket.
    assertThat(send("POST", "/api/v1/holds", "Content-Type", "application/json").statusCode())
        .isEqualTo(400);
  }

  @Test
  void operationsAndDocumentationRoutesAreNeverLimited() throws Exception {
    for (int i = 0; i <= PER_MINUTE; i++) {
      assertThat(send("GET", "/health").statusCode()).isEqualTo(200);
      assertThat(send("GET", "/ready").statusCode()).isEqualTo(200);
      assertThat(send("GET", "/metrics").statusCode()).isEqualTo(200);
      assertThat(send("GET", "/openapi.json").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refusalsAreCountedByGroupWithoutTheClientAddress() throws Exception {
    for (int i = 0; i < PER_MINUTE + 2; i++) {
      send("POST", "/api/v1/admin/tokens");
    }

    String metrics = send("GET", "/metrics").body();

    assertThat(metrics).contains("opentermin_rate_limited_total{group=\"admin\"} 2.0");
    assertThat(metrics).doesNotContain("127.0.0.1");
  }

  @Test
  void theRefusalFitsTheApiDocument() {
    ApiDocClient docs = new ApiDocClient(api.port(), send("GET", "/openapi.json").body());
    for (int i = 0; i < PER_MINUTE; i++) {
      docs.get("/api/v1/offices/sbh-mitte");
    }

    assertThat(docs.get("/api/v1/offices/sbh-mitte").status()).isEqualTo(429);
    assertThat(docs.violations()).isEmpty();
  }

  private HttpResponse<String> send(String method, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException failed) {
      throw new java.io.UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}
