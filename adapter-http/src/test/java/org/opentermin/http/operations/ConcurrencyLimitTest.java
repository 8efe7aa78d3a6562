package org.opentermin.http.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentermin.http.problem.ErrorMapping;

class ConcurrencyLimitTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(2);
  private final HttpClient client = HttpClient.newHttpClient();
  private final Javalin server =
      Javalin.create(
              config -> {
                new ConcurrencyLimit(2).register(config);
                ErrorMapping.register(config, 1024);
                config.routes.get(
                    "/api/v1/stuck",
                    ctx -> {
                      entered.countDown();
                      release.await(30, TimeUnit.SECONDS);
                      ctx.result("done");
                    });
                config.routes.get("/health", ctx -> ctx.result("UP"));
                config.routes.get(
                    "/api/v1/failing",
                    ctx -> {
                      throw new IllegalStateException("a failure in the handler");
                    });
              })
          .start(0);

  @AfterEach
  void stop() {
    release.countDown();
    server.stop();
  }

  @Test
  void requestsBeyondTheBoundAreShedWith503WhileLivenessStillAnswers() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> stuck =
        List.of(send("/api/v1/stuck"), send("/api/v1/stuck"));
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> shed = send("/api/v1/stuck").get(30, TimeUnit.SECONDS);
    HttpResponse<String> health = send("/health").get(30, TimeUnit.SECONDS);

    assertThat(shed.statusCode()).isEqualTo(503);
    assertThat(shed.headers().firstValue("Retry-After")).isPresent();
    assertThat(shed.body()).contains("/problems/service-unavailable");
    assertThat(health.statusCode()).isEqualTo(200);

    release.countDown();
    for (CompletableFuture<HttpResponse<String>> answer : stuck) {
      assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    // Every permit came back: the bound admits two again.
    assertThat(send("/api/v1/stuck").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void aRequestThatFailsGivesItsPermitBack() throws Exception {
    release.countDown();
    for (int i = 0; i < 5; i++) {
      assertThat(send("/api/v1/failing").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
    }

    assertThat(send("/api/v1/stuck").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  private CompletableFuture<HttpResponse<String>> send(String path) {
    return client.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
