package io.credgraph.catalogue;

import io.credgraph.ValidationException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * A list's repair and objection settings (DOMAIN.md 4), data in the list catalogue (for
 * ADMINISTRATIVE_PENALTY per severity).
 *
 * @param repairable whether a repair application (信用修复申请) may be filed for its records
 * @param minPublication how long after decidedOn a repair application may first be filed
 * @param maxPublication after how long from decidedOn the record is no longer published (absent:
 *     published while in force)
 * @param objectionDays calendar days within which a steward must decide an objection
 * @param repairDecisionDays calendar days within which a steward must decide a repair application
 */
public record ListSettings(
    boolean repairable,
    Optional<Period> minPublication,
    Optional<Period> maxPublication,
    int objectionDays,
    int repairDecisionDays) {
  /** Local configuration defaults (DOMAIN.md 4). */
  public static final int DEFAULT_OBJECTION_DAYS = 15;

  public static final int DEFAULT_REPAIR_DECISION_DAYS = 15;

  public ListSettings {
    minPublication = minPublication == null ? Optional.empty() : minPublication;
    maxPublication = maxPublication == null ? Optional.empty() : maxPublication;
    if (repairable && minPublication.isEmpty()) {
      throw new ValidationException(
          "minPublication", "a repairable list needs its minPublication (e.g. P1Y)");
    }
    if (objectionDays < 1 || objectionDays > 365) {
      throw new ValidationException(
          "objectionDays", "objectionDays must be in 1..365, not " + objectionDays);
    }
    if (repairDecisionDays < 1 || repairDecisionDays > 365) {
      throw new ValidationException(
          "repairDecisionDays", "repairDecisionDays must be in 1..365, not " + repairDecisionDays);
    }
  }

  /** Not repairable, published while in force, default days. */
  public static ListSettings defaults() {
    return new ListSettings(
        false,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_OBJECTION_DAYS,
        DEFAULT_REPAIR_DECISION_DAYS);
  }

  /** The first day a repair application may be filed for a record decided on {@code decidedOn}. */
  public Optional<LocalDate> repairableFrom(LocalDate decidedOn) {
    return repairable ? minPublication.map(decidedOn::plus) : Optional.empty();
  }

  /** The last day a record decided on {@code decidedOn} is published (absent: while in force). */
  public Optional<LocalDate> publishedUntil(LocalDate decidedOn) {
    return maxPublication.map(p -> decidedOn.plus(p).minusDays(1));
  }
}
