package org.opentermin.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A closed loop: a fixed number of workers, each making its next call as soon as the previous one
 * answered, first for a warm-up, then for a measured window. Calls that end inside the window
 * count, and every one of their latencies is kept (sorted arrays, no histogram buckets). Being
 * closed, the loop measures latency at the throughput it reaches, not at a fixed offered rate.
 */
final class ClosedLoop {

  /** How one call ended; errors are thrown. */
  enum Outcome {
    /** The call did what it was for, such as a booking confirmed. */
    DONE,
    /** The server refused as the API allows (409: taken meanwhile); not an error. */
    REFUSED,
    /** This worker has nothing left to do and stops. */
    FINISHED
  }

  /** What one worker does once: a request, or a pair of them. */
  @FunctionalInterface
  interface Call {
    Outcome run() throws Exception;
  }

  private ClosedLoop() {}

  /** Runs one thread per call for {@code warmup}, then measures {@code window}. */
  static Measurement run(
      List<Call> workers, Duration warmup, Duration window, Supplier<CpuUse.Sample> cpu)
      throws InterruptedException {
    long windowStart = System.nanoTime() + warmup.toNanos();
    long windowEnd = windowStart + window.toNanos();
    List<Worker> running = new ArrayList<>();
    AtomicReference<String> firstError = new AtomicReference<>();
    for (Call call : workers) {
      Worker worker = new Worker(call, windowStart, windowEnd, firstError);
      worker.start();
      running.add(worker);
    }
    sleepUntil(windowStart);
    CpuUse.Sample before = cpu.get();
    sleepUntil(windowEnd);
    CpuUse.Sample after = cpu.get();
    long refused = 0;
    long errors = 0;
    for (Worker worker : running) {
      worker.join();
      refused += worker.refused;
      errors += worker.errors;
    }
    long[] done =
        running.stream()
            .flatMapToLong(worker -> Arrays.stream(worker.latencies, 0, worker.count))
            .sorted()
            .toArray();
    return new Measurement(
        window.toNanos() / 1e9,
        done,
        refused,
        errors,
        Optional.ofNullable(firstError.get()),
        before,
        after);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }

  private static final class Worker extends Thread {
    private final Call call;
    private final long windowStart;
    private final long windowEnd;
    private final AtomicReference<String> firstError;
    private long[] latencies = new long[1024];
    private int count;
    private long refused;
    private long errors;

    Worker(Call call, long windowStart, long windowEnd, AtomicReference<String> firstError) {
      super("load-worker");
      this.call = call;
      this.windowStart = windowStart;
      this.windowEnd = windowEnd;
      this.firstError = firstError;
    }

    @Override
    public void run() {
      while (System.nanoTime() < windowEnd) {
        long begin = System.nanoTime();
        Outcome outcome;
        try {
          outcome = call.run();
        } catch (Exception | AssertionError failure) {
          firstError.compareAndSet(null, failure.toString());
          outcome = null;
        }
        long end = System.nanoTime();
        if (outcome == Outcome.FINISHED) {
          return;
        }
        if (end < windowStart || end > windowEnd) {
          continue;
        }
        if (outcome == null) {
          errors++;
        } else if (outcome == Outcome.REFUSED) {
          refused++;
        } else {
          if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          latencies[count++] = end - begin;
        }
      }
    }
  }
}
