package org.opentermin.jdbc;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * The embedded server's one login: user {@code postgres} with a generated password, kept in {@value
 * #PASSWORD_FILE} in the data directory (mode 0600), checked by SCRAM, from the loopback address
 * only. The library creates data directories that trust every local connection; a directory without
 * the file (new, or made by an older version) gets its password set in single-user mode before the
 * server first listens, so that there is no moment without one.
 */
final class EmbeddedCredentials {

  /** The file in the data directory that holds the password. */
  static final String PASSWORD_FILE = "opentermin-password";

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The {@code postgres} program of a server started in this JVM. The library unpacks its binaries
   * once per JVM and reuses them for every later server, wherever that one asked for them.
   */
  private static volatile Optional<Path> startedBinary = Optional.empty();

  private static final String HBA =
      """
      # Written by OpenTermin on every start of its embedded PostgreSQL; changes here are overwritten.
      # One way in: a password (SCRAM) from this machine's loopback address. No Unix socket is opened.
      host all all 127.0.0.1/32 scram-sha-256
      """;

  private EmbeddedCredentials() {}

  /**
   * The password kept in {@code dataDirectory}, or a new one if there is none yet (saved by {@link
   * #secure}).
   */
  static String password(Path dataDirectory) throws IOException {
    Path file = dataDirectory.resolve(PASSWORD_FILE);
    if (Files.isRegularFile(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /**
   * Runs after the library has created the data directory and before the server starts: sets {@code
   * password} for {@code postgres} if the directory has no password file yet, saves it, and writes
   * {@code pg_hba.conf}.
   */
  static void secure(Path dataDirectory, String password, Optional<Path> binaryDirectory) {
    try {
      Path file = dataDirectory.resolve(PASSWORD_FILE);
      if (!Files.isRegularFile(file)) {
        setPasswordOffline(dataDirectory, password, binaryDirectory);
        writePrivately(file, password);
      }
      writePrivately(dataDirectory.resolve("pg_hba.conf"), HBA);
    } catch (IOException failure) {
      throw new UncheckedIOException(
          "cannot secure the embedded PostgreSQL in " + dataDirectory, failure);
    }
  }

  /** Remembers the program {@code postmaster} runs, for setting passwords of later servers. */
  static void rememberBinary(ProcessHandle postmaster) {
    postmaster
        .info()
        .command()
        .map(Path::of)
        .filter(Files::isExecutable)
        .ifPresent(binary -> startedBinary = Optional.of(binary));
  }

  /**
   * Single-user mode: the server is not listening, so nobody can log in while the password is
   * missing.
   */
  private static void setPasswordOffline(
      Path dataDirectory, String password, Optional<Path> binaryDirectory) throws IOException {
    Optional<Path> started = startedBinary.filter(Files::isExecutable);
    Path postgres =
        started.isPresent()
            ? started.get()
            : postgresBinary(
                binaryDirectory.orElse(
                    Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg")));
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      // As the library does for the server: PostgreSQL refuses to run as root, so a root JVM runs
      // it in a user namespace of its own.
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(
            postgres.toString(),
            "--single",
            "-D",
            dataDirectory.toString(),
            "-c",
            "exit_on_error=on",
            "postgres"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // The password has only letters, digits, - and _ (URL-safe Base64): nothing to escape.
    try (OutputStream input = process.getOutputStream()) {
      input.write(
          ("ALTER ROLE postgres WITH PASSWORD '" + password + "'\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(
            "setting the password in single-user mode failed: " + output.replace(password, "***"));
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while setting the password", interrupted);
    }
  }

  /**
   * The {@code postgres} program the library unpacked ({@code PG-<hash>/bin}); the newest if there
   * are several.
   */
  private static Path postgresBinary(Path binaryDirectory) throws IOException {
    try (DirectoryStream<Path> unpacked = Files.newDirectoryStream(binaryDirectory, "PG-*")) {
      List<Path> candidates =
          StreamSupport.stream(unpacked.spliterator(), false)
              .map(directory -> directory.resolve("bin").resolve("postgres"))
              .filter(Files::isExecutable)
              .toList();
      return candidates.stream()
          .max(Comparator.comparing(EmbeddedCredentials::modified))
          .orElseThrow(() -> new IOException("no PostgreSQL binaries in " + binaryDirectory));
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException gone) {
      return 0;
    }
  }

  /** Written beside, then moved over the old file: never half a file, never readable by others. */
  private static void writePrivately(Path file, String content) throws IOException {
    FileAttribute<?> ownerOnly =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    Path temporary =
        Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new", ownerOnly);
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
