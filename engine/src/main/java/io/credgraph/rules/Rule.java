package io.credgraph.rules;

import io.credgraph.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A rule of the catalogue (DOMAIN.md section 5): when a record on one of the trigger's lists is in
 * force, the measures of each target apply to the subjects the target reaches, for the days of the
 * period.
 *
 * @param inForceFrom first day the rule itself applies (a check applies the rules in force on its
 *     asOf)
 * @param inForceUntil last day the rule itself applies
 * @param roles APPOINTMENT rules: the roles (and organisation forms) they restrict
 * @param exceptListedEnterprise APPOINTMENT rules: the restriction does not apply to roles in the
 *     enterprise that holds the record itself (EIP17: "any <em>other</em> enterprise")
 */
public record Rule(
    String id,
    String title,
    String basis,
    RuleScope scope,
    Optional<LocalDate> inForceFrom,
    Optional<LocalDate> inForceUntil,
    Trigger trigger,
    List<Target> targets,
    Period period,
    List<RoleScope> roles,
    boolean exceptListedEnterprise) {

  public Rule {
    if (id == null || !id.matches("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*")) {
      throw new ValidationException(
          "id", "rule id '" + id + "' must be upper-case words joined by '-' (CL146-1)");
    }
    if (title == null || title.isBlank()) {
      throw new ValidationException("title", "rule " + id + " needs a title");
    }
    basis = basis == null ? "" : basis.strip();
    if (scope == null) {
      throw new ValidationException(
          "scope", "rule " + id + " needs a scope (APPOINTMENT or SANCTION)");
    }
    inForceFrom = inForceFrom == null ? Optional.empty() : inForceFrom;
    inForceUntil = inForceUntil == null ? Optional.empty() : inForceUntil;
    if (inForceFrom.isPresent()
        && inForceUntil.isPresent()
        && inForceUntil.get().isBefore(inForceFrom.get())) {
      throw new ValidationException(
          "inForce.until",
          "rule "
              + id
              + " ends ("
              + inForceUntil.get()
              + ") before it starts ("
              + inForceFrom.get()
              + ")");
    }
    if (trigger == null) {
      throw new ValidationException("trigger", "rule " + id + " needs a trigger");
    }
    if (targets == null || targets.isEmpty()) {
      throw new ValidationException("targets", "rule " + id + " needs at least one target");
    }
    targets = List.copyOf(targets);
    period = period == null ? Period.record() : period;
    roles = roles == null ? List.of() : List.copyOf(roles);
    boolean restricts =
        scope == RuleScope.APPOINTMENT
            || targets.stream()
                .flatMap(t -> t.measures().stream())
                .anyMatch(m -> m.kind() == MeasureKind.RESTRICT);
    if (restricts && basis.isEmpty()) {
      throw new ValidationException(
          "basis", "rule " + id + " restricts, so it needs a legal basis (citation)");
    }
    if (scope == RuleScope.APPOINTMENT) {
      if (roles.isEmpty()) {
        throw new ValidationException(
            "roles", "appointment rule " + id + " needs the roles it restricts");
      }
      for (Target t : targets) {
        for (Measure m : t.measures()) {
          if (m.domain() != Domain.APPOINTMENT || m.kind() != MeasureKind.RESTRICT) {
            throw new ValidationException(
                "targets.measures",
                "appointment rule "
                    + id
                    + " may only use RESTRICT measures of domain APPOINTMENT, not "
                    + m.code());
          }
        }
      }
    } else {
      if (!roles.isEmpty()) {
        throw new ValidationException(
            "roles", "sanction rule " + id + " has no roles (only appointment rules do)");
      }
      if (exceptListedEnterprise) {
        throw new ValidationException(
            "exceptListedEnterprise",
            "only appointment rules can except the listed "
                + "enterprise; use notHolder on a target of sanction rule "
                + id);
      }
    }
  }

  /** Whether the rule itself is in force on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return inForceFrom.map(f -> !day.isBefore(f)).orElse(true)
        && inForceUntil.map(u -> !day.isAfter(u)).orElse(true);
  }

  /** The longest target path of this rule, in hops. */
  public int maxDepth() {
    return targets.stream().mapToInt(t -> t.via().size()).max().orElse(0);
  }
}
