package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus finds at {@code /metrics} of a running instance. */
class MetricsTest {

  @Test
  void metricsShowTheJvmTheProcessThePoolTheDatabaseTheJobsAndTheRefusals() {
    RunningApp app = RunningApp.get();
    app.api.get("/api/v1/offices");

    Api.Answer scraped = app.api.get("/metrics");

    assertThat(scraped.status()).isEqualTo(200);
    List<String> families =
        List.of(
            "http_server_requests_seconds_count{",
            "jvm_memory_used_bytes{",
            "jvm_gc_memory_allocated_bytes_total ",
            "jvm_threads_live_threads ",
            "jvm_classes_loaded_classes ",
            "process_cpu_usage ",
            "system_cpu_count ",
            "process_uptime_seconds ",
            "hikaricp_connections_active{pool=\"opentermin\"}",
            "hikaricp_connections_idle{pool=\"opentermin\"}",
            "hikaricp_connections_pending{pool=\"opentermin\"}",
            "hikaricp_connections_timeout_total{pool=\"opentermin\"}",
            "opentermin_database_up 1.0",
            "opentermin_job_runs_total{job=\"expired-holds\",outcome=\"failure\"}",
            "opentermin_job_runs_total{job=\"retention\",outcome=\"success\"}",
            "opentermin_job_last_success_seconds{job=\"waiting-lists\"}",
            "opentermin_job_duration_seconds_count{job=\"lottery-draws\"}",
            "opentermin_embedded_database_restarts_total 0.0",
            "opentermin_rate_limited_total{group=\"citizen-write\"}");
    for (String family : families) {
      assertThat(scraped.body()).as("/metrics").contains(family);
    }
  }
}
