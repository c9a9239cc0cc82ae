package io.credgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The demo's audit key: 32 random bytes in hex, in a new file readable only by the owner, beside
 * the data dir.
 */
final class DemoAuditKey {
  private DemoAuditKey() {}

  /** Writes a fresh key to {@code <data>.audit-key} (next to, never inside, the data directory). */
  static Path create(Path data) throws IOException {
    Path abs = data.toAbsolutePath().normalize();
    Path file = abs.resolveSibling(abs.getFileName() + ".audit-key");
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, HexFormat.of().formatHex(b) + "\n");
    return file;
  }
}
