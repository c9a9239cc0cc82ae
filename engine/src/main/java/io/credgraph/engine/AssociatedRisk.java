package io.credgraph.engine;

import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Associated risk (关联风险, DOMAIN.md 6.3): an investigative signal, never a sanction. {@code score}
 * is the largest severity of a BLACK record in force held by a subject within {@code hops} control
 * relations in force (the subject itself at 0 hops), halved per hop; {@code source} says which
 * record and by which path, empty when the score is 0.
 */
public record AssociatedRisk(
    SubjectRef subject, LocalDate asOf, double score, Optional<Source> source) {

  /**
   * The record that gives the score, its holder, the list's severity and the path from the subject
   * to the holder.
   */
  public record Source(
      SubjectRef holder,
      String record,
      String list,
      double severity,
      int hops,
      EvidencePath path) {}
}
