package io.credgraph.api.audit;

import io.credgraph.api.auth.Caller;
import io.credgraph.api.auth.Role;
import java.util.List;

/**
 * The audit tests' entries: appointment checks by a REGISTRY clerk, appended to a real log (the
 * unit tests, the audit command's test and the child JVMs that fill or are killed under a log).
 */
public final class AuditFixtures {
  public static final Caller CLERK = Caller.of("clerk", Role.REGISTRY);

  private AuditFixtures() {}

  /** One {@code POST /api/v1/checks/appointment} about {@code subject}, answered 200. */
  public static AuditEntry appendCheck(
      AuditLog log, Caller caller, String subject, String outcome) {
    return log.append(
        caller,
        "POST",
        "/api/v1/checks/appointment",
        "/api/v1/checks/appointment",
        List.of(subject),
        200,
        outcome);
  }

  /**
   * {@code n} checks by {@link #CLERK}, the i-th about {@code subjectPrefix + i}, eligible when i
   * is even.
   */
  public static void appendChecks(AuditLog log, String subjectPrefix, int n) {
    for (int i = 0; i < n; i++) {
      appendCheck(log, CLERK, subjectPrefix + i, "eligible=" + (i % 2 == 0));
    }
  }
}
