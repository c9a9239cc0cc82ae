package io.credgraph.store;

/**
 * What a committed batch changed: counts of created, updated and unchanged facts (a new provenance
 * on a known fact is an update: answers show provenance) and the store version after the batch.
 */
public record WriteResult(int created, int updated, int unchanged, long version) {
  public boolean changedAnything() {
    return created + updated > 0;
  }
}
