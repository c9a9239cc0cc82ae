package io.credgraph.rules;

import io.credgraph.ValidationException;
import io.credgraph.model.SubjectKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What sets a rule off: a record on one of {@code lists}, held by a subject of one of {@code subjectKinds} (any kind
 * when empty), whose fields meet every condition.
 */
public record Trigger(Set<String> lists, Set<SubjectKind> subjectKinds, List<Condition> conditions) {
  public Trigger {
    if (lists == null || lists.isEmpty()) {
      throw new ValidationException("trigger.lists", "a trigger needs at least one list code");
    }
    lists = Set.copyOf(lists);
    subjectKinds = subjectKinds == null || subjectKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(subjectKinds));
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }
}
