package io.credgraph.api.view;

import io.credgraph.engine.Simulation;
import java.time.LocalDate;
import java.util.List;

/**
 * What a hypothetical record would do on {@code asOf}, without storing it: each subject it would reach with the
 * measures and appointment restrictions it would add, and the sitting officers it would make ineligible.
 */
public record SimulationView(String recordId, LocalDate asOf, List<Impact> affected, List<AlertView> sittingOfficers) {

  /** What the record would add for one subject. */
  public record Impact(SubjectView subject, List<MeasureView> measures, List<ReasonView> appointmentRestrictions) {}

  public static SimulationView of(Simulation s, boolean unmasked) {
    return new SimulationView(s.recordId(), s.asOf(), s.affected().stream().map(i -> new Impact(
        SubjectView.of(i.subject(), unmasked), i.measures().stream().map(m -> MeasureView.of(m, unmasked)).toList(),
        i.appointmentRestrictions().stream().map(r -> ReasonView.of(r, unmasked)).toList())).toList(),
        s.sittingOfficers().stream().map(a -> AlertView.of(a, unmasked)).toList());
  }
}
