package io.credgraph.analysis;

import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A relation as analysis answers draw it: from, to, type, dates, and the ratio of a SHAREHOLDER
 * when known.
 */
public record EdgeRef(
    int edge,
    SubjectId from,
    SubjectId to,
    RelationType type,
    LocalDate since,
    Optional<LocalDate> until,
    OptionalDouble ratio) {
  public EdgeRef {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(since, "since");
    until = until == null ? Optional.empty() : until;
    ratio = ratio == null ? OptionalDouble.empty() : ratio;
  }

  public static EdgeRef of(GraphView view, int e) {
    int until = view.edgeUntil(e);
    double r = view.edgeRatio(e);
    return new EdgeRef(
        e,
        view.id(view.edgeFrom(e)),
        view.id(view.edgeTo(e)),
        GraphView.relationType(view.edgeType(e)),
        GraphView.date(view.edgeSince(e)),
        until == GraphView.OPEN_UNTIL ? Optional.empty() : Optional.of(GraphView.date(until)),
        Double.isNaN(r) ? OptionalDouble.empty() : OptionalDouble.of(r));
  }
}
