package io.credgraph.api.requests;

import io.credgraph.ValidationException;
import io.credgraph.api.view.SubjectParam;
import io.credgraph.model.StatusEvent;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code POST /api/v1/records/{id}/status}: a dated change of a record's status, or a court's
 * release of one {@code person} (RELEASED).
 */
public record StatusRequest(
    StatusEvent status, LocalDate on, Optional<String> note, Optional<SubjectParam> person) {
  public StatusRequest {
    if (status == null) {
      throw new ValidationException(
          "status", "status is required (OBJECTED, ACTIVE, REPAIRED, REVOKED or RELEASED)");
    }
    if (on == null) {
      throw new ValidationException(
          "on", "on is required: the date the change takes effect (YYYY-MM-DD)");
    }
    note = note == null ? Optional.empty() : note;
    person = person == null ? Optional.empty() : person;
  }
}
