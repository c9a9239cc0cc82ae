package io.credgraph.api.controllers;

import io.credgraph.NotFoundException;
import io.credgraph.ValidationException;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Params;
import io.credgraph.api.Requests;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.auth.Role;
import io.credgraph.api.error.ApiException;
import io.credgraph.api.view.MeasureView;
import io.credgraph.api.view.ReasonView;
import io.credgraph.api.view.RecordView;
import io.credgraph.api.view.RelationView;
import io.credgraph.api.view.RiskView;
import io.credgraph.api.view.SubjectProfile;
import io.credgraph.api.view.SubjectView;
import io.credgraph.engine.SubjectMeasures;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.ResidentId;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectRef;
import io.credgraph.model.Uscc;
import io.credgraph.store.GraphStore;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Subject profiles ({@code GET /api/v1/subjects/{id}}); search is {@link
 * InvestigationController#search}.
 */
public final class SubjectController {
  static final int MAX_LIMIT = 200;
  static final int DEFAULT_PROFILE_LIMIT = 200;
  static final int MAX_PROFILE_LIMIT = 1000;

  private final ApiBackend backend;
  private final ApiConfig config;

  public SubjectController(ApiBackend backend, ApiConfig config) {
    this.backend = backend;
    this.config = config;
  }

  /**
   * The profile of one subject on {@code asOf}. DEPARTMENT and REGISTRY keys see the subjects they
   * have checked.
   */
  public void profile(Context ctx) {
    SubjectId id = subjectId(ctx.pathParam("id"));
    Caller caller = Requests.caller(ctx);
    GraphStore store = backend.store();
    Subject s =
        store
            .subject(id)
            .orElseThrow(() -> new NotFoundException("no subject with id " + id.value()));
    if (!caller.atLeast(Role.INVESTIGATOR)
        && !backend.audit().hasChecked(caller.name(), id.value())) {
      throw ApiException.forbidden(
          "a "
              + caller.role().map(Enum::name).orElse("")
              + " key sees the profiles of "
              + "subjects it has checked; run a check on this subject first, or use an INVESTIGATOR key");
    }
    if (s.key().isPerson() && !caller.atLeast(Role.INVESTIGATOR)) {
      throw ApiException.forbidden(
          "profiles of persons are for INVESTIGATOR keys and above; a check answers "
              + "whether measures apply to a person and why");
    }
    LocalDate asOf = Params.asOf(ctx, config.clock());
    boolean unmasked = caller.seesIdNumbers();
    List<RelationView> relations = new ArrayList<>();
    for (Relation r :
        store.relations(s.key(), GraphStore.Direction.BOTH, Set.of(), Optional.empty())) {
      boolean out = r.from().equals(s.key());
      SubjectKey otherKey = out ? r.to() : r.from();
      Optional<Subject> other = store.subject(otherKey);
      if (other.isPresent()) {
        relations.add(
            RelationView.of(
                r,
                out ? RelationView.Direction.OUT : RelationView.Direction.IN,
                unmasked || !other.get().key().isPerson()
                    ? SubjectView.of(other.get(), unmasked)
                    : SubjectView.of(
                        new SubjectRef(
                            other.get().id(),
                            other.get().kind(),
                            other.get().name(),
                            other.get().key()),
                        false),
                asOf,
                unmasked));
      }
    }
    relations.sort(
        Comparator.comparing((RelationView r) -> !r.inForce())
            .thenComparing(RelationView::rel)
            .thenComparing(RelationView::since));
    int limit = Params.limit(ctx, DEFAULT_PROFILE_LIMIT, MAX_PROFILE_LIMIT);
    int relationsTotal = relations.size();
    List<CreditRecord> allRecords = store.records(s.key());
    int recordsTotal = allRecords.size();
    boolean truncated = relationsTotal > limit || recordsTotal > limit;
    if (relationsTotal > limit) {
      relations = new ArrayList<>(relations.subList(0, limit));
    }
    List<RecordView> records =
        allRecords.stream()
            .sorted(
                Comparator.comparing(CreditRecord::decidedOn)
                    .reversed()
                    .thenComparing(CreditRecord::id))
            .limit(limit)
            .map(r -> RecordView.of(r, backend.catalogue(), asOf, unmasked))
            .toList();
    SubjectMeasures measures = backend.engine().subjectMeasures(s.key(), asOf);
    Optional<io.credgraph.engine.AssociatedRisk> associated =
        caller.atLeast(Role.INVESTIGATOR)
            ? Optional.of(backend.engine().associatedRisk(s.key(), asOf))
            : Optional.empty();
    Optional<RiskView> risk = associated.map(a -> RiskView.of(a, unmasked));
    Requests.audit(
        ctx,
        backend.audit(),
        List.of(id.value()),
        io.credgraph.api.AuditShown.of().profile(relations, measures, associated).ids(),
        200,
        "profile");
    ctx.json(
        new SubjectProfile(
            SubjectView.of(s, unmasked),
            asOf,
            s.legalForm(),
            s.status(),
            s.registeredOn(),
            s.district(),
            s.industry(),
            unmasked ? s.attributes() : io.credgraph.api.view.Masking.scrub(s.attributes()),
            relations,
            records,
            measures.measures().stream().map(m -> MeasureView.of(m, unmasked)).toList(),
            measures.appointmentRestrictions().stream()
                .map(r -> ReasonView.of(r, unmasked))
                .toList(),
            risk,
            relationsTotal,
            recordsTotal,
            truncated,
            backend.engine().grade(s.key(), asOf)));
  }

  static SubjectId subjectId(String raw) {
    if (raw != null && (ResidentId.isValid(raw) || Uscc.isValid(raw))) {
      throw new ValidationException(
          "id",
          "subjects are addressed by the opaque id this API hands out (s...), "
              + "never by a USCC or an ID number; find the id with GET /api/v1/subjects?q= or in a check's answer");
    }
    return new SubjectId(raw);
  }
}
