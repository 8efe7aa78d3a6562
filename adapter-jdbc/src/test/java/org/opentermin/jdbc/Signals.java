package org.opentermin.jdbc;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Signals for processes a test wants to stall or kill, such as a server and its children. */
final class Signals {

  private Signals() {}

  /**
   * Sends {@code signal} (for example {@code STOP}, {@code CONT}, {@code KILL}) to {@code process}
   * and its descendants.
   */
  static void sendToTree(ProcessHandle process, String signal) {
    List<ProcessHandle> tree = Stream.concat(Stream.of(process), process.descendants()).toList();
    for (ProcessHandle member : tree) {
      send(member.pid(), signal);
    }
  }

  static void send(long pid, String signal) {
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
}
