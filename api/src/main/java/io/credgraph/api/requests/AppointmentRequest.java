package io.credgraph.api.requests;

import io.credgraph.ValidationException;
import io.credgraph.api.view.SubjectParam;
import io.credgraph.rules.Role;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code POST /api/v1/checks/appointment}: may {@code person} hold {@code role} (in {@code
 * enterprise}, a company when absent) on {@code asOf} (today in China Standard Time when absent)?
 */
public record AppointmentRequest(
    SubjectParam person, Role role, Optional<SubjectParam> enterprise, Optional<LocalDate> asOf) {
  public AppointmentRequest {
    if (person == null) {
      throw new ValidationException("person", "person is required: {\"idNumber\": ...}");
    }
    if (person.isUscc()) {
      throw new ValidationException(
          "person", "an appointment check is about a person: give idNumber, not uscc");
    }
    if (role == null) {
      throw new ValidationException(
          "role",
          "role is required (LEGAL_REP, DIRECTOR, SUPERVISOR, SENIOR_MANAGER or "
              + "MAIN_RESPONSIBLE)");
    }
    enterprise = enterprise == null ? Optional.empty() : enterprise;
    if (enterprise.isPresent() && enterprise.get().isIdNumber()) {
      throw new ValidationException(
          "enterprise", "the enterprise is given by uscc, not by idNumber");
    }
    asOf = asOf == null ? Optional.empty() : asOf;
  }
}
