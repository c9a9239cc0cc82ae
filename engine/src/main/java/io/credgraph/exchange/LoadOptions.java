package io.credgraph.exchange;

import io.credgraph.catalogue.ListCatalogue;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a load runs.
 *
 * @param chunkLines lines committed per transaction, together with the batch checkpoint (crash
 *     safety)
 * @param maxLineBytes longer lines are rejected without being held in memory
 * @param department the delivering department for lines without their own {@code department}; when
 *     absent, it is taken from the batch's file name (see {@link Departments#fromBatchName})
 * @param rejections receives every rejected line as it is found (e.g. the rejection file)
 * @param maxReportedRejections how many rejections a {@link BatchReport} lists (all go to {@code
 *     rejections})
 */
public record LoadOptions(
    int chunkLines,
    int maxLineBytes,
    Optional<String> department,
    ListCatalogue lists,
    Consumer<Rejection> rejections,
    int maxReportedRejections) {

  public static final int DEFAULT_CHUNK_LINES = 5_000;
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  public LoadOptions {
    if (chunkLines < 1) {
      throw new IllegalArgumentException("chunkLines must be at least 1, not " + chunkLines);
    }
    if (maxLineBytes < 1024) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1024, not " + maxLineBytes);
    }
    department =
        department == null
            ? Optional.empty()
            : department.map(String::strip).filter(d -> !d.isEmpty());
    Objects.requireNonNull(lists, "lists");
    rejections = rejections == null ? r -> {} : rejections;
    if (maxReportedRejections < 0) {
      throw new IllegalArgumentException("maxReportedRejections must not be negative");
    }
  }

  public static LoadOptions defaults() {
    return new LoadOptions(
        DEFAULT_CHUNK_LINES,
        DEFAULT_MAX_LINE_BYTES,
        Optional.empty(),
        ListCatalogue.defaults(),
        null,
        1000);
  }

  public LoadOptions withChunkLines(int n) {
    return new LoadOptions(n, maxLineBytes, department, lists, rejections, maxReportedRejections);
  }

  public LoadOptions withMaxLineBytes(int n) {
    return new LoadOptions(chunkLines, n, department, lists, rejections, maxReportedRejections);
  }

  public LoadOptions withDepartment(String d) {
    return new LoadOptions(
        chunkLines, maxLineBytes, Optional.ofNullable(d), lists, rejections, maxReportedRejections);
  }

  public LoadOptions withRejections(Consumer<Rejection> sink) {
    return new LoadOptions(
        chunkLines, maxLineBytes, department, lists, sink, maxReportedRejections);
  }

  /** How many rejections, and how many conflicts, a batch report lists (all are counted). */
  public LoadOptions withMaxReported(int n) {
    return new LoadOptions(chunkLines, maxLineBytes, department, lists, rejections, n);
  }
}
