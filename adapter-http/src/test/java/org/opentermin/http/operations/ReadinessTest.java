package org.opentermin.http.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentermin.http.HttpApi;
import org.opentermin.http.InMemoryUseCases;

class ReadinessTest {

  private final AtomicBoolean databaseReachable = new AtomicBoolean(true);
  private HttpApi api;

  @BeforeEach
  void start() {
    InMemoryUseCases memory =
        new InMemoryUseCases(Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC));
    api =
        HttpApi.create(
                memory.with(memory.bookings().build()).readiness(databaseReachable::get).build())
            .start(0);
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  @Test
  void readyOnlyWhileTheDatabaseIsReachableButAliveRegardless() throws Exception {
    assertThat(get("/ready").statusCode()).isEqualTo(200);

    databaseReachable.set(false);
    HttpResponse<String> notReady = get("/ready");

    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(notReady.body()).contains("/problems/not-ready");
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
