package io.credgraph.rules;

/** Which check a rule serves: the appointment check (5.1) or the sanctions check (5.2). */
public enum RuleScope {
  APPOINTMENT,
  SANCTION
}
