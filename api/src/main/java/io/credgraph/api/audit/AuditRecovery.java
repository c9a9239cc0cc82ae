package io.credgraph.api.audit;

import io.credgraph.CredgraphException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening the audit file at start: creates the directory, verifies the whole chain ({@link
 * AuditVerifier}) while gathering which key has checked which subjects, and cuts an incomplete last
 * line (what a crash during a write leaves), saving it beside the log; any other break stops
 * start-up with the line number, as does an unsealed log opened with a key. Also the offline checks
 * of a log's chain ({@link AuditLog#verify(Path, Optional)}, {@link AuditLog#verifyNow()}).
 */
final class AuditRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  /**
   * The file opened and what verifying it found.
   *
   * @param checked who has run a successful check on which subjects (subject ids)
   * @param repaired the incomplete last line cut, if there was one
   */
  record Opened(
      AuditFile file,
      AuditVerifier.Result verified,
      Map<String, Set<String>> checked,
      Optional<AuditLog.Repair> repaired) {}

  private AuditRecovery() {}

  /**
   * Opens (creating if needed) {@code dir}'s log file after verifying and repairing it; with {@code
   * refuseUnsealed}, refuses an unkeyed log with entries when a key is given (it must be sealed
   * first).
   */
  static Opened open(Path dir, Optional<AuditKey> key, boolean refuseUnsealed) {
    Path path = dir.resolve(AuditLog.FILE_NAME);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CredgraphException("cannot open the audit log " + path + ": " + e.getMessage(), e);
    }
    AuditFile f = AuditFile.open(path);
    try {
      Map<String, Set<String>> checked = new ConcurrentHashMap<>();
      long size = Files.isRegularFile(path) ? Files.size(path) : 0;
      AuditVerifier.Result v =
          AuditVerifier.verify(
              path,
              key,
              size,
              (who, subjects) ->
                  checked
                      .computeIfAbsent(who, k -> ConcurrentHashMap.newKeySet())
                      .addAll(subjects));
      Optional<AuditLog.Repair> repair = Optional.empty();
      if (v.tail() > 0) {
        Path saved = AuditFile.cutTail(path, v.bytes(), v.tail());
        repair = Optional.of(new AuditLog.Repair(v.tail(), saved));
        LOG.warn(
            "audit log {}: an incomplete last line ({} bytes, line {}) was cut and saved to {}; it was never "
                + "acknowledged",
            path,
            v.tail(),
            v.entries() + 1,
            saved);
      }
      if (refuseUnsealed && key.isPresent() && v.entries() > 0 && v.firstKeyed() == 0) {
        throw new CredgraphException(
            "the audit log "
                + f.path()
                + " has "
                + v.entries()
                + " entries written "
                + "without a key; seal them under the key first (credgraph audit seal --data DIR), or serve with "
                + "--audit-unkeyed");
      }
      return new Opened(f, v, checked, repair);
    } catch (IOException e) {
      closeQuietly(f);
      throw new CredgraphException("cannot open the audit log " + path + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(f);
      throw e;
    }
  }

  static void closeQuietly(AuditFile f) {
    try {
      f.close();
    } catch (IOException e) {
      // already failing
    }
  }

  /** The whole chain of {@code file}: see {@link AuditLog#verify(Path, Optional)}. */
  static AuditLog.Verification verify(Path file, Optional<AuditKey> key) {
    AuditVerifier.Result v = AuditVerifier.verify(file, key, Long.MAX_VALUE, (who, subjects) -> {});
    if (v.tail() > 0) {
      throw new AuditChainException(
          v.entries() + 1,
          file
              + " line "
              + (v.entries() + 1)
              + ": incomplete last line "
              + "("
              + v.tail()
              + " bytes, no newline): a write was cut short; the server cuts and saves it at start");
    }
    if (key.isPresent() && v.entries() > 0 && v.firstKeyed() == 0) {
      throw new AuditChainException(
          1,
          file
              + " line 1: no entry is keyed (all "
              + v.entries()
              + " links are plain "
              + "SHA-256): the log was written without a key and never sealed, or it was rewritten");
    }
    return new AuditLog.Verification(v.entries(), v.head(), v.bytes(), v.firstKeyed());
  }

  /**
   * The chain of {@code file} up to {@code bytes}, whose last line must carry {@code expected}: see
   * {@link AuditLog#verifyNow()}.
   */
  static AuditLog.Verification verifyDurable(
      Path file, Optional<AuditKey> key, long bytes, String expected) {
    AuditVerifier.Result v = AuditVerifier.verify(file, key, bytes, (who, subjects) -> {});
    if (!v.head().equals(expected)) {
      throw new AuditChainException(
          v.entries(),
          file
              + ": the last line's link "
              + AuditVerifier.abbreviate(v.head())
              + " is not the head this server wrote ("
              + AuditVerifier.abbreviate(expected)
              + "); lines were removed at the end");
    }
    return new AuditLog.Verification(v.entries(), v.head(), v.bytes(), v.firstKeyed());
  }
}
