package io.credgraph.engine;

import io.credgraph.grades.CreditGrade;
import io.credgraph.grades.GradeCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Grades organisations (DOMAIN.md 9) from their records in the projection, with the grade catalogue
 * in use (the built-in grades.yaml until another is given).
 */
final class Grading {
  private final EngineState state;
  private volatile GradeCatalogue grades;

  Grading(EngineState state) {
    this.state = state;
    this.grades = GradeCatalogue.defaults(state.lists);
  }

  void use(GradeCatalogue catalogue) {
    this.grades = Objects.requireNonNull(catalogue, "catalogue");
  }

  GradeCatalogue catalogue() {
    return grades;
  }

  /** The grade of a known subject on asOf, taking the read lock. */
  Optional<CreditGrade> grade(SubjectKey key, LocalDate asOf) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(asOf, "asOf");
    state.readLock();
    try {
      return gradeOf(state.require(key), asOf);
    } finally {
      state.readUnlock();
    }
  }

  /** The grade of subject {@code s} on asOf, empty for a person (read lock held). */
  Optional<CreditGrade> gradeOf(int s, LocalDate asOf) {
    Projection p = state.p;
    if (p.kindOf(s) == SubjectKind.PERSON) {
      return Optional.empty();
    }
    List<CreditRecord> records = new ArrayList<>();
    for (int r : p.recordsOf(s)) {
      records.add(p.recs[r]);
    }
    return Optional.of(grades.grade(records, asOf));
  }
}
