package io.credgraph.api.view;

import io.credgraph.engine.Simulation;
import io.credgraph.grades.CreditGrade;
import java.time.LocalDate;
import java.util.List;

/**
 * What a hypothetical record would do on {@code asOf}, without storing it: each subject it would
 * reach with the measures and appointment restrictions it would add, the sitting officers it would
 * make ineligible, and the organisations whose credit grade it would change.
 */
public record SimulationView(
    String recordId,
    LocalDate asOf,
    List<Impact> affected,
    List<AlertView> sittingOfficers,
    List<GradeChangeView> grades) {

  /**
   * An organisation whose credit grade the record would change: the grade without it and the grade
   * with it.
   */
  public record GradeChangeView(SubjectView subject, CreditGrade before, CreditGrade after) {}

  /** What the record would add for one subject. */
  public record Impact(
      SubjectView subject, List<MeasureView> measures, List<ReasonView> appointmentRestrictions) {}

  public static SimulationView of(Simulation s, boolean unmasked) {
    return new SimulationView(
        s.recordId(),
        s.asOf(),
        s.affected().stream()
            .map(
                i ->
                    new Impact(
                        SubjectView.of(i.subject(), unmasked),
                        i.measures().stream().map(m -> MeasureView.of(m, unmasked)).toList(),
                        i.appointmentRestrictions().stream()
                            .map(r -> ReasonView.of(r, unmasked))
                            .toList()))
            .toList(),
        s.sittingOfficers().stream().map(a -> AlertView.of(a, unmasked)).toList(),
        s.grades().stream()
            .map(
                g ->
                    new GradeChangeView(
                        SubjectView.of(g.subject(), unmasked), g.before(), g.after()))
            .toList());
  }
}
