package io.credgraph.model;

import io.credgraph.ValidationException;

/**
 * Where a fact came from: the delivering department, the batch (its name and content hash) and the
 * line in it. Facts written through the API carry batch {@code api:<caller>} and line 0.
 */
public record Provenance(String department, String batch, String batchHash, long line) {
  public Provenance {
    if (department == null || department.isBlank()) {
      throw new ValidationException(
          "department", "a provenance needs the department that delivered the fact");
    }
    if (batch == null || batch.isBlank()) {
      throw new ValidationException("batch", "a provenance needs the batch name");
    }
    if (batchHash == null) {
      batchHash = "";
    }
    if (line < 0) {
      throw new ValidationException("line", "line numbers start at 1 (0 for API writes)");
    }
  }

  /** Identity for de-duplication: the same line of the same batch content is one provenance. */
  public String identity() {
    return batchHash + "#" + line + "@" + batch;
  }
}
