package io.credgraph.api.requests;

import io.credgraph.ValidationException;
import io.credgraph.api.loop.Application;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/applications/{id}/decision}: UPHELD or DISMISSED for an objection, GRANTED or
 * REFUSED for a repair application, on a day (default today), with the reasons the subject will
 * read.
 */
public record DecisionRequest(
    Application.Outcome decision, Optional<LocalDate> on, List<String> reasons) {
  public DecisionRequest {
    if (decision == null) {
      throw new ValidationException(
          "decision",
          "decision is required: UPHELD or DISMISSED (objection), GRANTED or "
              + "REFUSED (repair)");
    }
    on = on == null ? Optional.empty() : on;
    reasons =
        reasons == null
            ? List.of()
            : reasons.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
    if (reasons.isEmpty()) {
      throw new ValidationException(
          "reasons", "reasons are required: at least one, the subject reads them");
    }
    if (reasons.stream().anyMatch(r -> r.length() > 4000)) {
      throw new ValidationException("reasons", "a reason is at most 4000 characters");
    }
  }
}
