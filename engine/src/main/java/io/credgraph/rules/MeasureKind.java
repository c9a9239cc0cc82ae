package io.credgraph.rules;

/** What a measure does: restrict the subject, alert a department, or reward the subject. */
public enum MeasureKind {
  RESTRICT,
  ALERT,
  /** Suspended on any date where the subject has a BLACK record in force. */
  INCENTIVE
}
