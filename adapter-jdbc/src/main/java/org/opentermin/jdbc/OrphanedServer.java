package org.opentermin.jdbc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the server running on a data directory through its {@code postmaster.pid}, and stops one an
 * earlier run left behind. {@code pg_ctl} detaches the server from the app's JVM, so when the app
 * is killed the server keeps running, holding the directory; the next start would wait for it in
 * vain.
 */
final class OrphanedServer {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);

  /**
   * The library's lock file: held by the JVM that runs a server on the directory, freed when it
   * dies.
   */
  private static final String LIBRARY_LOCK = "epg-lock";

  private OrphanedServer() {}

  /**
   * The live postmaster that {@code postmaster.pid} in {@code dataDirectory} names, if it is a
   * PostgreSQL of that directory.
   */
  static Optional<ProcessHandle> postmaster(Path dataDirectory) {
    List<String> lines;
    try {
      lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
    } catch (IOException noServer) {
      return Optional.empty();
    }
    if (lines.size() < 2) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException garbled) {
      return Optional.empty();
    }
    if (!sameDirectory(Path.of(lines.get(1).strip()), dataDirectory)) {
      return Optional.empty();
    }
    // The number may belong to another program by now (after a reboot, say): only a postgres
    // counts.
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(OrphanedServer::isPostgres);
  }

  /**
   * Stops the server on {@code dataDirectory} if one runs while no live JVM holds the directory
   * (its app was killed): a fast shutdown, which rolls back open transactions and keeps every
   * committed one, then SIGKILL for it and its children if it does not end within 30 s. Throws if a
   * running app holds the directory.
   */
  static void stopIfRunning(Path dataDirectory) throws IOException {
    Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
    if (postmaster.isEmpty()) {
      return;
    }
    if (heldByRunningApp(dataDirectory)) {
      throw new IllegalStateException(
          "another running instance uses the embedded PostgreSQL in " + dataDirectory);
    }
    ProcessHandle server = postmaster.get();
    LOG.warn(
        "An embedded PostgreSQL (process {}) left running on {} by an earlier run is stopped",
        server.pid(),
        dataDirectory);
    List<ProcessHandle> children = server.descendants().toList();
    if (!signalFastShutdown(server) || !awaitExit(server, 30)) {
      server.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      if (!awaitExit(server, 10)) {
        throw new IllegalStateException(
            "cannot stop the embedded PostgreSQL (process "
                + server.pid()
                + ") on "
                + dataDirectory);
      }
    }
    for (ProcessHandle child : children) {
      awaitExit(child, 10);
    }
  }

  private static boolean heldByRunningApp(Path dataDirectory) throws IOException {
    Path lockFile = dataDirectory.resolve(LIBRARY_LOCK);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException heldInThisJvm) {
      return true;
    }
  }

  /** SIGINT is PostgreSQL's fast shutdown; Java can send only SIGTERM (a smart shutdown) itself. */
  private static boolean signalFastShutdown(ProcessHandle server) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-INT", Long.toString(server.pid()))
              .redirectErrorStream(true)
              .start();
      kill.getInputStream().readAllBytes();
      if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
        return true;
      }
    } catch (IOException noKillCommand) {
      // Fall back to SIGTERM below.
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return server.destroy();
  }

  private static boolean awaitExit(ProcessHandle process, long seconds) {
    try {
      process.onExit().get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException stillRunning) {
      return !process.isAlive();
    } catch (ExecutionException impossible) {
      return !process.isAlive();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process
        .info()
        .command()
        .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
        .orElse(false);
  }

  private static boolean sameDirectory(Path written, Path dataDirectory) {
    try {
      return Files.isSameFile(written, dataDirectory);
    } catch (IOException unreadable) {
      return written
          .toAbsolutePath()
          .normalize()
          .equals(dataDirectory.toAbsolutePath().normalize());
    }
  }
}
