package io.credgraph.analysis;

import io.credgraph.ValidationException;
import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Ultimate owners and the actual controller of one enterprise on one day (股权穿透, DOMAIN.md 6.4).
 *
 * @param owners ultimate owners whose effective ownership is at least {@code threshold}, by ratio
 *     descending
 * @param actualController the declared ACTUAL_CONTROLLER in force, else an owner above 50 percent,
 *     else absent
 * @param conflicts data that makes a number impossible or doubtful (divergent cycles, shares above
 *     100 percent)
 */
public record Controllers(
    SubjectRef subject,
    LocalDate asOf,
    double threshold,
    List<Owner> owners,
    Optional<ActualController> actualController,
    List<Conflict> conflicts) {
  public Controllers {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(asOf, "asOf");
    owners = List.copyOf(owners);
    actualController = actualController == null ? Optional.empty() : actualController;
    conflicts = List.copyOf(conflicts);
  }

  /** Validates a caller's threshold: in (0, 1]. */
  public static double checkThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new ValidationException(
          "threshold", "threshold must be in (0, 1] (0.25 for 25 %), not " + threshold);
    }
    return threshold;
  }

  /**
   * An ultimate owner (a person, or an enterprise without a SHAREHOLDER of known ratio in force)
   * and its effective ownership: the sum over every walk to the subject of the product of the
   * ratios.
   *
   * @param paths the walks that contribute most, largest product first
   */
  public record Owner(SubjectRef subject, double ratio, List<Walk> paths) {
    public Owner {
      Objects.requireNonNull(subject, "subject");
      paths = List.copyOf(paths);
    }
  }

  /**
   * A walk along SHAREHOLDER relations from an owner to the subject and the product of its ratios.
   */
  public record Walk(List<SubjectRef> subjects, List<EdgeRef> relations, double product) {
    public Walk {
      subjects = List.copyOf(subjects);
      relations = List.copyOf(relations);
      if (relations.size() != subjects.size() - 1) {
        throw new IllegalArgumentException(
            "a walk of " + subjects.size() + " subjects has " + relations.size() + " relations");
      }
    }
  }

  /**
   * Who controls the subject and on what basis: a declaration (the ACTUAL_CONTROLLER relation), or
   * an effective ownership above 50 percent.
   */
  public record ActualController(
      SubjectRef subject, Basis basis, OptionalDouble ratio, Optional<EdgeRef> declaration) {
    public ActualController {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(basis, "basis");
      ratio = ratio == null ? OptionalDouble.empty() : ratio;
      declaration = declaration == null ? Optional.empty() : declaration;
    }
  }

  public enum Basis {
    DECLARED,
    OWNERSHIP
  }

  /**
   * A data conflict. DIVERGENT_CYCLE: cross-holdings whose series does not converge (a cycle's
   * product reaches 1), so the owners upstream of it get no number and are listed in {@code
   * affectedOwners}. SHARES_ABOVE_100: the direct holdings in {@code cycle}'s single company sum
   * above 100 percent; numbers are still computed but overstate.
   *
   * @param cycle the subjects of the cycle, first repeated at the end implied; for SHARES_ABOVE_100
   *     the company
   * @param product the product of the ratios around the cycle, or the sum of the shares
   */
  public record Conflict(
      Kind kind,
      List<SubjectRef> cycle,
      double product,
      String reason,
      List<SubjectRef> affectedOwners) {
    public Conflict {
      Objects.requireNonNull(kind, "kind");
      cycle = List.copyOf(cycle);
      Objects.requireNonNull(reason, "reason");
      affectedOwners = List.copyOf(affectedOwners);
    }

    public enum Kind {
      DIVERGENT_CYCLE,
      SHARES_ABOVE_100
    }
  }
}
