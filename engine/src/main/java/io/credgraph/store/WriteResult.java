package io.credgraph.store;

/**
 * What a committed batch changed: counts of created and updated facts (an update that only adds a provenance counts
 * as unchanged) and the store version after the batch.
 */
public record WriteResult(int created, int updated, int unchanged, long version) {
  public boolean changedAnything() {
    return created + updated > 0;
  }
}
