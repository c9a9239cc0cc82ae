package io.credgraph.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the audit log: who (key name and role) did what (method, route, path), to whom (subject ids, or masked
 * keys of subjects the store does not hold), when, and with what outcome. {@code prev} is the SHA-256 (hex) of the
 * previous line as written, so an edited, removed or inserted line breaks the chain.
 */
public record AuditEntry(long seq, Instant at, String who, String role, String method, String route, String path,
    List<String> subjects, int status, String outcome, String prev) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(who, "who");
    role = role == null ? "" : role;
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(route, "route");
    path = path == null ? route : path;
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    outcome = outcome == null ? "" : outcome;
    Objects.requireNonNull(prev, "prev");
  }
}
