package io.credgraph.model;

/**
 * The status of a credit record. {@link #EXPIRED} is never stored: it is derived from {@code
 * effectiveUntil}.
 */
public enum RecordStatus {
  ACTIVE,
  /** 异议中: disputed; still in force unless its list says otherwise. */
  OBJECTED,
  /** 信用修复: in force up to the day before the repair date. */
  REPAIRED,
  /** Found wrong: never in force, on any date. */
  REVOKED,
  /** Derived: past {@code effectiveUntil}. */
  EXPIRED
}
