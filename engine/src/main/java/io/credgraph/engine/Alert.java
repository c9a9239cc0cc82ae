package io.credgraph.engine;

import io.credgraph.model.SubjectRef;
import io.credgraph.rules.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert: who, about which organisation and role (sitting officers), since when, and the reasons
 * with their evidence paths.
 *
 * @param raisedOn the first day the alert holds: for a sitting officer, the first day they held the
 *     role while restricted; for an escalation, the day the watch record had been in force for the
 *     period
 */
public record Alert(
    AlertKind kind,
    SubjectRef subject,
    Optional<SubjectRef> organisation,
    Optional<Role> role,
    LocalDate raisedOn,
    List<Reason> reasons) {
  public Alert {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    organisation = organisation == null ? Optional.empty() : organisation;
    role = role == null ? Optional.empty() : role;
    Objects.requireNonNull(raisedOn, "raisedOn");
    reasons = List.copyOf(reasons);
  }
}
