package io.credgraph.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the audit log: who (key name and role) did what (method, route, path), to whom
 * ({@code subjects}: the subject ids asked about, or masked keys of subjects the store does not
 * hold), which other subjects the answer showed ({@code shown}: related persons and organisations
 * in profiles, graphs, paths and evidence, by subject id, never an ID number), when, and with what
 * outcome. {@code prev} links to the previous line as written: its SHA-256 in hex, or {@code hmac:}
 * and its HMAC-SHA256 under the audit key in a keyed log, so an edited, removed or inserted line
 * breaks the chain.
 */
public record AuditEntry(
    long seq,
    Instant at,
    String who,
    String role,
    String method,
    String route,
    String path,
    List<String> subjects,
    List<String> shown,
    int status,
    String outcome,
    String prev) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(who, "who");
    role = role == null ? "" : role;
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(route, "route");
    path = path == null ? route : path;
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    shown = shown == null ? List.of() : List.copyOf(shown);
    outcome = outcome == null ? "" : outcome;
    Objects.requireNonNull(prev, "prev");
  }
}
