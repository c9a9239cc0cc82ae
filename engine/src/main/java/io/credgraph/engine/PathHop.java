package io.credgraph.engine;

import io.credgraph.model.RelationType;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A relation on an evidence path, with its dates ({@code until} empty while it holds).
 *
 * @param forward whether the relation points from the earlier subject of the path to the later one
 *     (a person's LEGAL_REP relation to the enterprise that holds the record is forward)
 */
public record PathHop(
    RelationType rel, LocalDate since, Optional<LocalDate> until, boolean forward) {
  public PathHop {
    Objects.requireNonNull(rel, "rel");
    Objects.requireNonNull(since, "since");
    until = until == null ? Optional.empty() : until;
  }
}
