package org.opentermin.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load on the HTTP API with the app and this load generator on the same machine (issue 4). Starts
 * the app jar as a separate process with a fresh data directory (or uses a running app at {@code
 * url=}), then runs, in this order:
 *
 * <ol>
 *   <li><b>availability</b>: requests for 14 days of availability, spread round the demo offices
 *       and services. After a JIT warm-up, a closed loop per connection count (each connection
 *       sends its next request when the previous one answered), then a fixed rate (latency counted
 *       from when each request was due, see {@link OpenLoop}). Reports requests/s, p50, p99 and
 *       errors;
 *   <li><b>booking</b>: each client fetches one office's availability for one service once, then
 *       holds and confirms random listed starts, each start once (a 409 is a refusal, not an
 *       error). After the warm-up it runs {@code ANALYZE} (see {@link AppUnderTest#analyze()}),
 *       then reports bookings (confirmations) per second, attempts per second, p50/p99 of the
 *       hold+confirm pair, refusals and errors. Then it checks zero overbooking in the staff day
 *       lists: no two live appointments of one resource overlap, and the lists gained exactly as
 *       many confirmed bookings as confirmations were answered with 201;
 *   <li>stops the app with SIGTERM and checks that the app and its PostgreSQL ended cleanly;
 *   <li><b>startup</b>: restarts the app on the now warm data directory and measures the time from
 *       starting the process to {@code /ready} answering 200.
 * </ol>
 *
 * <p>Every measured window reports the CPU used by the app's JVM, PostgreSQL, this load generator
 * and everything else ({@link CpuUse}); before each, it waits for the machine to be quiet, as it is
 * shared. Latencies are kept whole, no histogram buckets.
 *
 * <p>The demo offices use the recommended fair-access preset ({@code AccessPolicy.recommended()},
 * ADR 005), and a run says which rules it measured with ({@code rules=}):
 *
 * <ul>
 *   <li>{@code demo}: the offices keep their rules. Availability then closes capacity per request
 *       (release waves, contingents, quarantine, which reads recent cancellations), which is what a
 *       citizen's request costs in the product;
 *   <li>{@code off}: before measuring, every office's policy is removed through the admin API
 *       ({@code DELETE /api/v1/admin/offices/{id}/access-policy}), as an office without rules has
 *       it.
 * </ul>
 *
 * <p>The booking scenario runs only with {@code off}, and {@code off} is the default when it is
 * selected. It measures the claim path (hold and confirm against the database's arbitration) with a
 * few identities from one client address; the preset limits exactly that by design (three live
 * holds per client address, one booking per person and 30 days, a challenge above 120 holds a
 * minute per instance, waves not yet released), so with the rules on it would measure refusals, not
 * bookings. What the rules do to citizens is measured by the fairness simulation ({@code
 * docs/FAIRNESS.md}), not here. Without the booking scenario the default is {@code demo}.
 *
 * <p>Run {@code java -cp benchmarks/target/benchmarks.jar org.opentermin.benchmarks.ApiLoad
 * [name=value ...]}; the options and their defaults:
 *
 * <ul>
 *   <li>{@code app=app/target/opentermin.jar}, or {@code url=http://127.0.0.1:8080} and {@code
 *       token=} (an admin token) for a running app, which must run with {@code
 *       OPENTERMIN_RATE_LIMIT_PER_MINUTE=0} (a started app gets it), or the run measures 429
 *       answers; {@code jvm=} options for the app's JVM, separated by spaces;
 *   <li>{@code scenarios=availability,booking,startup};
 *   <li>{@code rules=demo} without the booking scenario, {@code rules=off} with it (see above;
 *       {@code rules=demo} together with the booking scenario refuses to start);
 *   <li>{@code client=java} ({@code java.net.http}, HTTP/1.1) or {@code wrk} (Debian's {@code wrk},
 *       for the closed availability loops), {@code jitWarmup=30}, {@code connections=4,8,16,32},
 *       {@code rates=1000}, {@code warmup=10} and {@code duration=20} seconds per level;
 *   <li>{@code clients=8}, {@code bookingDays=61}, {@code bookingWarmup=15}, {@code
 *       bookingDuration=15}, {@code analyze=true};
 *   <li>{@code restarts=3};
 *   <li>{@code quietWait=180}: how many seconds at most to wait before each window for other
 *       processes to go quiet (0: do not wait); a window that starts on a busy machine is marked
 *       {@code NOISY}.
 * </ul>
 *
 * <p>Exits with 1 if a booking check or a stop failed, and then keeps the data directory and the
 * app's log; with 2, before starting anything, for {@code rules=demo} with the booking scenario.
 */
public final class ApiLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_TOKEN =
      "load-test-admin-token-" + Long.toHexString(System.nanoTime());
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Enough connections for a fixed rate to catch up after a stall of the server. */
  private static final int RATE_CONNECTIONS = 32;

  private static final String SCENARIOS = "availability,booking,startup";
  private static Duration quietWait = Duration.ofMinutes(3);

  private final AppUnderTest app;
  private final HttpClient http = newClient();
  private final List<Office> offices;
  private final List<String> services;

  /** Which fair-access rules the offices have while measuring; see the class comment. */
  private enum Rules {
    DEMO,
    OFF;

    static Rules of(Map<String, String> options, List<String> scenarios) {
      String value = options.getOrDefault("rules", scenarios.contains("booking") ? "off" : "demo");
      Rules rules =
          switch (value) {
            case "demo" -> DEMO;
            case "off" -> OFF;
            default ->
                throw new IllegalArgumentException("rules=demo or rules=off, not rules=" + value);
          };
      if (rules == DEMO && scenarios.contains("booking")) {
        throw new IllegalArgumentException(
            "the booking scenario measures the claim path and needs rules=off: under the demo"
                + " offices' fair-access preset it books from one client address with few"
                + " identities, so the hold limit (3 live holds per address), the identity limit (1"
                + " per person and 30 days) and the challenge (above 120 holds a minute) would"
                + " refuse it by design. Run scenarios=booking with rules=off (the default with"
                + " booking), or leave booking out to measure availability with rules=demo.");
      }
      return rules;
    }
  }

  private record Office(String id, ZoneId zone, int maxDaysAhead) {
    LocalDate today() {
      return LocalDate.now(zone);
    }
  }

  private ApiLoad(AppUnderTest app) throws IOException, InterruptedException {
    this.app = app;
    this.offices = new ArrayList<>();
    for (JsonNode office : json(get("/api/v1/offices"))) {
      offices.add(
          new Office(
              office.get("id").asText(),
              ZoneId.of(office.get("timeZone").asText()),
              office.get("maxDaysAhead").asInt()));
    }
    this.services = new ArrayList<>();
    json(get("/api/v1/services")).forEach(service -> services.add(service.get("id").asText()));
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  /** Runs as {@link #main} does and returns its exit status instead of exiting. */
  static int run(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Rules rules;
    try {
      // Checked before anything starts, so that a refused combination costs nothing.
      rules = Rules.of(options, list(options.getOrDefault("scenarios", SCENARIOS)));
    } catch (IllegalArgumentException refused) {
      System.err.println("ApiLoad does not start: " + refused.getMessage());
      return 2;
    }
    quietWait = seconds(options, "quietWait", (int) quietWait.toSeconds());
    List<String> jvm =
        Arrays.stream(options.getOrDefault("jvm", "").split(" "))
            .filter(option -> !option.isBlank())
            .toList();
    System.out.printf(
        "machine: %d cores, Java %s, load average %s; app JVM options: %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        loadAverage(),
        jvm.isEmpty() ? "none (defaults)" : jvm);
    boolean clean;
    if (options.containsKey("url")) {
      try (AppUnderTest app =
          AppUnderTest.connect(URI.create(options.get("url")), options.getOrDefault("token", ""))) {
        clean = new ApiLoad(app).run(options, rules);
      }
    } else {
      Path root = Files.createTempDirectory("opentermin-load");
      try (AppUnderTest app =
          AppUnderTest.start(jar(options), data(root), log(root), jvm, ADMIN_TOKEN)) {
        System.out.printf(
            "started %s with a fresh data directory in %d ms (log: %s)%n",
            jar(options), app.startup().toMillis(), log(root));
        clean = new ApiLoad(app).run(options, rules);
        AppUnderTest.Stop stop = app.stop();
        System.out.println("stop (SIGTERM): " + stop);
        clean &= stop.clean();
      }
      if (list(options.getOrDefault("scenarios", SCENARIOS)).contains("startup")) {
        clean &=
            startup(
                jar(options), root, jvm, Integer.parseInt(options.getOrDefault("restarts", "3")));
      }
      if (clean) {
        deleteRecursively(root);
      } else {
        System.out.println("kept the data directory and log for inspection: " + root);
      }
    }
    System.out.println("load average at the end: " + loadAverage());
    return clean ? 0 : 1;
  }

  /** The availability and booking scenarios; false if the booking check failed. */
  private boolean run(Map<String, String> options, Rules rules) throws Exception {
    List<String> scenarios = list(options.getOrDefault("scenarios", SCENARIOS));
    applyRules(rules);
    Duration warmup = seconds(options, "warmup", 10);
    Duration duration = seconds(options, "duration", 20);
    if (scenarios.contains("availability")) {
      String client = options.getOrDefault("client", "java");
      // On two shared cores the JIT needs far longer than one level's warm-up; without this the
      // first level would be measured partly interpreted. Java's client warms up too, for the
      // fixed rate, which always uses it.
      availability("java", 8, seconds(options, "jitWarmup", 30), Duration.ZERO);
      for (String connections : list(options.getOrDefault("connections", "4,8,16,32"))) {
        availability(client, Integer.parseInt(connections), warmup, duration);
      }
      for (String rate : list(options.getOrDefault("rates", "1000"))) {
        availabilityAtRate(Integer.parseInt(rate), warmup, duration);
      }
    }
    if (!scenarios.contains("booking")) {
      return true;
    }
    return booking(
        Integer.parseInt(options.getOrDefault("clients", "8")),
        Integer.parseInt(options.getOrDefault("bookingDays", "61")),
        seconds(options, "bookingWarmup", 15),
        seconds(options, "bookingDuration", 15),
        Boolean.parseBoolean(options.getOrDefault("analyze", "true")));
  }

  /**
   * Leaves the offices' rules as they are ({@code demo}) or removes every office's policy. The demo
   * offices have office policies only; a service's own policy would outlive the removal, so it is
   * checked that none is left.
   */
  private void applyRules(Rules rules) throws IOException, InterruptedException {
    if (rules == Rules.OFF) {
      for (Office office : offices) {
        HttpResponse<String> removed =
            http.send(
                request("/api/v1/admin/offices/" + office.id() + "/access-policy")
                    .header("Authorization", "Bearer " + app.adminToken())
                    .DELETE()
                    .build(),
                BodyHandlers.ofString());
        if (removed.statusCode() != 204) {
          throw new IllegalStateException(
              "removing the access policy of "
                  + office.id()
                  + " answered "
                  + removed.statusCode()
                  + ": "
                  + removed.body());
        }
      }
    }
    List<String> described = new ArrayList<>();
    for (Office office : offices) {
      JsonNode policies = json(get("/api/v1/offices/" + office.id() + "/access-policy"));
      boolean services = policies.path("services").size() > 0;
      boolean any = hasRules(policies.path("office")) || services;
      if (rules == Rules.OFF && any) {
        throw new IllegalStateException(
            "office "
                + office.id()
                + " still has fair-access rules after the removal: "
                + policies);
      }
      described.add(
          office.id()
              + (any ? " has rules" : " has none")
              + (services ? " (also per service)" : ""));
    }
    System.out.printf(
        "rules=%s: %s%n", rules.name().toLowerCase(Locale.ROOT), String.join(", ", described));
  }

  /** A policy view with any rule set; an office without a policy shows none. */
  private static boolean hasRules(JsonNode policy) {
    if (policy.isMissingNode() || policy.isNull()) {
      return false;
    }
    for (JsonNode rule : (Iterable<JsonNode>) policy::elements) {
      if (!rule.isNull()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Closed loop over every office and service, 14 days from today, through Java's client or wrk; an
   * empty window only warms up.
   */
  private void availability(String client, int connections, Duration warmup, Duration window)
      throws Exception {
    awaitQuiet();
    List<String> paths = availabilityPaths();
    if (client.equals("wrk")) {
      Wrk.Result result = Wrk.run(app, paths, connections, warmup, window);
      if (window.isZero()) {
        return;
      }
      System.out.printf(
          "availability wrk c=%d: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d; CPU (cores):"
              + " %s%n",
          connections,
          result.requestsPerSecond(),
          result.p50Millis(),
          result.p99Millis(),
          result.errors(),
          result.cpu());
      return;
    }
    List<ClosedLoop.Call> workers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Random random = new Random(i);
      workers.add(() -> availabilityCall(paths.get(random.nextInt(paths.size()))).run());
    }
    Measurement result = ClosedLoop.run(workers, warmup, window, app::cpu);
    if (window.isZero()) {
      return;
    }
    System.out.printf(
        "availability java c=%d: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d%s; CPU (cores):"
            + " %s%n",
        connections,
        result.perSecond(result.done()),
        result.millis(50),
        result.millis(99),
        result.errors(),
        result.firstErrorNote(),
        result.cpu());
  }

  /** The same requests at a fixed rate (an open loop), latency counted from when each was due. */
  private void availabilityAtRate(int rate, Duration warmup, Duration window) throws Exception {
    awaitQuiet();
    List<String> paths = availabilityPaths();
    Measurement result =
        OpenLoop.run(
            RATE_CONNECTIONS,
            i -> availabilityCall(paths.get((int) (i % paths.size()))),
            rate,
            warmup,
            window,
            app::cpu);
    System.out.printf(
        "availability java rate=%d/s (%d connections): %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors"
            + " %d%s; CPU (cores): %s%n",
        rate,
        RATE_CONNECTIONS,
        result.perSecond(result.done()),
        result.millis(50),
        result.millis(99),
        result.errors(),
        result.firstErrorNote(),
        result.cpu());
  }

  private ClosedLoop.Call availabilityCall(String path) {
    return () -> {
      HttpResponse<byte[]> response = http.send(request(path).build(), BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || response.body().length == 0) {
        throw new IllegalStateException("availability answered " + response.statusCode());
      }
      return ClosedLoop.Outcome.DONE;
    };
  }

  /** Every office and service, 14 days from today. */
  private List<String> availabilityPaths() {
    List<String> paths = new ArrayList<>();
    for (Office office : offices) {
      for (String service : services) {
        paths.add(availabilityPath(office, service, 14));
      }
    }
    return paths;
  }

  /**
   * Each client fetches one office's availability for one service once, then holds and confirms
   * random starts from that list, each start tried once. Returns whether nothing was overbooked.
   */
  private boolean booking(int clients, int days, Duration warmup, Duration window, boolean analyze)
      throws Exception {
    long confirmedBefore = confirmed(staffLists(days));
    awaitQuiet();
    AtomicInteger confirmed = new AtomicInteger();
    AtomicInteger held = new AtomicInteger();
    List<ClosedLoop.Call> workers = new ArrayList<>();
    int starts = 0;
    for (int i = 0; i < clients; i++) {
      Random random = new Random(1_000 + i);
      Office office = offices.get(i % offices.size());
      String service = services.get(random.nextInt(services.size()));
      List<String> free = new ArrayList<>();
      json(get(availabilityPath(office, service, days)))
          .get("days")
          .forEach(day -> day.get("slots").forEach(slot -> free.add(slot.get("start").asText())));
      starts += free.size();
      workers.add(
          () -> {
            if (free.isEmpty()) {
              return ClosedLoop.Outcome.FINISHED;
            }
            String start = free.remove(random.nextInt(free.size()));
            HttpResponse<String> hold =
                post(
                    "/api/v1/holds",
                    String.format(
                        "{\"officeId\":\"%s\",\"services\":[{\"serviceId\":\"%s\",\"persons\":1}],\"start\":\"%s\"}",
                        office.id(), service, start));
            if (hold.statusCode() == 409) {
              return ClosedLoop.Outcome.REFUSED;
            }
            if (hold.statusCode() != 201) {
              throw new IllegalStateException(
                  "hold answered " + hold.statusCode() + ": " + hold.body());
            }
            int number = held.incrementAndGet();
            // Citizens who book online give a way to be reached; one address each, as real citizens
            // have.
            HttpResponse<String> booking =
                post(
                    "/api/v1/bookings",
                    String.format(
                        "{\"holdId\":\"%s\",\"citizen\":{\"name\":\"Load"
                            + " Test\",\"email\":\"load-%d@example.org\"}}",
                        json(hold.body()).get("holdId").asText(), number));
            if (booking.statusCode() != 201) {
              throw new IllegalStateException(
                  "confirming a hold answered " + booking.statusCode() + ": " + booking.body());
            }
            confirmed.incrementAndGet();
            return ClosedLoop.Outcome.DONE;
          });
    }
    if (analyze) {
      // Warm up on a few thousand bookings first, so that ANALYZE sees tables of a realistic size.
      ClosedLoop.run(workers, warmup, Duration.ZERO, app::cpu);
      System.out.println(
          app.analyze()
              ? "(ran ANALYZE after the warm-up)"
              : "(could not run ANALYZE: the database is not known)");
    }
    Measurement result =
        ClosedLoop.run(workers, analyze ? Duration.ofSeconds(2) : warmup, window, app::cpu);
    long attempts = result.done() + result.refused() + result.errors();
    System.out.printf(
        "booking c=%d (%d starts listed over %d days): %.0f bookings/s, %.0f attempts/s,"
            + " hold+confirm p50 %.2f ms, p99 %.2f ms, %d refused (409), errors %d%s; CPU (cores):"
            + " %s%n",
        clients,
        starts,
        days,
        result.perSecond(result.done()),
        result.perSecond(attempts),
        result.millis(50),
        result.millis(99),
        result.refused(),
        result.errors(),
        result.firstErrorNote(),
        result.cpu());
    return verify(confirmedBefore, days, confirmed.get(), held.get());
  }

  /** A live (not cancelled) appointment in a staff day list. */
  private record Listed(String resource, OffsetDateTime start, OffsetDateTime end, String status) {}

  /** Every live appointment in the staff day lists of all offices, {@code days} from today. */
  private List<Listed> staffLists(int days) throws IOException, InterruptedException {
    List<Listed> live = new ArrayList<>();
    for (Office office : offices) {
      for (int day = 0; day < days; day++) {
        HttpResponse<String> list =
            http.send(
                request(
                        "/api/v1/staff/offices/"
                            + office.id()
                            + "/bookings?date="
                            + office.today().plusDays(day))
                    .header("Authorization", "Bearer " + app.adminToken())
                    .build(),
                BodyHandlers.ofString());
        if (list.statusCode() != 200) {
          throw new IllegalStateException(
              "the staff day list answered " + list.statusCode() + ": " + list.body());
        }
        for (JsonNode booking : json(list).get("bookings")) {
          if (!booking.get("status").asText().equals("CANCELLED")) {
            live.add(
                new Listed(
                    booking.get("resourceId").asText(),
                    OffsetDateTime.parse(booking.get("start").asText()),
                    OffsetDateTime.parse(booking.get("end").asText()),
                    booking.get("status").asText()));
          }
        }
      }
    }
    return live;
  }

  private static long confirmed(List<Listed> live) {
    return live.stream().filter(listed -> listed.status().equals("CONFIRMED")).count();
  }

  /**
   * No two live appointments of one resource overlap, and the staff lists hold as many more
   * confirmed bookings than before the run as the API answered 201 to confirmations.
   */
  private boolean verify(long confirmedBefore, int days, int confirmedAnswers, int heldAnswers)
      throws IOException, InterruptedException {
    List<Listed> live = staffLists(days);
    Map<String, Listed> lastByResource = new HashMap<>();
    int overlaps = 0;
    for (Listed listed : live.stream().sorted(Comparator.comparing(Listed::start)).toList()) {
      Listed previous = lastByResource.get(listed.resource());
      if (previous != null && listed.start().isBefore(previous.end())) {
        overlaps++;
      }
      if (previous == null || listed.end().isAfter(previous.end())) {
        lastByResource.put(listed.resource(), listed);
      }
    }
    long added = confirmed(live) - confirmedBefore;
    boolean ok = overlaps == 0 && added == confirmedAnswers;
    System.out.printf(
        "overbooking check: %d overlapping appointments of one resource; %d more confirmed in the"
            + " staff lists, %d confirmations answered 201 (%d holds answered 201): %s%n",
        overlaps, added, confirmedAnswers, heldAnswers, ok ? "OK" : "FAILED");
    return ok;
  }

  /**
   * Restarts on the warm data directory left by the first run; the median is what the issue asks
   * for.
   */
  private static boolean startup(Path jar, Path root, List<String> jvm, int restarts)
      throws Exception {
    long[] millis = new long[restarts];
    boolean clean = true;
    for (int i = 0; i < restarts; i++) {
      awaitQuiet();
      try (AppUnderTest app = AppUnderTest.start(jar, data(root), log(root), jvm, ADMIN_TOKEN)) {
        millis[i] = app.startup().toMillis();
        AppUnderTest.Stop stop = app.stop();
        clean &= stop.clean();
        System.out.printf(
            "startup with a warm data directory: %d ms to /ready 200; stop: %s%n", millis[i], stop);
      }
    }
    Arrays.sort(millis);
    System.out.printf(
        "startup with a warm data directory: median %d ms of %d restarts %s%n",
        millis[restarts / 2], restarts, Arrays.toString(millis));
    return clean;
  }

  private static void awaitQuiet() throws InterruptedException {
    if (quietWait.isZero()) {
      return;
    }
    Duration waited = CpuUse.awaitQuiet(0.25, quietWait);
    if (waited.toSeconds() > 2) {
      System.out.printf(
          "(waited %d s for other processes on this machine to go quiet)%n", waited.toSeconds());
    }
  }

  private String availabilityPath(Office office, String service, int days) {
    LocalDate from = office.today();
    int length = Math.min(days, office.maxDaysAhead() + 1);
    return "/api/v1/offices/"
        + office.id()
        + "/availability?service="
        + service
        + "&from="
        + from
        + "&to="
        + from.plusDays(length - 1L);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(app.base().resolve(path)).timeout(TIMEOUT);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request(path).build(), BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return json(response.body());
  }

  private static JsonNode json(String body) throws IOException {
    return JSON.readTree(body);
  }

  static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      Matcher option = Pattern.compile("([A-Za-z]+)=(.*)").matcher(arg);
      if (!option.matches()) {
        throw new IllegalArgumentException("arguments are name=value, not " + arg);
      }
      options.put(option.group(1), option.group(2));
    }
    return options;
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(item -> !item.isEmpty())
        .toList();
  }

  private static Duration seconds(Map<String, String> options, String name, int fallback) {
    return Duration.ofSeconds(
        Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback))));
  }

  private static Path jar(Map<String, String> options) {
    return Path.of(options.getOrDefault("app", "app/target/opentermin.jar")).toAbsolutePath();
  }

  private static Path data(Path root) {
    return root.resolve("data");
  }

  private static Path log(Path root) {
    return root.resolve("app.log");
  }

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
