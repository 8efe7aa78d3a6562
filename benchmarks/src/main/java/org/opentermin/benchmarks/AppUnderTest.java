package org.opentermin.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenTermin app for {@link ApiLoad}: a separate process started from its jar on a free port
 * with a data directory of our choosing, or an instance already running at a URL. For a started app
 * it knows the app's JVM and its embedded PostgreSQL, so that a run can say where the CPU went, and
 * it stops the app the way an operator does, with SIGTERM.
 */
final class AppUnderTest implements AutoCloseable {

  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
  private static final Duration STOP_LIMIT = Duration.ofMinutes(1);

  /** The database and user the app creates in its embedded PostgreSQL. */
  private static final String EMBEDDED_DATABASE = "opentermin";

  private static final String EMBEDDED_USER = "postgres";

  private final URI base;
  private final String adminToken;
  private final Optional<Process> process;
  private final Optional<ProcessHandle> postgres;
  private final Optional<Log> log;
  private final Duration startup;
  private final Optional<Path> dataDirectory;

  /**
   * The app's output, appended to a file that earlier runs on the same data directory wrote too.
   */
  private record Log(Path file, long offset) {
    String text() throws IOException {
      byte[] all = Files.readAllBytes(file);
      return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }
  }

  private AppUnderTest(
      URI base,
      String adminToken,
      Optional<Process> process,
      Optional<ProcessHandle> postgres,
      Optional<Log> log,
      Duration startup,
      Optional<Path> dataDirectory) {
    this.base = base;
    this.adminToken = adminToken;
    this.process = process;
    this.postgres = postgres;
    this.log = log;
    this.startup = startup;
    this.dataDirectory = dataDirectory;
  }

  /** An app someone else started; CPU is then known for the load generator and the machine only. */
  static AppUnderTest connect(URI base, String adminToken) throws InterruptedException {
    awaitReady(base, Optional.empty(), Optional.empty());
    return new AppUnderTest(
        base,
        adminToken,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Duration.ZERO,
        Optional.empty());
  }

