package io.credgraph.grades;

import java.util.List;
import java.util.Objects;

/**
 * The grade of an organisation on a day (DOMAIN.md 9): {@code {"grade": "C", "conditions": [...],
 * "records": [...]}}.
 *
 * @param grade A, B, C or D
 * @param title what the grade means (诚信, 一般, 失信风险, 严重失信)
 * @param conditions the ids of the grading catalogue's conditions that set it (empty for the
 *     "otherwise" grade)
 * @param records the ids of the records behind those conditions
 */
public record CreditGrade(
    Grade grade, String title, List<String> conditions, List<String> records) {
  public CreditGrade {
    Objects.requireNonNull(grade, "grade");
    conditions = List.copyOf(conditions);
    records = List.copyOf(records);
  }

  /** The four grades of credit classification supervision. */
  public enum Grade {
    A,
    B,
    C,
    D
  }
}
