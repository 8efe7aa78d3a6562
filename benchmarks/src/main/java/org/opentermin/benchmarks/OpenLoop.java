package org.opentermin.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A fixed rate: request {@code i} is due at {@code start + i / rate}, whether or not earlier ones
 * have answered, and its latency counts from when it was due, not from when a connection got round
 * to sending it (as wrk2 does). A stall of the server therefore shows in the percentiles as all the
 * requests it made late, which a closed loop hides (coordinated omission). The requests go over a
 * fixed number of connections, each sending the next due request when it is free; Java's
 * asynchronous client, which opens a connection per request in flight, cost more CPU than the
 * server at 1,000 requests/s and ran out of file descriptors at 1,500.
 */
final class OpenLoop {

  private OpenLoop() {}

  /**
   * Makes {@code call.apply(i)} at {@code rate} per second for {@code warmup}, then measures the
   * calls due within {@code window}, until the last of them has answered.
   */
  static Measurement run(
      int connections,
      LongFunction<ClosedLoop.Call> call,
      int rate,
      Duration warmup,
      Duration window,
      Supplier<CpuUse.Sample> cpu)
      throws InterruptedException {
    long period = 1_000_000_000L / rate;
    long begin = System.nanoTime() + 1_000_000;
    long windowStart = begin + warmup.toNanos();
    long windowEnd = windowStart + window.toNanos();
    AtomicLong next = new AtomicLong();
    long[] latencies = new long[(int) (window.toNanos() / period) + 2];
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread worker =
          new Thread(
              () -> {
                for (long i = next.getAndIncrement();
                    begin + i * period < windowEnd;
                    i = next.getAndIncrement()) {
                  long due = begin + i * period;
                  long wait = due - System.nanoTime();
                  try {
                    if (wait > 0) {
                      TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    call.apply(i).run();
                    if (due >= windowStart) {
                      latencies[(int) ((due - windowStart) / period)] = System.nanoTime() - due;
                    }
                  } catch (Exception | AssertionError failure) {
                    firstError.compareAndSet(null, failure.toString());
                    if (due >= windowStart) {
                      errors.incrementAndGet();
                    }
                  }
                }
              },
              "rate-worker");
      worker.start();
      workers.add(worker);
    }
    TimeUnit.NANOSECONDS.sleep(Math.max(0, windowStart - System.nanoTime()));
    CpuUse.Sample before = cpu.get();
    for (Thread worker : workers) {
      worker.join();
    }
    // Until the last request due in the window has answered: a server that falls behind shows
    // as fewer requests per second than the rate as well as in the latencies.
    CpuUse.Sample after = cpu.get();
    double seconds = (System.nanoTime() - windowStart) / 1e9;
    long[] done = Arrays.stream(latencies).filter(latency -> latency > 0).sorted().toArray();
    return new Measurement(
        seconds, done, 0, errors.get(), Optional.ofNullable(firstError.get()), before, after);
  }
}
