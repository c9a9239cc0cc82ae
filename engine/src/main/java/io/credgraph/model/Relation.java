package io.credgraph.model;

import io.credgraph.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A dated relation between two subjects, addressed by their natural keys. Its identity is {@code
 * (type, from, to, since)}: the same relation delivered twice is one relation with two provenances.
 * It is in force on every day from {@code since} to {@code until}, both inclusive; an absent {@code
 * until} means it still holds.
 *
 * @param ratio SHAREHOLDER only: the share in (0, 1]; absent when unknown
 * @param attributes {@code profession}, {@code licenceNo} (PRACTISES_AT), {@code position}
 *     (SERVES_IN), {@code relation} (RELATIVE_OF), and unknown fields of the exchange line
 */
public record Relation(
    RelationType type,
    SubjectKey from,
    SubjectKey to,
    LocalDate since,
    Optional<LocalDate> until,
    OptionalDouble ratio,
    Map<String, String> attributes,
    List<Provenance> provenance) {

  public Relation {
    if (type == null) {
      throw new ValidationException("rel", "a relation needs its type (rel)");
    }
    if (from == null) {
      throw new ValidationException("from", "a relation needs its from subject");
    }
    if (to == null) {
      throw new ValidationException("to", "a relation needs its to subject");
    }
    if (from.equals(to) && type != RelationType.SHAREHOLDER) {
      throw new ValidationException(
          "to",
          "a relation cannot join a subject to itself (only SHAREHOLDER can: an "
              + "enterprise holding its own shares, 库存股)");
    }
    if (since == null) {
      throw new ValidationException("since", "a relation needs the date it began (since)");
    }
    until = until == null ? Optional.empty() : until;
    if (until.isPresent() && until.get().isBefore(since)) {
      throw new ValidationException("until", "until " + until.get() + " is before since " + since);
    }
    ratio = ratio == null ? OptionalDouble.empty() : ratio;
    if (ratio.isPresent()) {
      if (type != RelationType.SHAREHOLDER) {
        throw new ValidationException("ratio", "only SHAREHOLDER relations have a ratio");
      }
      double r = ratio.getAsDouble();
      if (!(r > 0 && r <= 1)) {
        throw new ValidationException(
            "ratio", "ratio " + r + " is outside (0, 1] (omit it when unknown)");
      }
    }
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    provenance = provenance == null ? List.of() : List.copyOf(provenance);
  }

  public static Relation of(RelationType type, SubjectKey from, SubjectKey to, LocalDate since) {
    return new Relation(
        type, from, to, since, Optional.empty(), OptionalDouble.empty(), Map.of(), List.of());
  }

  public static Relation shareholder(
      SubjectKey from, SubjectKey to, double ratio, LocalDate since) {
    return new Relation(
        RelationType.SHAREHOLDER,
        from,
        to,
        since,
        Optional.empty(),
        OptionalDouble.of(ratio),
        Map.of(),
        List.of());
  }

  public Relation withUntil(LocalDate newUntil) {
    return new Relation(
        type, from, to, since, Optional.ofNullable(newUntil), ratio, attributes, provenance);
  }

  public Relation withProvenance(List<Provenance> p) {
    return new Relation(type, from, to, since, until, ratio, attributes, p);
  }

  /** In force on {@code day}: {@code since <= day <= until}. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(since) && (until.isEmpty() || !day.isAfter(until.get()));
  }

  /** In force on at least one day of {@code [from, to]}. */
  public boolean overlaps(LocalDate first, LocalDate last) {
    return !since.isAfter(last) && (until.isEmpty() || !until.get().isBefore(first));
  }

  /** Whether this relation counts as control under the default SHAREHOLDER threshold. */
  public boolean isControl() {
    if (type == RelationType.SHAREHOLDER) {
      return ratio.isPresent() && ratio.getAsDouble() >= RelationType.CONTROL_RATIO;
    }
    return type.isControl();
  }

  /** The identity of this relation: equal for the same fact from different batches. */
  public Identity identity() {
    return new Identity(type, from, to, since);
  }

  /** {@code (type, from, to, since)}. */
  public record Identity(RelationType type, SubjectKey from, SubjectKey to, LocalDate since) {}
}
