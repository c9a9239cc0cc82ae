package io.credgraph.engine;

import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.List;

/**
 * What a hypothetical record would do on {@code asOf} (DOMAIN.md 6.7), computed without storing
 * anything: the subjects it would reach with the measures and appointment restrictions it would
 * add, and the sitting officers it would make ineligible, and the organisation's credit grade when
 * the record would change it ({@code grades}).
 */
public record Simulation(
    String recordId,
    LocalDate asOf,
    List<Impact> affected,
    List<Alert> sittingOfficers,
    List<GradeChange> grades) {
  public Simulation {
    affected = List.copyOf(affected);
    sittingOfficers = List.copyOf(sittingOfficers);
    grades = List.copyOf(grades);
  }

  /** A simulation that changes no grade. */
  public Simulation(
      String recordId, LocalDate asOf, List<Impact> affected, List<Alert> sittingOfficers) {
    this(recordId, asOf, affected, sittingOfficers, List.of());
  }

  /** What the record would add for one subject. */
  public record Impact(
      SubjectRef subject, List<MeasureHit> measures, List<Reason> appointmentRestrictions) {
    public Impact {
      measures = List.copyOf(measures);
      appointmentRestrictions = List.copyOf(appointmentRestrictions);
    }
  }
}
