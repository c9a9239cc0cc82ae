package io.credgraph.engine;

/** The alerts the engine lists on request. */
public enum AlertKind {
  /**
   * A person holds, on the day asked about, a role they are not eligible for (Company Law 2023 art.
   * 178 para. 3: the company must dismiss them).
   */
  SITTING_OFFICER,
  /**
   * A record of an ALERT measure marked ESCALATION (ABNORMAL_OPERATION in force three years: due
   * for the serious list).
   */
  ESCALATION,
  /**
   * A record arrived or changed status on a subject an investigator watches, or within its control
   * neighbourhood: raised by {@link io.credgraph.analysis.WatchlistService}, never by {@link
   * CredgraphEngine#alerts}.
   */
  WATCH
}
