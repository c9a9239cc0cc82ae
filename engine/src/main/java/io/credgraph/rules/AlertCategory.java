package io.credgraph.rules;

/**
 * How an ALERT measure is listed by the alert feed: {@link #ESCALATION} alerts (a watch record due
 * for the serious list) are listed on request; {@link #NOTICE} alerts only appear in checks and
 * profiles.
 */
public enum AlertCategory {
  NOTICE,
  ESCALATION
}
