package org.opentermin.app.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds an embedded PostgreSQL by its data directory, and sends signals to it and its children. */
final class Processes {

  private Processes() {}

  /**
   * The postmaster named by {@code postmaster.pid} in the app's data directory ({@code
   * <dataDirectory>/postgres}).
   */
  static ProcessHandle postmaster(Path appDataDirectory) {
    try {
      List<String> lines =
          Files.readAllLines(
              appDataDirectory.resolve("postgres").resolve("postmaster.pid"),
              StandardCharsets.UTF_8);
      return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).orElseThrow();
    } catch (IOException failure) {
      throw new AssertionError("no embedded PostgreSQL runs in " + appDataDirectory, failure);
    }
  }

  /** Sends {@code signal} (STOP, CONT, KILL) to {@code process} and all its descendants. */
  static void signalTree(ProcessHandle process, String signal) {
    List<ProcessHandle> tree = Stream.concat(Stream.of(process), process.descendants()).toList();
    for (ProcessHandle member : tree) {
      signal(member.pid(), signal);
    }
  }

  static void signal(long pid, String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      kill.getInputStream().readAllBytes();
      kill.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException failure) {
      throw new IllegalStateException("cannot send SIG" + signal, failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** Waits until {@code process} has ended. */
  static void awaitExit(ProcessHandle process) {
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception failure) {
      throw new AssertionError("process " + process.pid() + " did not end", failure);
    }
  }
}
