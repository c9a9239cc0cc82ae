package io.credgraph.rules;

/**
 * What a measure does: restrict the subject, alert a department, reward the subject, or warn it
 * (信用提示, DOMAIN.md 5.3: restricts nothing, listed apart from the measures and never makes a subject
 * restricted).
 */
public enum MeasureKind {
  RESTRICT,
  ALERT,
  /** Suspended on any date where the subject has a BLACK record in force. */
  INCENTIVE,
  /** A credit warning (信用提示): restricts nothing; checks list it under {@code warnings}. */
  WARNING
}
