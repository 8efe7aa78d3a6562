package org.opentermin.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentermin.ports.booking.BookingServices;

/**
 * The app as operators run it, in a process of its own with the system clock: killed with SIGKILL
 * in the middle of a booking rush, together with its database, then alone. Every booking answered
 * 201 is there after the restart, with its manage token, and each restart succeeds the first time.
 */
class CrashRecoveryTest {

  private static final String OFFICE = "sbh-sued";
  private static final String SERVICE = "wohngeld";
  private static final int CLIENTS = 4;

  @TempDir Path dataDirectory;

  private final List<Process> started = new ArrayList<>();

  @Test
  void everyBookingAnswered201SurvivesKillingAppAndDatabaseAndAKilledAppRestartsAtOnce()
      throws Exception {
    int port = freePort();
    try {
      Process first = startApp(port, "first");
      Api api = new Api(port);
      removeAccessRules(api);
      Queue<String> starts = new ConcurrentLinkedQueue<>(freeStarts(api));
      assertThat(starts).hasSizeGreaterThan(100);

      Queue<Booked> confirmed = new ConcurrentLinkedQueue<>();
      AtomicBoolean rushing = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int i = 0; i < CLIENTS; i++) {
        clients.submit(() -> rush(api, starts, confirmed, rushing));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (confirmed.size() < 40 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      // Mid-rush: the app and its database die at once, as in a power cut of both processes.
      ProcessHandle postmaster = Processes.postmaster(dataDirectory);
      List<ProcessHandle> database =
          Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
      first.destroyForcibly();
      database.forEach(ProcessHandle::destroyForcibly);
      first.waitFor(30, TimeUnit.SECONDS);
      database.forEach(Processes::awaitExit);
      rushing.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      assertThat(confirmed).hasSizeGreaterThanOrEqualTo(40);

      Process second = startApp(port, "second");
      for (Booked booked : confirmed) {
        Api.Answer seen =
            api.get("/api/v1/bookings/" + booked.reference(), "X-Manage-Token", booked.token());
        assertThat(seen.status())
            .as("booking %s answered 201 before the crash", booked.reference())
            .isEqualTo(200);
      }

      // The app alone dies: its database keeps running, detached, and must not block the next
      // start.
      second.destroyForcibly();
      second.waitFor(30, TimeUnit.SECONDS);
      ProcessHandle orphan = Processes.postmaster(dataDirectory);
      assertThat(orphan.isAlive()).isTrue();

      Process third = startApp(port, "third");
      assertThat(third.isAlive()).isTrue();
      assertThat(orphan.isAlive()).isFalse();
      Booked any = confirmed.peek();
      assertThat(
              api.get("/api/v1/bookings/" + any.reference(), "X-Manage-Token", any.token())
                  .status())
          .isEqualTo(200);
      third.destroy();
      assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      for (Process process : started) {
        process.destroyForcibly();
      }
      if (Files.exists(dataDirectory.resolve("postgres").resolve("postmaster.pid"))) {
        ProcessHandle left = Processes.postmaster(dataDirectory);
        Processes.signalTree(left, "KILL");
      }
    }
  }

  private record Booked(String reference, String token) {}

  /** Holds and confirms free starts one after another until told to stop or the app is gone. */
  private static void rush(
      Api api, Queue<String> starts, Queue<Booked> confirmed, AtomicBoolean rushing) {
    String start;
    while (rushing.get() && (start = starts.poll()) != null) {
      try {
        Api.Answer hold =
            api.post(
                "/api/v1/holds",
                Map.of(
                    "officeId",
                    OFFICE,
                    "services",
                    List.of(Api.service(SERVICE, 1)),
                    "start",
                    start));
        if (hold.status() != 201) {
          continue;
        }
        Api.Answer booking =
            api.post(
                "/api/v1/bookings",
                Map.of(
                    "holdId",
                    hold.json().get("holdId").asText(),
                    "citizen",
                    Map.of("name", "Erika Mustermann", "email", "erika@example.org")));
        if (booking.status() == 201) {
          confirmed.add(
              new Booked(
                  booking.json().get("reference").asText(),
                  booking.json().get("manageToken").asText()));
        }
      } catch (RuntimeException appGone) {
        return;
      }
    }
  }

  private static List<String> freeStarts(Api api) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    JsonNode days =
        api.get(
                "/api/v1/offices/"
                    + OFFICE
                    + "/availability?service="
                    + SERVICE
                    + "&from="
                    + today.plusDays(1)
                    + "&to="
                    + today.plusDays(21))
            .json()
            .get("days");
    List<String> starts = new ArrayList<>();
    for (JsonNode day : days) {
      for (JsonNode slot : day.get("slots")) {
        starts.add(slot.get("start").asText());
      }
    }
    return starts;
  }

  /**
   * The rush measures the claim path, not the demo offices' fair-access rules (limits per client).
   */
  private static void removeAccessRules(Api api) throws InterruptedException {
    Api.Answer removed =
        api.delete(
            "/api/v1/admin/offices/" + OFFICE + "/access-policy",
            "Authorization",
            Api.bearer(RunningApp.ADMIN_TOKEN));
    assertThat(removed.status()).isEqualTo(204);
    // An instance rechecks an office's rules at most this often.
    Thread.sleep(BookingServices.RECOMMENDED_SCHEDULE_RECHECK.toMillis() + 500);
  }

  private Process startApp(int port, String name) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), "org.opentermin.app.Main")
            .redirectErrorStream(true)
            .redirectOutput(
                Redirect.appendTo(Path.of("target", "crash-recovery-" + name + ".log").toFile()));
    builder
        .environment()
        .putAll(
            Map.of(
                "OPENTERMIN_PORT",
                Integer.toString(port),
                "OPENTERMIN_DATA_DIR",
                dataDirectory.toString(),
                "OPENTERMIN_ADMIN_TOKEN",
                RunningApp.ADMIN_TOKEN,
                "OPENTERMIN_RATE_LIMIT_PER_MINUTE",
                "0"));
    Process process = builder.start();
    started.add(process);
    Api api = new Api(port);
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive())
          .as("the %s start ended early; see target/crash-recovery-%s.log", name, name)
          .isTrue();
      try {
        if (api.get("/ready").status() == 200) {
          return process;
        }
      } catch (RuntimeException notListeningYet) {
        // Polled again below.
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "the "
            + name
            + " start was not ready within 300 s; see target/crash-recovery-"
            + name
            + ".log");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
