package io.credgraph.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * What a hypothetical record would do on {@code asOf} (DOMAIN.md 6.7), computed without storing anything: the
 * subjects it would reach with the measures and appointment restrictions it would add, and the sitting officers it
 * would make ineligible.
 */
public record Simulation(String recordId, LocalDate asOf, List<Impact> affected, List<Alert> sittingOfficers) {
  public Simulation {
    affected = List.copyOf(affected);
    sittingOfficers = List.copyOf(sittingOfficers);
  }

  /** What the record would add for one subject. */
  public record Impact(SubjectRef subject, List<MeasureHit> measures, List<Reason> appointmentRestrictions) {
    public Impact {
      measures = List.copyOf(measures);
      appointmentRestrictions = List.copyOf(appointmentRestrictions);
    }
  }
}
