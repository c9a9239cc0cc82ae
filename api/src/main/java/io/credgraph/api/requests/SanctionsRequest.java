package io.credgraph.api.requests;

import io.credgraph.ValidationException;
import io.credgraph.api.view.SubjectParam;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.rules.Domain;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/checks/sanctions}: the measures that apply to each of {@code subjects} (1 to
 * 1,000) on {@code asOf}, in {@code domain} or all domains.
 */
public record SanctionsRequest(
    List<SubjectParam> subjects, Optional<Domain> domain, Optional<LocalDate> asOf) {
  public SanctionsRequest {
    if (subjects == null || subjects.isEmpty()) {
      throw new ValidationException(
          "subjects",
          "subjects is required: a list of {\"uscc\": ...} or " + "{\"idNumber\": ...}");
    }
    if (subjects.size() > CredgraphEngine.MAX_SANCTION_SUBJECTS) {
      throw new ValidationException(
          "subjects",
          "a sanctions check takes at most "
              + CredgraphEngine.MAX_SANCTION_SUBJECTS
              + " subjects, got "
              + subjects.size()
              + "; split the request");
    }
    for (int i = 0; i < subjects.size(); i++) {
      if (subjects.get(i) == null) {
        throw new ValidationException("subjects[" + i + "]", "a subject cannot be null");
      }
    }
    subjects = List.copyOf(subjects);
    domain = domain == null ? Optional.empty() : domain;
    asOf = asOf == null ? Optional.empty() : asOf;
  }
}
