package io.credgraph.api.requests;

import io.credgraph.ValidationException;
import io.credgraph.api.view.SubjectRef;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Crime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/simulations}: a hypothetical record, in the fields of the exchange format's record line, and
 * the day to evaluate it on ({@code asOf}, default today). {@code decidedOn} defaults to {@code asOf}.
 */
public record SimulationRequest(SubjectRef subject, String list, Optional<String> id, Optional<String> department,
    Optional<String> decisionNo, Optional<String> basis, Optional<LocalDate> decidedOn,
    Optional<LocalDate> effectiveFrom, Optional<LocalDate> effectiveUntil, Optional<List<SubjectRef>> liablePersons,
    Optional<String> profession, Optional<Crime> crime, Optional<LocalDate> sentenceCompletedOn,
    Optional<LocalDate> probationEndsOn, Optional<LocalDate> politicalRightsDeprivedUntil,
    Optional<LocalDate> asOf) {
  public SimulationRequest {
    if (subject == null) {
      throw new ValidationException("subject", "subject is required: {\"uscc\": ...} or {\"idNumber\": ...}");
    }
    if (list == null || list.isBlank()) {
      throw new ValidationException("list", "list is required: a list code such as DISHONEST_JUDGMENT_DEBTOR");
    }
    id = id == null ? Optional.empty() : id;
    department = department == null ? Optional.empty() : department;
    decisionNo = decisionNo == null ? Optional.empty() : decisionNo;
    basis = basis == null ? Optional.empty() : basis;
    decidedOn = decidedOn == null ? Optional.empty() : decidedOn;
    effectiveFrom = effectiveFrom == null ? Optional.empty() : effectiveFrom;
    effectiveUntil = effectiveUntil == null ? Optional.empty() : effectiveUntil;
    liablePersons = liablePersons == null ? Optional.empty() : liablePersons;
    profession = profession == null ? Optional.empty() : profession;
    crime = crime == null ? Optional.empty() : crime;
    sentenceCompletedOn = sentenceCompletedOn == null ? Optional.empty() : sentenceCompletedOn;
    probationEndsOn = probationEndsOn == null ? Optional.empty() : probationEndsOn;
    politicalRightsDeprivedUntil = politicalRightsDeprivedUntil == null ? Optional.empty()
        : politicalRightsDeprivedUntil;
    asOf = asOf == null ? Optional.empty() : asOf;
  }

  /** The hypothetical record on {@code day} (its decision date when none is given). */
  public CreditRecord toRecord(LocalDate day, io.credgraph.store.GraphStore store) {
    LocalDate decided = decidedOn.orElse(day);
    return new CreditRecord(id.orElse("WHAT-IF"), subject.key(store), list.strip(), department.orElse("WHAT-IF"),
        decisionNo.orElse(""), basis.orElse(""), decided, effectiveFrom.orElse(decided), effectiveUntil,
        liablePersons.orElse(List.of()).stream().map(r -> r.key(store)).toList(), profession, crime,
        sentenceCompletedOn, probationEndsOn, politicalRightsDeprivedUntil, Map.of(), List.of(), List.of());
  }
}
