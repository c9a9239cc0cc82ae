package io.credgraph.engine;

import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import java.util.Objects;

/**
 * A subject as answers name it: opaque id, kind, name and natural key. The key of a person is personal data: the
 * API shows it masked ({@link SubjectKey#masked()}) unless the caller may see it.
 */
public record SubjectRef(SubjectId id, SubjectKind kind, String name, SubjectKey key) {
  public SubjectRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
  }
}
