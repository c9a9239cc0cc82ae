package io.credgraph.exchange;

import java.util.List;
import java.util.Objects;

/**
 * What loading one batch did. Serialises to JSON as is (strings, numbers, lists).
 *
 * @param name the batch name (file name, or the name given to the API)
 * @param hash SHA-256 of the batch content (after gunzip), the batch's identity
 * @param department the batch's default department
 * @param outcome what happened to the batch as a whole
 * @param resumedAfterLine lines committed by an earlier, interrupted load and not written again (0
 *     for a fresh load)
 * @param lines lines in the batch (blank lines included)
 * @param accepted lines whose facts are stored (or already were)
 * @param rejected lines set aside, each in {@code rejections} up to the report limit
 * @param pending lines stored as pending facts, waiting for a subject
 * @param resolved pending facts (of this or earlier batches) applied because this batch delivered
 *     their subject
 * @param conflicts conflicts found among the facts this batch touched, up to the report limit
 * @param rejectionsTruncated whether more rejections were found than listed here
 * @param conflictsFound how many distinct conflicts were found (listed or not)
 * @param conflictsTruncated whether more conflicts were found than listed here
 * @param error why the batch was refused as a whole; empty otherwise
 */
public record BatchReport(
    String name,
    String hash,
    String department,
    Outcome outcome,
    long resumedAfterLine,
    long lines,
    long blank,
    long accepted,
    long rejected,
    long pending,
    long resolved,
    List<Conflict> conflicts,
    List<Rejection> rejections,
    boolean rejectionsTruncated,
    long conflictsFound,
    boolean conflictsTruncated,
    String error,
    long millis,
    long versionBefore,
    long versionAfter) {

  public BatchReport {
    Objects.requireNonNull(name, "name");
    hash = hash == null ? "" : hash;
    department = department == null ? "" : department;
    Objects.requireNonNull(outcome, "outcome");
    conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    rejections = rejections == null ? List.of() : List.copyOf(rejections);
    error = error == null ? "" : error;
  }

  /** A batch refused before any line was stored. */
  static BatchReport refused(
      String name, String hash, String department, String error, long millis, long version) {
    return new BatchReport(
        name,
        hash,
        department,
        Outcome.REFUSED,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        List.of(),
        List.of(new Rejection(name, 0, "(file)", error)),
        false,
        0,
        false,
        error,
        millis,
        version,
        version);
  }

  public double linesPerSecond() {
    return millis == 0 ? 0 : (lines - resumedAfterLine) * 1000.0 / millis;
  }

  /** One line for a terminal or a log. */
  public String summary() {
    return switch (outcome) {
      case REFUSED -> name + ": refused: " + error;
      case ALREADY_LOADED ->
          name
              + ": already loaded (same content, sha256 "
              + hash.substring(0, 12)
              + "...), nothing changed";
      case LOADED ->
          String.format(
              "%s: %,d lines, %,d accepted, %,d rejected, %,d pending, %,d resolved, %,d "
                  + "conflicts%s, %.1f s, %,.0f lines/s",
              name,
              lines,
              accepted,
              rejected,
              pending,
              resolved,
              conflictsFound,
              resumedAfterLine > 0
                  ? String.format(", resumed after line %,d", resumedAfterLine)
                  : "",
              millis / 1000.0,
              linesPerSecond());
    };
  }

  /** What happened to a batch as a whole. */
  public enum Outcome {
    /** Read to the end; good lines stored, bad lines rejected. */
    LOADED,
    /** The same content was loaded before; nothing was written. */
    ALREADY_LOADED,
    /** Not a readable batch (corrupt gzip, binary data, empty); nothing was written. */
    REFUSED
  }
}
