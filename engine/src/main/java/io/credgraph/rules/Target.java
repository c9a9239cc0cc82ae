package io.credgraph.rules;

import io.credgraph.ValidationException;
import io.credgraph.model.SubjectKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who a rule's measures apply to: the record holder itself ({@code via} empty) or the subjects
 * reached from it by the path {@code via}.
 *
 * @param kinds the kinds of subject reached that the measures apply to (all kinds when empty)
 * @param liable the subject reached must be among the record's {@code liablePersons}
 * @param notHolder the subject reached must not be the record holder itself ("every <em>other</em>
 *     enterprise")
 * @param period this target's own period, when it differs from the rule's (an escalation after N
 *     years)
 */
public record Target(
    List<Step> via,
    Set<SubjectKind> kinds,
    boolean liable,
    boolean notHolder,
    List<Measure> measures,
    java.util.Optional<Period> period) {
  public Target {
    period = period == null ? java.util.Optional.empty() : period;
    via = via == null ? List.of() : List.copyOf(via);
    kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    if (measures == null || measures.isEmpty()) {
      throw new ValidationException("measures", "a target needs at least one measure");
    }
    measures = List.copyOf(measures);
  }

  public boolean appliesToKind(SubjectKind kind) {
    return kinds.isEmpty() || kinds.contains(kind);
  }
}
