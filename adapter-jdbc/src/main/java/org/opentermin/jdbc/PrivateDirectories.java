package org.opentermin.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Directories only their owner may read and write (where the file system knows permissions). */
final class PrivateDirectories {

  private PrivateDirectories() {}

  /**
   * Creates {@code directory} (and missing parents) and takes group and others' rights away, so
   * that nobody else can replace the PostgreSQL binaries in it or read the data.
   */
  static void create(Path directory) throws IOException {
    Files.createDirectories(directory);
    PosixFileAttributeView view =
        Files.getFileAttributeView(directory, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(PosixFilePermissions.fromString("rwx------"));
    }
  }
}
