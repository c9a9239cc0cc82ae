package io.credgraph.api.view;

import io.credgraph.store.Capability;
import io.credgraph.store.StoreCounts;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The answer of {@code /health}: UP or DOWN (with the reason), the server's version and start time,
 * the store and the audit log.
 */
public record Health(
    String status,
    Optional<String> reason,
    String version,
    Instant startedAt,
    Store store,
    Audit audit,
    Graph graph) {
  /** The store: backend, location, capabilities, counts and version. */
  public record Store(
      String backend,
      String location,
      Set<Capability> capabilities,
      StoreCounts counts,
      long version) {}

  /**
   * The server's in-memory graph: the store version it answers from, how many versions the store is
   * ahead (writes of another server not read yet; 0 when in step), and when it last caught up with
   * another server's writes.
   */
  public record Graph(long version, long behind, Optional<Instant> caughtUpAt) {}

  /** The audit log: its entries and the hash of its last line (to anchor elsewhere). */
  public record Audit(long entries, String head) {}
}
