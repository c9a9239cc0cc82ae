package io.credgraph.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectRef;
import io.credgraph.rules.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The answer to an appointment check: whether {@code person} may hold {@code role} (in {@code
 * enterprise}, or in a company when none is named) on {@code asOf}, with every reason against.
 *
 * @param key the person's key as asked (never serialised: it is personal data)
 * @param person the person's subject, empty when the store does not know the person (then nothing
 *     restricts them)
 * @param companyLaw whether the Company Law governs the role (a company, or no enterprise named);
 *     otherwise the Market Entity Registration Regulation does
 * @param rulesApplied the ids of the rules in force on asOf that cover this role, in catalogue
 *     order
 */
public record AppointmentCheck(
    @JsonIgnore SubjectKey key,
    Optional<SubjectRef> person,
    Role role,
    Optional<SubjectRef> enterprise,
    LocalDate asOf,
    boolean companyLaw,
    List<String> rulesApplied,
    boolean eligible,
    List<Reason> reasons) {
  public AppointmentCheck {
    rulesApplied = List.copyOf(rulesApplied);
    reasons = List.copyOf(reasons);
    if (eligible != reasons.isEmpty()) {
      throw new IllegalArgumentException("eligible exactly when there is no reason against");
    }
  }
}
