package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationsTest {

  private Api api;
  private RunningApp app;

  @BeforeEach
  void startApp() {
    app = RunningApp.get().withoutAccessRules("sbh-sued");
    api = app.api;
  }

  @Test
  void healthAndReadinessAnswerWhileTheDatabaseRuns() {
    assertThat(api.get("/health").status()).isEqualTo(200);
    assertThat(api.get("/ready").json().get("status").asText()).isEqualTo("READY");
  }

  @Test
  void metricsShowRequestLatenciesByRouteAndHoldOutcomes() {
    api.get("/api/v1/offices/sbh-sued/availability?service=wohngeld");
    api.post(
        "/api/v1/holds",
        Map.of(
            "officeId",
            "sbh-sued",
            "services",
            List.of(Api.service("wohngeld", 1)),
            "start",
            "2026-12-01T03:00:00+01:00"));

    Api.Answer metrics = api.get("/metrics");

    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_bucket{")
        .contains("route=\"/api/v1/offices/{officeId}/availability\"")
        .contains("opentermin_holds_total{outcome=\"UNAVAILABLE\"}")
        .doesNotContain("sbh-sued/availability");
  }

  @Test
  void theOpenApiDocumentIsServed() {
    Api.Answer openApi = api.get("/openapi.json");

    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.json().get("openapi").asText()).startsWith("3.1");
  }

  @Test
  void theConfiguredAdminTokenIsUsedAndNoneIsPrinted() {
    assertThat(app.console).doesNotContain("admin token was generated");
    assertThat(
            api.get(
                    "/api/v1/staff/offices/sbh-sued/bookings",
                    "Authorization",
                    Api.bearer(RunningApp.ADMIN_TOKEN))
                .status())
        .isEqualTo(200);
  }
}
