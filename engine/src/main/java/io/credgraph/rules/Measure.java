package io.credgraph.rules;

import io.credgraph.ValidationException;
import java.util.Objects;

/**
 * A measure (措施): what a department does to or for a subject. A {@link MeasureKind#RESTRICT}
 * measure needs a legal basis; without one it does not load.
 *
 * @param alert for ALERT measures, how the alert feed lists it; NOTICE otherwise
 */
public record Measure(
    String code,
    String title,
    Domain domain,
    MeasureKind kind,
    String department,
    String basis,
    AlertCategory alert) {

  public Measure {
    if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,63}")) {
      throw new ValidationException(
          "code", "measure code '" + code + "' must be upper-case letters, digits and _");
    }
    if (title == null || title.isBlank()) {
      throw new ValidationException("title", "measure " + code + " needs a title");
    }
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(kind, "kind");
    if (department == null || department.isBlank()) {
      throw new ValidationException(
          "department", "measure " + code + " needs the department that applies it");
    }
    basis = basis == null ? "" : basis.strip();
    if (kind == MeasureKind.RESTRICT && basis.isEmpty()) {
      throw new ValidationException(
          "basis", "measure " + code + " restricts, so it needs a legal basis");
    }
    alert = alert == null ? AlertCategory.NOTICE : alert;
    if (alert == AlertCategory.ESCALATION && kind != MeasureKind.ALERT) {
      throw new ValidationException(
          "alert", "only ALERT measures can be ESCALATION alerts; " + code + " is " + kind);
    }
  }
}
