package io.credgraph.store;

import io.credgraph.model.Provenance;
import io.credgraph.model.SubjectKey;
import java.util.Objects;

/**
 * A relation, record or status line that references a subject not yet stored. It waits in the store
 * (so it survives restarts) until a batch delivers the subject; then the loader applies it and
 * removes it.
 *
 * @param id stable identity: the batch hash and line, so re-loading a batch does not add it twice
 * @param awaited the key of the missing subject
 * @param line the original exchange line (JSON), applied again when the subject arrives
 */
public record PendingFact(String id, SubjectKey awaited, String line, Provenance provenance) {
  public PendingFact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(awaited, "awaited");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(provenance, "provenance");
  }
}
