package io.credgraph.api.audit;

import io.credgraph.api.auth.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The append-only, tamper-evident audit log: one JSON object per line ({@code audit.jsonl} in a
 * directory, format in {@link AuditLines}), each linked to the previous line ({@link AuditChain}:
 * SHA-256, or HMAC-SHA256 under the audit key). The chain is verified when the log is opened
 * ({@link AuditRecovery}); an incomplete last line, what a crash during a write leaves, is cut and
 * saved beside the log ({@link #repaired()}); any other break stops start-up with the line number.
 * Appends are group-committed ({@link GroupCommit}): an append returns once its line is forced to
 * disk, and throws {@link AuditUnavailableException} when it cannot be. Queries scan the durable
 * part ({@link AuditSearch}).
 */
public final class AuditLog implements AutoCloseable {
  /** The {@code prev} of the first entry of an unkeyed log. */
  public static final String GENESIS = AuditChain.GENESIS;

  public static final String FILE_NAME = "audit.jsonl";

  /** The most entries written with one write and one fsync. */
  public static final int DEFAULT_MAX_GROUP = 4096;

  private final AuditFile file;
  private final Clock clock;
  private final Optional<AuditKey> key;
  private final GroupCommit commit;
  private final AuditSearch search;
  private final Optional<Repair> repaired;
  private final Map<String, Set<String>> checked = new ConcurrentHashMap<>();
  private final long keyedFrom;

  /** An incomplete last line cut at start: its length and where its bytes were saved. */
  public record Repair(long bytes, Path savedTo) {}

  /**
   * What verifying a log found: the number of entries, the head link, the bytes covered, the first
   * keyed line.
   */
  public record Verification(long entries, String head, long bytes, long keyedFrom) {}

  private AuditLog(AuditRecovery.Opened o, Clock clock, Optional<AuditKey> key, int maxGroup) {
    AuditVerifier.Result v = o.verified();
    this.file = o.file();
    this.clock = clock;
    this.key = key;
    this.repaired = o.repaired();
    this.keyedFrom = v.firstKeyed();
    this.checked.putAll(o.checked());
    this.commit =
        new GroupCommit(
            file, new AuditChain(key), v.entries(), v.head(), v.bytes(), maxGroup, this::remember);
    this.search = new AuditSearch(file);
  }

  /** Opens (creating if needed) an unkeyed log in {@code dir} after verifying its chain. */
  public static AuditLog open(Path dir, Clock clock) {
    return open(dir, clock, Optional.empty());
  }

  /**
   * Opens (creating if needed) the log in {@code dir}, keyed when {@code key} is given, after
   * verifying its chain. A keyed log cannot be opened without its key; an unkeyed log with entries
   * cannot be opened with a key until it is sealed ({@link #seal}).
   */
  public static AuditLog open(Path dir, Clock clock, Optional<AuditKey> key) {
    return open(dir, clock, key, DEFAULT_MAX_GROUP);
  }

  /**
   * As {@link #open(Path, Clock, Optional)}, with at most {@code maxGroup} entries per fsync (1:
   * one each).
   */
  public static AuditLog open(Path dir, Clock clock, Optional<AuditKey> key, int maxGroup) {
    return openAny(dir, clock, key, maxGroup, true);
  }

  private static AuditLog openAny(
      Path dir, Clock clock, Optional<AuditKey> key, int maxGroup, boolean refuseUnsealed) {
    AuditRecovery.Opened o = AuditRecovery.open(dir, key, refuseUnsealed);
    try {
      return new AuditLog(o, clock, key, maxGroup);
    } catch (RuntimeException e) {
      AuditRecovery.closeQuietly(o.file());
      throw e;
    }
  }

  /**
   * Checks the whole chain of an unkeyed log {@code file} (an absent file is an empty, valid log).
   *
   * @throws AuditChainException naming the first line that breaks the chain
   */
  public static Verification verify(Path file) {
    return verify(file, Optional.empty());
  }

  /**
   * Checks the whole chain of {@code file} with {@code key} (or unkeyed): every link, the sequence,
   * an incomplete last line, and with a key that the log is keyed (a log without any keyed line is
   * either unsealed or rewritten).
   *
   * @throws AuditChainException naming the first line that fails
   */
  public static Verification verify(Path file, Optional<AuditKey> key) {
    return AuditRecovery.verify(file, key);
  }

  /**
   * Seals an unkeyed log under {@code key}: appends one keyed entry whose link covers the last
   * unkeyed line (and so, through the chain, every line before it); from then on the log is keyed.
   * A log already keyed is left as it is.
   *
   * @return the seal entry, or empty when the log was keyed already
   */
  public static Optional<AuditEntry> seal(Path dir, Clock clock, AuditKey key, Caller who) {
    try (AuditLog log = openAny(dir, clock, Optional.of(key), 1, false)) {
      if (log.keyedFrom > 0) {
        return Optional.empty();
      }
      long unkeyed = log.size();
      return Optional.of(
          log.append(
              who,
              "CLI",
              "audit seal",
              "audit seal",
              List.of(),
              List.of(),
              200,
              "sealed " + unkeyed + " unkeyed entries; keyed (HMAC-SHA256) from here"));
    }
  }

  /**
   * Verifies this log's whole chain as it is on disk now, up to the last entry known to be durable,
   * and that this last line is the head this log holds in memory (so lines removed at the end are
   * found too).
   *
   * @throws AuditChainException naming the first line that breaks the chain
   */
  public Verification verifyNow() {
    long bytes;
    String expected;
    do { // the durable length and head change together; read them until they belong to the same
      // group
      bytes = commit.durableBytes();
      expected = commit.durableHead();
    } while (bytes != commit.durableBytes());
    return AuditRecovery.verifyDurable(file(), key, bytes, expected);
  }

  /**
   * Appends one entry and returns it once it is on disk (its {@code seq} is the entry's reference).
   */
  public AuditEntry append(
      Caller caller,
      String method,
      String route,
      String path,
      List<String> subjects,
      int status,
      String outcome) {
    return append(caller, method, route, path, subjects, List.of(), status, outcome);
  }

  /**
   * Appends one entry naming the subjects asked about and the other subjects the answer showed, and
   * returns it once it is on disk. Subjects in both lists are kept in {@code subjects} only.
   *
   * @throws AuditUnavailableException when the entry cannot be written (then nothing may be
   *     answered)
   */
  public AuditEntry append(
      Caller caller,
      String method,
      String route,
      String path,
      List<String> subjects,
      List<String> shown,
      int status,
      String outcome) {
    List<String> others = shown.isEmpty() ? List.of() : others(subjects, shown);
    return commit.append(
        (seq, prev) ->
            new AuditEntry(
                seq,
                clock.instant(),
                caller.name(),
                caller.role().map(Enum::name).orElse(""),
                method,
                route,
                path,
                subjects,
                others,
                status,
                outcome,
                prev));
  }

  private static List<String> others(List<String> subjects, List<String> shown) {
    Set<String> s = new LinkedHashSet<>(shown);
    s.removeAll(subjects);
    return new ArrayList<>(s);
  }

  private void remember(AuditEntry e) {
    if (e.status() == 200 && e.route().startsWith(AuditVerifier.CHECKS)) {
      checked.computeIfAbsent(e.who(), k -> ConcurrentHashMap.newKeySet()).addAll(e.subjects());
    }
  }

  /**
   * Whether the key named {@code who} has run a successful check on {@code subject} (a subject id).
   */
  public boolean hasChecked(String who, String subject) {
    Set<String> s = checked.get(who);
    return s != null && s.contains(subject);
  }

  /**
   * The entries matching {@code q}, oldest first, at most {@code q.limit()}; {@code more} tells if
   * others follow.
   */
  public Result query(AuditQuery q) {
    return search.query(q, commit.durableBytes());
  }

  /** A page of entries. */
  public record Result(List<AuditEntry> entries, boolean more) {}

  /**
   * The link the next entry will carry: the SHA-256 (or keyed HMAC) of the last line, {@link
   * #GENESIS} if empty.
   */
  public String head() {
    return commit.durableHead();
  }

  /** The number of entries on disk. */
  public long size() {
    return commit.durableSeq();
  }

  /** Whether the chain is keyed (HMAC-SHA256). */
  public boolean keyed() {
    return key.isPresent();
  }

  /** The directory the log lives in. */
  public Path directory() {
    return file().toAbsolutePath().getParent();
  }

  /** The incomplete last line cut when the log was opened, if there was one. */
  public Optional<Repair> repaired() {
    return repaired;
  }

  /** How many groups were written since opening (each one write and one fsync). */
  public long groups() {
    return commit.groups();
  }

  public Path file() {
    return file.path();
  }

  @Override
  public void close() {
    try {
      commit.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
