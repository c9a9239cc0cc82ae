package io.credgraph.api.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where uploaded batches wait while they are loaded: {@code DATA/spool}, next to the audit log,
 * readable by the server's user only. A file lives as long as its upload and is deleted afterwards,
 * whatever the outcome; files left by a server killed during an upload (they hold ID numbers) are
 * deleted when the server starts.
 */
public final class Spool {
  private Spool() {}

  /**
   * The spool directory of the data directory whose audit log is {@code auditFile} ({@code
   * DATA/audit/...}).
   */
  public static Path of(Path auditFile) {
    return auditFile.toAbsolutePath().getParent().resolveSibling("spool");
  }

  /** A new, empty spool file, owner-only where the file system knows POSIX permissions. */
  public static Path create(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(
          dir,
          "upload-",
          ".jsonl",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(dir, "upload-", ".jsonl");
  }

  /** Deletes what interrupted uploads left in {@code dir}; returns how many files. */
  public static int clean(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int n = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "upload-*.jsonl")) {
      for (Path f : files) {
        Files.deleteIfExists(f);
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the spool " + dir, e);
    }
    return n;
  }
}
