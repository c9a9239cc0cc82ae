package io.credgraph.engine;

import io.credgraph.model.SubjectRef;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything that applies to one subject on {@code asOf}: the sanction, alert and incentive
 * measures, and the appointment restrictions (whatever role; each reason's rule says which roles it
 * covers).
 */
public record SubjectMeasures(
    SubjectRef subject,
    LocalDate asOf,
    List<MeasureHit> measures,
    List<Reason> appointmentRestrictions) {
  public SubjectMeasures {
    measures = List.copyOf(measures);
    appointmentRestrictions = List.copyOf(appointmentRestrictions);
  }
}
