package io.credgraph.exchange;

import java.util.List;

/**
 * What a load (one batch, or a folder of batches) did; what {@code POST /api/v1/batches} returns.
 * Serialises to JSON as is.
 *
 * @param pendingInStore pending facts the store holds after the load (of any batch)
 * @param storeVersion the store version after the load
 */
public record LoadReport(
    List<BatchReport> batches,
    long lines,
    long accepted,
    long rejected,
    long pending,
    long resolved,
    long conflicts,
    long pendingInStore,
    long millis,
    long storeVersion) {

  public LoadReport {
    batches = List.copyOf(batches);
  }

  static LoadReport of(List<BatchReport> batches, long pendingInStore, long millis, long version) {
    long lines = 0;
    long accepted = 0;
    long rejected = 0;
    long pending = 0;
    long resolved = 0;
    long conflicts = 0;
    for (BatchReport b : batches) {
      lines += b.lines() - b.resumedAfterLine();
      accepted += b.accepted();
      rejected += b.rejected();
      pending += b.pending();
      resolved += b.resolved();
      conflicts += b.conflictsFound();
    }
    return new LoadReport(
        batches,
        lines,
        accepted,
        rejected,
        pending,
        resolved,
        conflicts,
        pendingInStore,
        millis,
        version);
  }

  /** Batches refused as a whole. */
  public long refused() {
    return batches.stream().filter(b -> b.outcome() == BatchReport.Outcome.REFUSED).count();
  }

  public double linesPerSecond() {
    return millis == 0 ? 0 : lines * 1000.0 / millis;
  }

  /** Whether every line of every batch was accepted or is pending. */
  public boolean clean() {
    return rejected == 0 && refused() == 0;
  }

  /** The one-line summary. */
  public String summary() {
    return String.format(
        "%d batch%s: %,d lines read, %,d accepted, %,d rejected, %,d pending (%,d in store), "
            + "%,d resolved, %,d conflicts%s, %.1f s, %,.0f lines/s",
        batches.size(),
        batches.size() == 1 ? "" : "es",
        lines,
        accepted,
        rejected,
        pending,
        pendingInStore,
        resolved,
        conflicts,
        refused() > 0 ? ", " + refused() + " refused" : "",
        millis / 1000.0,
        linesPerSecond());
  }
}
