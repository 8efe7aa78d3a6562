package org.opentermin.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The availability loop run by {@code wrk} (Debian package {@code wrk}) instead of Java's HTTP
 * client: a closed loop as well, two threads (one per core of the development machine), the request
 * paths taken round robin by a small Lua script. A first run warms up, a second measures.
 */
final class Wrk {

  private static final String SCRIPT =
      """
      -- Takes the request paths given after "--" round robin.
      local paths = {}
      local position = 0
      function init(args)
        for i = 1, #args do paths[i] = args[i] end
      end
      function request()
        position = position % #paths + 1
        return wrk.format("GET", paths[position])
      end
      """;

  private Wrk() {}

  record Result(
      double requestsPerSecond, double p50Millis, double p99Millis, long errors, String cpu) {}

  /** Warms up, then measures {@code window}; null for an empty window. */
  static Result run(
      AppUnderTest app, List<String> paths, int connections, Duration warmup, Duration window)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("availability", ".lua");
    try {
      Files.writeString(script, SCRIPT);
      wrk(app, script, paths, connections, warmup);
      if (window.isZero()) {
        return null;
      }
      CpuUse.Sample before = app.cpu();
      String output = wrk(app, script, paths, connections, window);
      CpuUse.Sample after = app.cpu();
      long errors =
          number(output, "Non-2xx or 3xx responses:\\s+(\\d+)", 0)
              + number(output, "Socket errors: connect (\\d+)", 0)
              + number(output, "read (\\d+), write", 0)
              + number(output, "write (\\d+), timeout", 0)
              + number(output, "timeout (\\d+)", 0);
      return new Result(
          number(output, "Requests/sec:\\s+([\\d.]+)", -1),
          millis(output, "50%"),
          millis(output, "99%"),
          errors,
          after.coresSince(before, window.toSeconds()));
    } finally {
      Files.delete(script);
    }
  }

  private static String wrk(
      AppUnderTest app, Path script, List<String> paths, int connections, Duration duration)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t",
                Integer.toString(Math.min(2, connections)),
                "-c",
                Integer.toString(connections),
                "-d",
                duration.toSeconds() + "s",
                "--timeout",
                "30s",
                "--latency",
                "-s",
                script.toString(),
                app.base().toString(),
                "--"));
    command.addAll(paths);
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output =
        new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    return output;
  }

  /** A latency percentile line such as {@code 99% 12.34ms}, in milliseconds. */
  private static double millis(String output, String percentile) {
    Matcher line = Pattern.compile(percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
    if (!line.find()) {
      throw new IllegalStateException("no " + percentile + " latency in wrk's output: " + output);
    }
    double value = Double.parseDouble(line.group(1));
    return switch (line.group(2)) {
      case "us" -> value / 1000;
      case "ms" -> value;
      default -> value * 1000;
    };
  }

  private static long number(String output, String regex, long fallback) {
    Matcher match = Pattern.compile(regex).matcher(output);
    return match.find() ? (long) Double.parseDouble(match.group(1)) : fallback;
  }
}
