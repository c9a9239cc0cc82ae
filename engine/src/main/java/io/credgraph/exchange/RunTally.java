package io.credgraph.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one batch has done so far, from its committed chunks only: counts, the rejections (every one
 * goes to {@link LoadOptions#rejections()}, the report lists them up to its limit) and the distinct
 * conflicts. {@link #report} is the batch's {@link BatchReport}.
 */
final class RunTally {
  private final LoadOptions options;
  private final String name;
  private final String hash;
  private final String dept;
  private final long resumedAfter;

  private long lines;
  private long lastCommitted;
  private long blank;
  private long accepted;
  private long rejected;
  private long pending;
  private long resolved;
  private boolean truncated;
  private final List<Rejection> reported = new ArrayList<>();
  private final List<Conflict> conflicts = new ArrayList<>();
  private long conflictsFound;
  private boolean conflictsTruncated;
  private final Set<String> conflictIds = new HashSet<>();

  RunTally(LoadOptions options, String name, String hash, String dept, long resumedAfter) {
    this.options = options;
    this.name = name;
    this.hash = hash;
    this.dept = dept;
    this.resumedAfter = resumedAfter;
    this.lastCommitted = resumedAfter;
  }

  /** Notes the number of the line just read. */
  void read(long lineNumber) {
    lines = lineNumber;
  }

  /** The number of the last line read (the batch's line count once it is read to the end). */
  long lines() {
    return lines;
  }

  /** The last line whose chunk is committed. */
  long lastCommitted() {
    return lastCommitted;
  }

  /** Notes that the lines up to {@code lastLine} are committed. */
  void committed(long lastLine) {
    lastCommitted = lastLine;
  }

  /** Adds what a committed chunk found. */
  void add(ChunkOutcome chunk) {
    for (Rejection r : chunk.rejections()) {
      rejected++;
      options.rejections().accept(r);
      if (reported.size() < options.maxReportedRejections()) {
        reported.add(r);
      } else {
        truncated = true;
      }
    }
    accepted += chunk.accepted();
    pending += chunk.pending();
    resolved += chunk.resolved();
    blank += chunk.blank();
    for (Conflict c : chunk.conflicts()) {
      addConflict(c);
    }
  }

  /** Adds conflicts found in the store once a chunk was committed. */
  void conflicts(List<Conflict> found) {
    found.forEach(this::addConflict);
  }

  /** Counts every distinct conflict; lists them up to the report limit, like rejections. */
  private void addConflict(Conflict c) {
    if (conflictIds.add(c.identity())) {
      conflictsFound++;
      if (conflicts.size() < options.maxReportedRejections()) {
        conflicts.add(c);
      } else {
        conflictsTruncated = true;
      }
    }
  }

  BatchReport report(long millis, long versionBefore, long versionAfter) {
    return new BatchReport(
        name,
        hash,
        dept,
        BatchReport.Outcome.LOADED,
        resumedAfter,
        lines,
        blank,
        accepted,
        rejected,
        pending,
        resolved,
        conflicts,
        reported,
        truncated,
        conflictsFound,
        conflictsTruncated,
        "",
        millis,
        versionBefore,
        versionAfter);
  }
}
