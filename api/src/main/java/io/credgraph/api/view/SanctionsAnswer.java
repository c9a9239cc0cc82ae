package io.credgraph.api.view;

import io.credgraph.engine.SanctionResult;
import io.credgraph.grades.CreditGrade;
import io.credgraph.rules.Domain;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The answer of a sanctions check: one result per subject asked about, in the order asked.
 *
 * @param checkId the reference of this check (and of its audit entry), to which its department
 *     sends feedback
 */
public record SanctionsAnswer(
    LocalDate asOf, Optional<Domain> domain, List<Result> results, String checkId) {

  /**
   * The measures that apply to one subject.
   *
   * @param key the key as asked (persons masked unless the caller may see ID numbers)
   * @param subject the subject as the store knows it; absent when unknown (then no measure applies)
   * @param restricted at least one RESTRICT measure applies (a warning never makes it true)
   * @param warnings credit warnings (信用提示, kind WARNING): they restrict nothing
   * @param grade an organisation's credit grade on asOf (A, B, C, D with the conditions and records
   *     behind it); absent for persons and unknown subjects
   */
  public record Result(
      KeyView key,
      Optional<SubjectView> subject,
      boolean restricted,
      List<MeasureView> measures,
      List<MeasureView> warnings,
      Optional<CreditGrade> grade) {
    public static Result of(SanctionResult r, boolean unmasked) {
      return new Result(
          KeyView.of(r.key(), unmasked),
          r.subject().map(s -> SubjectView.of(s, unmasked)),
          r.restricted(),
          r.measures().stream().map(m -> MeasureView.of(m, unmasked)).toList(),
          r.warnings().stream().map(m -> MeasureView.of(m, unmasked)).toList(),
          r.grade());
    }
  }
}
