package io.credgraph.rules;

import io.credgraph.ValidationException;
import io.credgraph.model.SubjectKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What sets a rule off: a record on one of {@code lists}, held by a subject of one of {@code
 * subjectKinds} (any kind when empty), whose fields meet every condition.
 */
public record Trigger(
    Set<String> lists,
    Set<SubjectKind> subjectKinds,
    List<Condition> conditions,
    Optional<Count> count) {

  public Trigger(Set<String> lists, Set<SubjectKind> subjectKinds, List<Condition> conditions) {
    this(lists, subjectKinds, conditions, Optional.empty());
  }

  /**
   * A counting trigger (DOMAIN.md 5.3): the record sets the rule off only when it is at least the
   * {@code nth} record that meets the trigger (same subject, lists and conditions) with {@code
   * decidedOn} within {@code withinMonths} months ending on its own decidedOn (both ends included).
   * An earlier record counts unless it is REVOKED, or REPAIRED before the later record's decidedOn.
   * Records decided on the same day are ordered by id.
   */
  public record Count(int nth, int withinMonths) {
    public Count {
      if (nth < 2 || nth > 100) {
        throw new ValidationException(
            "trigger.count.nth",
            "nth must be in 2..100 (a first record needs no count), " + "not " + nth);
      }
      if (withinMonths < 1 || withinMonths > 1200) {
        throw new ValidationException(
            "trigger.count.withinMonths", "withinMonths must be in 1..1200, not " + withinMonths);
      }
    }
  }

  public Trigger {
    if (lists == null || lists.isEmpty()) {
      throw new ValidationException("trigger.lists", "a trigger needs at least one list code");
    }
    lists = Set.copyOf(lists);
    subjectKinds =
        subjectKinds == null || subjectKinds.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(subjectKinds));
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    count = count == null ? Optional.empty() : count;
  }
}
