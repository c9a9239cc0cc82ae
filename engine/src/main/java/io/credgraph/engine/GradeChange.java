package io.credgraph.engine;

import io.credgraph.grades.CreditGrade;
import io.credgraph.model.SubjectRef;
import java.util.Objects;

/**
 * A change of an organisation's credit grade (DOMAIN.md 9): the grade it had and the grade it would
 * have (a simulation) or has (an alert).
 *
 * @param subject the organisation
 * @param before its grade without the record
 * @param after its grade with it
 */
public record GradeChange(SubjectRef subject, CreditGrade before, CreditGrade after) {
  public GradeChange {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