  /**
   * Starts {@code java [jvmOptions] -jar jar} with the same {@code java} as this process, waits for
   * {@code /ready} to answer 200 and measures the time from starting the process until then;
   * returns once the app has finished starting.
   */
  static AppUnderTest start(
      Path jar, Path dataDirectory, Path log, List<String> jvmOptions, String adminToken)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()));
    builder.environment().put("OPENTERMIN_PORT", Integer.toString(port));
    builder.environment().put("OPENTERMIN_DATA_DIR", dataDirectory.toAbsolutePath().toString());
    builder.environment().put("OPENTERMIN_ADMIN_TOKEN", adminToken);
    // All load comes from one address; with limits on, a run would measure 429 answers.
    builder.environment().put("OPENTERMIN_RATE_LIMIT_PER_MINUTE", "0");
    URI base = URI.create("http://127.0.0.1:" + port);
    Log output = new Log(log, Files.exists(log) ? Files.size(log) : 0);
    long begin = System.nanoTime();
    Process process = builder.start();
    awaitReady(base, Optional.of(process), Optional.of(log));
    Duration startup = Duration.ofNanos(System.nanoTime() - begin);
    awaitStartFinished(output);
    return new AppUnderTest(
        base,
        adminToken,
        Optional.of(process),
        postmaster(dataDirectory),
        Optional.of(output),
        startup,
        Optional.of(dataDirectory));
  }

  URI base() {
    return base;
  }

  String adminToken() {
    return adminToken;
  }

  /** From starting the process to the first 200 of {@code /ready}; zero for a connected app. */
  Duration startup() {
    return startup;
  }

  /**
   * CPU used so far by the app's JVM, by PostgreSQL, by this load generator and by the whole
   * machine.
   */
  CpuUse.Sample cpu() {
    return CpuUse.sample(process.map(Process::toHandle), postgres);
  }

  /**
   * How a stop went: within the time limit, the exit code, and whether PostgreSQL went down too.
   */
  record Stop(
      boolean exited, int exitCode, Duration took, boolean postgresStopped, long logProblems) {
    /** SIGTERM ends a JVM with 143 (128 + 15) once its shutdown hooks have run. */
    boolean clean() {
      return exited && (exitCode == 0 || exitCode == 143) && postgresStopped && logProblems == 0;
    }

    @Override
    public String toString() {
      return (clean() ? "clean" : "NOT CLEAN")
          + ": "
          + (exited ? "exit code " + exitCode : "still running")
          + " after "
          + took.toMillis()
          + " ms, PostgreSQL "
          + (postgresStopped ? "stopped" : "STILL RUNNING")
          + ", "
          + logProblems
          + " ERROR/exception lines in the app log";
    }
  }

  /** Sends SIGTERM ({@link Process#destroy()}) and waits for the app and its PostgreSQL to end. */
  Stop stop() throws InterruptedException {
    Process app =
        process.orElseThrow(
            () -> new IllegalStateException("stop only an app this load generator started"));
    long begin = System.nanoTime();
    app.destroy();
    boolean exited = app.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    boolean postgresStopped = true;
    if (postgres.isPresent()) {
      try {
        postgres.get().onExit().get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.ExecutionException
          | java.util.concurrent.TimeoutException notEnded) {
        postgresStopped = false;
      }
    }
    return new Stop(exited, exited ? app.exitValue() : -1, took, postgresStopped, logProblems());
  }

  /**
   * Runs {@code ANALYZE} in the app's embedded PostgreSQL, as autovacuum would within a minute or
   * two on a live system. A fresh database has no statistics yet, and each pooled connection keeps
   * the plans it made for empty tables until the statistics change. Returns false when the database
   * is not known (a connected app).
   */
  boolean analyze() throws IOException, SQLException {
    if (log.isEmpty() || dataDirectory.isEmpty()) {
      return false;
    }
    Matcher port =
        Pattern.compile("Embedded PostgreSQL started on port (\\d+)").matcher(log.get().text());
    if (!port.find()) {
      return false;
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port.group(1) + "/" + EMBEDDED_DATABASE;
    // The embedded server admits only the password the app keeps in its data directory.
    String password =
        Files.readString(
                dataDirectory.get().resolve("postgres").resolve("opentermin-password"),
                StandardCharsets.UTF_8)
            .strip();
    try (Connection connection = DriverManager.getConnection(url, EMBEDDED_USER, password);
        Statement analyze = connection.createStatement()) {
      analyze.execute("ANALYZE");
    }
    return true;
  }

  /** Ends an app that is still running, for example after a failed run: SIGTERM, then SIGKILL. */
  @Override
  public void close() {
    if (process.isEmpty() || !process.get().isAlive()) {
      return;
    }
    process.get().destroy();
    try {
      if (process.get().waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    process.get().destroyForcibly();
  }

  private long logProblems() {
    try {
      return log.isEmpty()
          ? 0
          : log.get()
              .text()
              .lines()
              .filter(line -> line.contains(" ERROR ") || line.contains("Exception"))
              .count();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static void awaitReady(URI base, Optional<Process> process, Optional<Path> log)
      throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    HttpRequest ready =
        HttpRequest.newBuilder(base.resolve("/ready")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (process.isPresent() && !process.get().isAlive()) {
        throw new IllegalStateException(
            "the app ended with exit code "
                + process.get().exitValue()
                + " before it was ready; see "
                + log.orElseThrow());
      }
      try {
        if (client.send(ready, BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException notListeningYet) {
        // Polled again below.
      } catch (IOException other) {
        // For example a connection reset while the server starts; polled again below.
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(base + "/ready did not answer 200 within " + STARTUP_LIMIT);
  }

  /**
   * {@code /ready} answers 200 as soon as the HTTP server listens, while the app's main thread
   * still prints the demo overview; a SIGTERM then ends it with an exception. The app prints this
   * line when it has started completely.
   */
  private static void awaitStartFinished(Log log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
    while (!log.text().contains("OpenTermin is listening on")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the app did not finish starting within " + STARTUP_LIMIT + "; see " + log.file());
      }
      Thread.sleep(10);
    }
  }

  /**
   * The embedded PostgreSQL's postmaster: {@code pg_ctl} detaches it from the app, so it is found
   * by its data directory.
   */
  private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
    String argument = "-D " + dataDirectory.toAbsolutePath().resolve("postgres");
    return ProcessHandle.allProcesses()
        .filter(
            process ->
                process.info().commandLine().map(line -> line.contains(argument)).orElse(false))
        .findFirst();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
