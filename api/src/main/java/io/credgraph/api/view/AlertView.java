package io.credgraph.api.view;

import io.credgraph.analysis.WatchAlert;
import io.credgraph.engine.Alert;
import io.credgraph.engine.AlertKind;
import io.credgraph.model.SubjectKey;
import io.credgraph.rules.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An alert: its kind, the subject, the organisation and role it concerns (sitting officers), {@code
 * raisedOn} (the day its cause took effect, DOMAIN.md 10), {@code createdAt} (the instant the
 * product created it, for the alerts it keeps: WATCH alerts), and the reasons with their evidence
 * paths. A WATCH alert has no reasons: {@code watch} tells what happened, to whom, and the path
 * from the watched subject.
 */
public record AlertView(
    AlertKind kind,
    SubjectView subject,
    Optional<SubjectView> organisation,
    Optional<Role> role,
    LocalDate raisedOn,
    List<ReasonView> reasons,
    Optional<InvestigationViews.WatchView> watch,
    Optional<Instant> createdAt) {

  public static AlertView of(Alert a, boolean unmasked) {
    return new AlertView(
        a.kind(),
        SubjectView.of(a.subject(), unmasked),
        a.organisation().map(o -> SubjectView.of(o, unmasked)),
        a.role(),
        a.raisedOn(),
        a.reasons().stream().map(r -> ReasonView.of(r, unmasked)).toList(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * A WATCH alert: {@code subject} is the watched subject; raised on the day its cause took effect
   * (the record's decision, the status change's or the grade change's day), created at the instant
   * it was raised.
   */
  public static AlertView of(WatchAlert a, Function<SubjectKey, SubjectView> views) {
    return new AlertView(
        AlertKind.WATCH,
        views.apply(a.watched()),
        Optional.empty(),
        Optional.empty(),
        a.event().on(),
        List.of(),
        Optional.of(InvestigationViews.WatchView.of(a, views)),
        Optional.of(a.raisedAt()));
  }
}
