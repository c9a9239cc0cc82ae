package io.credgraph.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.credgraph.grades.CreditGrade;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectRef;
import io.credgraph.rules.MeasureKind;
import java.util.List;
import java.util.Optional;

/**
 * The measures that apply to one subject of a sanctions check.
 *
 * @param key the key as asked (serialised masked, as {@code query})
 * @param subject empty when the store does not know the key (then no measure applies)
 * @param restricted at least one RESTRICT measure applies (a WARNING never makes a subject
 *     restricted)
 * @param measures the RESTRICT, ALERT and INCENTIVE measures that apply
 * @param warnings the credit warnings (信用提示, kind WARNING, DOMAIN.md 5.3): they restrict nothing
 * @param grade an organisation's credit grade on asOf (DOMAIN.md 9); absent for persons and unknown
 *     subjects
 */
public record SanctionResult(
    @JsonIgnore SubjectKey key,
    Optional<SubjectRef> subject,
    boolean restricted,
    List<MeasureHit> measures,
    List<MeasureHit> warnings,
    Optional<CreditGrade> grade) {
  public SanctionResult {
    measures = List.copyOf(measures);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    grade = grade == null ? Optional.empty() : grade;
  }

  /**
   * A result from every hit: WARNING hits are listed apart; restricted when a RESTRICT measure
   * applies.
   */
  public static SanctionResult of(
      SubjectKey key,
      Optional<SubjectRef> subject,
      List<MeasureHit> hits,
      Optional<CreditGrade> grade) {
    List<MeasureHit> measures = hits.stream().filter(h -> h.kind() != MeasureKind.WARNING).toList();
    List<MeasureHit> warnings = hits.stream().filter(h -> h.kind() == MeasureKind.WARNING).toList();
    return new SanctionResult(
        key,
        subject,
        measures.stream().anyMatch(h -> h.kind() == MeasureKind.RESTRICT),
        measures,
        warnings,
        grade);
  }

  /** The key as asked, masked for a person. */
  @JsonProperty("query")
  public String maskedKey() {
    return key.masked();
  }
}
