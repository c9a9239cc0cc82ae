package io.credgraph.analysis;

import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import java.util.Objects;

/**
 * A subject as analysis answers name it. {@code key} is the full natural key; the API shows a
 * person's masked unless the caller may see ID numbers, and {@link #toString()} masks it.
 */
public record SubjectRef(int node, SubjectId id, SubjectKind kind, SubjectKey key, String name) {
  public SubjectRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
  }

  public static SubjectRef of(GraphView view, int node) {
    return new SubjectRef(node, view.id(node), view.kind(node), view.key(node), view.name(node));
  }

  @Override
  public String toString() {
    return name + "(" + id + ")";
  }
}
