package io.credgraph.engine;

import io.credgraph.model.CreditRecord;
import io.credgraph.rules.Rule;
import io.credgraph.rules.Target;

/**
 * One derived measure: the measures of {@code rule}'s target {@code targetIndex} apply to subject
 * {@code target} because of record {@code rec} held by {@code holder}, reached by the path {@code
 * nodes} (holder first, target last) over {@code edges}, on every day of {@code [from, to]} (epoch
 * days; {@link Projection#OPEN} for an open end). Independent of any asOf: relation conditions such
 * as "today" are already folded into the span.
 *
 * @param record the record's int id in the projection, or -1 for a hypothetical record (what-if)
 */
record Entry(
    int target,
    Rule rule,
    int targetIndex,
    int record,
    CreditRecord rec,
    int holder,
    int[] nodes,
    int[] edges,
    int from,
    int to) {

  Target targetSpec() {
    return rule.targets().get(targetIndex);
  }

  boolean holdsOn(int day) {
    return from <= day && day <= to;
  }
}
