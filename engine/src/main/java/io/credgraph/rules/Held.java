package io.credgraph.rules;

/**
 * When a relation on a rule's target path must have held for the target to be reached. Days are
 * inclusive, as for relations themselves ({@code since <= day <= until}).
 */
public enum Held {
  /** In force on the record's {@code decidedOn} ("its LEGAL_REP on decidedOn"). */
  ON_DECIDED_ON,
  /**
   * In force on at least one day of {@code [decidedOn, asOf]} ("holding the role at any time
   * since").
   */
  ANY_TIME_DECIDED_TO_ASOF,
  /** In force on {@code asOf} ("where that person is LEGAL_REP today"). */
  TODAY,
  /** Whatever its dates. */
  ANY_TIME
}
