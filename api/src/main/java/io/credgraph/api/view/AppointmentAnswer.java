package io.credgraph.api.view;

import io.credgraph.engine.AppointmentCheck;
import io.credgraph.rules.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The answer of an appointment check: whether the person may hold the role on {@code asOf}, every
 * reason against, the rules applied, and whether the Company Law governs the role (else the Market
 * Entity Registration Regulation).
 *
 * @param person the person as the store knows them; absent when unknown (then nothing restricts
 *     them)
 * @param key the person's key as asked, masked unless the caller may see ID numbers
 * @param checkId the reference of this check (and of its audit entry)
 */
public record AppointmentAnswer(
    boolean eligible,
    LocalDate asOf,
    Role role,
    KeyView key,
    Optional<SubjectView> person,
    Optional<SubjectView> enterprise,
    boolean companyLaw,
    List<String> rulesApplied,
    List<ReasonView> reasons,
    String checkId) {

  public static AppointmentAnswer of(AppointmentCheck c, boolean unmasked, String checkId) {
    return new AppointmentAnswer(
        c.eligible(),
        c.asOf(),
        c.role(),
        KeyView.of(c.key(), unmasked),
        c.person().map(p -> SubjectView.of(p, unmasked)),
        c.enterprise().map(e -> SubjectView.of(e, unmasked)),
        c.companyLaw(),
        c.rulesApplied(),
        c.reasons().stream().map(r -> ReasonView.of(r, unmasked)).toList(),
        checkId);
  }
}
