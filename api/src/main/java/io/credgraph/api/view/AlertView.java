package io.credgraph.api.view;

import io.credgraph.engine.Alert;
import io.credgraph.engine.AlertKind;
import io.credgraph.rules.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An alert: its kind, the subject, the organisation and role it concerns (sitting officers), the day it was raised,
 * and the reasons with their evidence paths.
 */
public record AlertView(AlertKind kind, SubjectView subject, Optional<SubjectView> organisation, Optional<Role> role,
    LocalDate raisedOn, List<ReasonView> reasons) {

  public static AlertView of(Alert a, boolean unmasked) {
    return new AlertView(a.kind(), SubjectView.of(a.subject(), unmasked),
        a.organisation().map(o -> SubjectView.of(o, unmasked)), a.role(), a.raisedOn(),
        a.reasons().stream().map(r -> ReasonView.of(r, unmasked)).toList());
  }
}
