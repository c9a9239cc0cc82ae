package io.credgraph.api.loop;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.view.MeasureView;
import io.credgraph.api.view.ReasonView;
import io.credgraph.api.view.RecordView;
import io.credgraph.api.view.SubjectView;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A subject's own credit file on {@code asOf} (DOMAIN.md section 8): itself (its own ID number
 * unmasked), every record about it with status and history and whether it is still published, the
 * measures and appointment restrictions in force on it with rule, basis, path and until-date (other
 * persons on paths masked as for the public), its grade when graded, and its applications with
 * every step.
 */
public record MeView(
    SubjectView subject,
    LocalDate asOf,
    List<MyRecord> records,
    List<MeasureView> measures,
    List<ReasonView> appointmentRestrictions,
    Optional<JsonNode> grade,
    List<Application> applications) {

  /**
   * One record of the file.
   *
   * @param published in force and within the list's maxPublication on asOf
   * @param repairable the list allows repair applications
   * @param repairFrom the first day a repair application may be filed (repairable lists)
   */
  public record MyRecord(
      RecordView record, boolean published, boolean repairable, Optional<LocalDate> repairFrom) {}

  /**
   * The answer to a steward's decision: the application as decided and the record with its new
   * status.
   */
  public record DecisionAnswer(Application application, RecordView record) {}
}
