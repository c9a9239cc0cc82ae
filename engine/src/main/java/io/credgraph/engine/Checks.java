package io.credgraph.engine;

import io.credgraph.NotFoundException;
import io.credgraph.ValidationException;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.rules.Domain;
import io.credgraph.rules.Role;
import io.credgraph.rules.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the two checks, each under the read lock: may a person hold a role (appointment check),
 * and which measures apply to many subjects (sanctions check).
 */
final class Checks {
  private final EngineState state;
  private final Explanations explain;
  private final Restrictions restrictions;
  private final Grading grading;

  Checks(EngineState state, Explanations explain, Restrictions restrictions, Grading grading) {
    this.state = state;
    this.explain = explain;
    this.restrictions = restrictions;
    this.grading = grading;
  }

  /** See {@link CredgraphEngine#checkAppointment}. */
  AppointmentCheck checkAppointment(
      SubjectKey person, Role role, Optional<SubjectKey> enterprise, LocalDate asOf) {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(asOf, "asOf");
    enterprise = enterprise == null ? Optional.empty() : enterprise;
    if (!person.mayBePerson()) {
      throw new ValidationException(
          "person", "an appointment check is about a person (idNumber), not " + person);
    }
    state.readLock();
    try {
      Projection p = state.p;
      int t = -1;
      boolean companyLaw = true;
      if (enterprise.isPresent()) {
        t = p.indexOf(enterprise.get());
        if (t < 0) {
          throw new NotFoundException(
              "enterprise "
                  + enterprise.get()
                  + " is not known; load it first or leave "
                  + "enterprise out to check against the rules for a company");
        }
        SubjectKind kind = p.kindOf(t);
        if (!role.relation().allows(SubjectKind.PERSON, kind)) {
          throw new ValidationException("role", "a person cannot be " + role + " of a " + kind);
        }
        companyLaw = restrictions.isCompanyLaw(t);
      }
      List<Rule> applied = restrictions.applicableRules(role, companyLaw, asOf);
      int ps = p.indexOf(person);
      if (ps >= 0 && p.kindOf(ps) != SubjectKind.PERSON) {
        throw new ValidationException(
            "person",
            "an appointment check is about a person; " + person + " is a " + p.kindOf(ps));
      }
      List<Reason> reasons =
          ps < 0
              ? List.of()
              : restrictions.appointmentReasons(
                  ps, applied, t, asOf, state.derivations.entries(ps));
      return new AppointmentCheck(
          person,
          ps < 0 ? Optional.empty() : Optional.of(explain.ref(ps)),
          role,
          t < 0 ? Optional.empty() : Optional.of(explain.ref(t)),
          asOf,
          companyLaw,
          applied.stream().map(Rule::id).toList(),
          reasons.isEmpty(),
          reasons);
    } finally {
      state.readUnlock();
    }
  }

  /** See {@link CredgraphEngine#checkSanctions}. */
  SanctionsCheck checkSanctions(
      List<SubjectKey> subjects, Optional<Domain> domain, LocalDate asOf) {
    Objects.requireNonNull(subjects, "subjects");
    Objects.requireNonNull(asOf, "asOf");
    domain = domain == null ? Optional.empty() : domain;
    if (subjects.size() > CredgraphEngine.MAX_SANCTION_SUBJECTS) {
      throw new ValidationException(
          "subjects",
          "a sanctions check takes at most "
              + CredgraphEngine.MAX_SANCTION_SUBJECTS
              + " subjects, got "
              + subjects.size()
              + "; split the request");
    }
    state.readLock();
    try {
      List<SanctionResult> out = new ArrayList<>(subjects.size());
      for (SubjectKey key : subjects) {
        Objects.requireNonNull(key, "subjects contains an empty entry");
        int s = state.p.indexOf(key);
        if (s < 0) {
          out.add(SanctionResult.of(key, Optional.empty(), List.of(), Optional.empty()));
          continue;
        }
        out.add(
            SanctionResult.of(
                key,
                Optional.of(explain.ref(s)),
                restrictions.measures(s, state.derivations.entries(s), domain, asOf),
                grading.gradeOf(s, asOf)));
      }
      return new SanctionsCheck(asOf, domain, out);
    } finally {
      state.readUnlock();
    }
  }
}
