package io.credgraph.api.view;

import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A relation seen from one subject: its type, whether it points {@code OUT} from or {@code IN} to
 * that subject, the subject at the other end, its dates, whether it is in force on {@code asOf},
 * and its ratio and attributes.
 */
public record RelationView(
    RelationType rel,
    Direction direction,
    SubjectView other,
    LocalDate since,
    Optional<LocalDate> until,
    boolean inForce,
    Optional<Double> ratio,
    Map<String, String> attributes,
    List<ProvenanceView> provenance) {

  /**
   * Where the relation was delivered: the department, the batch name and the line in it (0 for API
   * writes).
   */
  public record ProvenanceView(String department, String batch, long line) {}

  /** Which way the relation points from the subject of the answer. */
  public enum Direction {
    OUT,
    IN
  }

  /**
   * As {@link #of(Relation, Direction, SubjectView, LocalDate)}, attributes scrubbed of ID numbers
   * unless unmasked.
   */
  public static RelationView of(
      Relation r, Direction d, SubjectView other, LocalDate asOf, boolean unmasked) {
    RelationView v = of(r, d, other, asOf);
    return unmasked
        ? v
        : new RelationView(
            v.rel(),
            v.direction(),
            v.other(),
            v.since(),
            v.until(),
            v.inForce(),
            v.ratio(),
            Masking.scrub(v.attributes()),
            v.provenance());
  }

  public static RelationView of(Relation r, Direction d, SubjectView other, LocalDate asOf) {
    return new RelationView(
        r.type(),
        d,
        other,
        r.since(),
        r.until(),
        r.inForceOn(asOf),
        r.ratio().isPresent() ? Optional.of(r.ratio().getAsDouble()) : Optional.empty(),
        r.attributes(),
        r.provenance().stream()
            .map(p -> new ProvenanceView(p.department(), p.batch(), p.line()))
            .toList());
  }
}
