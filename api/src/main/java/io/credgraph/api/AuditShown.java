package io.credgraph.api;

import io.credgraph.api.view.RelationView;
import io.credgraph.engine.AppointmentCheck;
import io.credgraph.engine.AssociatedRisk;
import io.credgraph.engine.EvidencePath;
import io.credgraph.engine.MeasureHit;
import io.credgraph.engine.Reason;
import io.credgraph.engine.SanctionResult;
import io.credgraph.engine.SubjectMeasures;
import io.credgraph.model.SubjectRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The subjects an answer shows besides the ones asked about, for the {@code shown} list of its
 * audit entry: related subjects in profiles and the subjects on evidence paths of checks. Subject
 * ids only, never an ID number.
 */
public final class AuditShown {
  private final Set<String> ids = new LinkedHashSet<>();

  public static AuditShown of() {
    return new AuditShown();
  }

  public AuditShown path(EvidencePath p) {
    if (p != null) {
      for (SubjectRef s : p.subjects()) {
        ids.add(s.id().value());
      }
    }
    return this;
  }

  public AuditShown reasons(Collection<Reason> reasons) {
    reasons.forEach(r -> path(r.path()));
    return this;
  }

  public AuditShown measures(Collection<MeasureHit> hits) {
    hits.forEach(m -> path(m.path()));
    return this;
  }

  public AuditShown appointment(AppointmentCheck c) {
    return reasons(c.reasons());
  }

  public AuditShown sanctions(Collection<SanctionResult> results) {
    results.forEach(r -> measures(r.measures()));
    return this;
  }

  public AuditShown profile(
      List<RelationView> relations, SubjectMeasures measures, Optional<AssociatedRisk> risk) {
    relations.forEach(r -> ids.add(r.other().id()));
    measures(measures.measures());
    reasons(measures.appointmentRestrictions());
    risk.flatMap(AssociatedRisk::source)
        .ifPresent(
            s -> {
              ids.add(s.holder().id().value());
              path(s.path());
            });
    return this;
  }

  public List<String> ids() {
    return new ArrayList<>(ids);
  }
}
