package io.credgraph.api.view;

import io.credgraph.grades.CreditGrade;
import io.credgraph.model.LegalForm;
import io.credgraph.model.SubjectStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subject's profile on {@code asOf}: who it is, its registered attributes, its relations (in
 * force or not, each marked), its records with their status on that day, the measures and
 * appointment restrictions in force on it, and (for INVESTIGATOR and above) its associated risk.
 * Relations and records are listed up to the request's limit (in-force relations and newest records
 * first); their totals say how many there are, and {@code truncated} whether some were left out.
 * {@code grade} is an organisation's credit grade on {@code asOf} (DOMAIN.md 9) with the conditions
 * and records that set it; persons are not graded.
 */
public record SubjectProfile(
    SubjectView subject,
    LocalDate asOf,
    Optional<LegalForm> legalForm,
    Optional<SubjectStatus> status,
    Optional<LocalDate> registeredOn,
    Optional<String> district,
    Optional<String> industry,
    Map<String, String> attributes,
    List<RelationView> relations,
    List<RecordView> records,
    List<MeasureView> measures,
    List<ReasonView> appointmentRestrictions,
    Optional<RiskView> associatedRisk,
    int relationsTotal,
    int recordsTotal,
    boolean truncated,
    Optional<CreditGrade> grade) {}
