package io.credgraph.cli;

import io.credgraph.api.audit.AuditKey;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The audit key options of {@code serve} and the {@code audit} commands. */
final class AuditOptions {
  @Option(
      names = "--audit-key-file",
      paramLabel = "FILE",
      description =
          "file holding the audit log's HMAC key (at "
              + "least 32 characters), outside the data directory; or set "
              + AuditKey.ENV)
  Path keyFile;

  @Option(
      names = "--audit-unkeyed",
      description =
          "run without an audit key: the chain is then plain SHA-256 and a "
              + "rewrite of the whole file with recomputed hashes cannot be detected (not for production)")
  boolean unkeyed;

  /**
   * The key (from --audit-key-file, else {@value AuditKey#ENV}); without one, refuses unless
   * --audit-unkeyed was given, and then says loudly what that means.
   */
  Optional<AuditKey> key(Path data, java.util.function.Consumer<String> out) {
    Optional<AuditKey> key = AuditKey.resolve(keyFile, System.getenv(AuditKey.ENV), data);
    if (key.isPresent() && unkeyed) {
      throw new IllegalArgumentException(
          "--audit-unkeyed and an audit key ("
              + key.get().source()
              + ") were both "
              + "given; choose one");
    }
    if (key.isEmpty() && !unkeyed) {
      throw new IllegalArgumentException(
          "no audit key: set "
              + AuditKey.ENV
              + " or give --audit-key-file FILE "
              + "(at least "
              + AuditKey.MIN_LENGTH
              + " characters, outside the data directory; e.g. "
              + "openssl rand -hex 32 > /etc/credgraph/audit.key), or pass --audit-unkeyed to run with an unkeyed chain");
    }
    if (key.isEmpty()) {
      out.accept(
          "credgraph: WARNING: --audit-unkeyed: the audit log is NOT keyed; anyone who can write the data "
              + "directory can rewrite it with recomputed hashes undetected. Configure "
              + AuditKey.ENV
              + " or --audit-key-file for production.");
    } else {
      out.accept("credgraph: audit key from " + key.get().source() + " (HMAC-SHA256 chain)");
    }
    return key;
  }
}
