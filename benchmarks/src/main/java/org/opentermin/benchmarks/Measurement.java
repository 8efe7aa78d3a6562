package org.opentermin.benchmarks;

import java.util.Optional;

/**
 * What a load loop measured in its window: the latencies of the calls that were done (in
 * nanoseconds, sorted, every one kept), refusals, errors, and the CPU samples at the window's start
 * and end.
 */
record Measurement(
    double seconds,
    long[] doneNanos,
    long refused,
    long errors,
    Optional<String> firstError,
    CpuUse.Sample cpuBefore,
    CpuUse.Sample cpuAfter) {

  long done() {
    return doneNanos.length;
  }

  double perSecond(long count) {
    return count / seconds;
  }

  /** The nearest-rank percentile of the done calls' latencies, in milliseconds. */
  double millis(double percentile) {
    if (doneNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percentile / 100 * doneNanos.length);
    return doneNanos[Math.max(0, rank - 1)] / 1e6;
  }

  String cpu() {
    return cpuAfter.coresSince(cpuBefore, seconds);
  }

  String firstErrorNote() {
    return firstError.map(error -> " (first: " + error + ")").orElse("");
  }
}
