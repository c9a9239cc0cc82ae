package io.credgraph.cli;

import io.credgraph.api.audit.AuditChainException;
import io.credgraph.api.audit.AuditEntry;
import io.credgraph.api.audit.AuditKey;
import io.credgraph.api.audit.AuditLog;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code credgraph audit verify|seal}: the audit log of a data directory, checked or sealed under
 * its key.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Verifies or seals the audit log of a data directory (DIR/audit/audit.jsonl).",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Seal.class})
final class AuditCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Exit code of {@code verify} when the chain is broken. */
  static final int BROKEN = 3;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path file(Path data) {
    return data.resolve("audit").resolve(AuditLog.FILE_NAME);
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Checks every link of the audit chain (with the key: every HMAC), the sequence and the last "
            + "line.",
        "Exit 0 when intact; "
            + BROKEN
            + " naming the first line that fails; 1 when it cannot be read."
      })
  static final class Verify implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Mixin AuditOptions audit;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      java.io.PrintWriter out = spec.commandLine().getOut();
      Optional<AuditKey> key = audit.key(data, out::println);
      Path file = file(data);
      if (!Files.exists(file)) {
        throw new IllegalArgumentException("no audit log at " + file);
      }
      try {
        AuditLog.Verification v = AuditLog.verify(file, key);
        out.printf(
            "credgraph audit: %s: %d entries, chain intact (%s), head %s%n",
            file,
            v.entries(),
            v.keyedFrom() == 0
                ? "plain SHA-256, unkeyed"
                : v.keyedFrom() == 1
                    ? "keyed from line 1"
                    : "keyed from line " + v.keyedFrom() + " (sealed)",
            v.head());
        out.flush();
        return 0;
      } catch (AuditChainException e) {
        spec.commandLine()
            .getErr()
            .println("credgraph audit: BROKEN at line " + e.line() + ": " + e.getMessage());
        spec.commandLine().getErr().flush();
        return BROKEN;
      }
    }
  }

  @Command(
      name = "seal",
      mixinStandardHelpOptions = true,
      description = {
        "Seals an audit log written without a key: appends one entry keyed with the audit key whose "
            + "HMAC covers the whole chain before it; from then on the log is keyed and serve needs the key.",
        "The server must be stopped. A log already keyed is left as it is."
      })
  static final class Seal implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "data directory")
    Path data;

    @Option(
        names = "--audit-key-file",
        paramLabel = "FILE",
        description = "file holding the audit key (or set " + AuditKey.ENV + ")")
    Path keyFile;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      java.io.PrintWriter out = spec.commandLine().getOut();
      AuditKey key =
          AuditKey.resolve(keyFile, System.getenv(AuditKey.ENV), data)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "sealing needs the key: set "
                              + AuditKey.ENV
                              + " or give --audit-key-file"));
      Path file = file(data);
      Optional<AuditEntry> seal =
          AuditLog.seal(
              data.resolve("audit"),
              Clock.systemUTC(),
              key,
              Caller.of("credgraph-cli", Role.ADMIN));
      if (seal.isEmpty()) {
        out.println("credgraph audit: " + file + " is keyed already; nothing to do");
      } else {
        out.printf(
            "credgraph audit: %s sealed: %d unkeyed entries covered by the keyed entry %d; serve now needs "
                + "the key%n",
            file, seal.get().seq() - 1, seal.get().seq());
      }
      out.flush();
      return 0;
    }
  }
}
