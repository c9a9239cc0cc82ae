package io.credgraph.store;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a batch has been loaded. Written in the same transaction as the facts of the lines up to
 * {@code lastLine}, so a load interrupted at any moment resumes after exactly the lines that were
 * committed.
 *
 * @param batchHash SHA-256 of the batch content (the batch's identity: a renamed copy is the same
 *     batch)
 * @param lastLine the last line whose facts are committed
 * @param complete whether the whole batch was loaded
 */
public record BatchCheckpoint(
    String batchHash,
    String name,
    String department,
    long lastLine,
    boolean complete,
    Instant updatedAt) {
  public BatchCheckpoint {
    Objects.requireNonNull(batchHash, "batchHash");
    Objects.requireNonNull(name, "name");
    department = department == null ? "" : department;
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
