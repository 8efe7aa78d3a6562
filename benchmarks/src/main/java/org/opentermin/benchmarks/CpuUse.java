package org.opentermin.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time from Linux's {@code /proc}, split between the app's JVM, its PostgreSQL (the postmaster,
 * its live processes and those it has reaped), this load generator (with reaped children such as
 * {@code wrk}) and the whole machine. Times are clock ticks of 10 ms. For an app this load
 * generator did not start, the app and its database count as "others".
 */
final class CpuUse {

  /** Linux reports process times in USER_HZ, which is 100 on every common kernel. */
  private static final double SECONDS_PER_TICK = 0.01;

  /** Other processes using more than this during a window mark it as noisy. */
  private static final double NOISY_CORES = 0.1;

  private CpuUse() {}

  /** Cumulative CPU ticks at one moment; unknown parts are zero. */
  record Sample(long app, long postgres, long loadGenerator, long machineBusy) {

    /** CPU used between {@code earlier} and this sample, in cores (CPU seconds per wall second). */
    String coresSince(Sample earlier, double seconds) {
      long app = this.app - earlier.app;
      long postgres = this.postgres - earlier.postgres;
      long loadGenerator = this.loadGenerator - earlier.loadGenerator;
      long machine = machineBusy - earlier.machineBusy;
      // Other processes on the shared machine (and time the hypervisor stole) make a run noisy.
      double others = (machine - app - postgres - loadGenerator) * SECONDS_PER_TICK / seconds;
      return String.format(
          "app JVM %.2f, PostgreSQL %.2f, load generator %.2f, others %.2f; machine %.2f of %d%s",
          app * SECONDS_PER_TICK / seconds,
          postgres * SECONDS_PER_TICK / seconds,
          loadGenerator * SECONDS_PER_TICK / seconds,
          others,
          machine * SECONDS_PER_TICK / seconds,
          Runtime.getRuntime().availableProcessors(),
          others > NOISY_CORES ? " NOISY" : "");
    }
  }

  /**
   * Waits until the machine has been nearly idle for two seconds, so that a measurement does not
   * start while someone else's build runs; gives up after {@code limit}. Returns the time waited.
   */
  static Duration awaitQuiet(double maximumCores, Duration limit) throws InterruptedException {
    long begin = System.nanoTime();
    long deadline = begin + limit.toNanos();
    long busy = machineBusy();
    do {
      Thread.sleep(2_000);
      long now = machineBusy();
      if ((now - busy) * SECONDS_PER_TICK / 2 < maximumCores) {
        break;
      }
      busy = now;
    } while (System.nanoTime() < deadline);
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  static Sample sample(Optional<ProcessHandle> app, Optional<ProcessHandle> postgres) {
    return new Sample(
        app.map(process -> ticks(process.pid(), false)).orElse(0L),
        postgres.map(CpuUse::postgres).orElse(0L),
        ticks(ProcessHandle.current().pid(), true),
        machineBusy());
  }

  private static long postgres(ProcessHandle postmaster) {
    return ticks(postmaster.pid(), true)
        + postmaster.children().mapToLong(child -> ticks(child.pid(), false)).sum();
  }

  /** utime + stime of a process, plus cutime + cstime (its waited-for children) if asked. */
  private static long ticks(long pid, boolean withReapedChildren) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    if (stat.isEmpty()) {
      return 0; // the process has ended
    }
    // Fields after the command name in parentheses, which may contain spaces: state is field 3.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return withReapedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
  }

  /** Busy ticks summed over all CPUs, from the first line of {@code /proc/stat}. */
  private static long machineBusy() {
    String[] fields =
        read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
    long total = 0;
    for (int i = 1;
        i < fields.length && i <= 8;
        i++) { // user nice system idle iowait irq softirq steal
      total += Long.parseLong(fields[i]);
    }
    return total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException gone) {
      return "";
    }
  }
}
