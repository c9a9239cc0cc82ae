package io.credgraph.model;

import io.credgraph.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A credit record (信用记录): one subject on one list, by one department's decision, with its status
 * history. Nothing is deleted: a status change appends to {@link #history()}.
 *
 * <p>List-specific fields are typed: {@code liablePersons} (LICENCE_REVOKED, ORDERED_CLOSED,
 * BANKRUPTCY_LIQUIDATED), {@code profession} (PRACTITIONER_MISCONDUCT), {@code crime}, {@code
 * sentenceCompletedOn}, {@code probationEndsOn}, {@code politicalRightsDeprivedUntil}
 * (CRIMINAL_PENALTY). Unknown fields stay in {@code attributes}.
 *
 * @param effectiveFrom defaults to {@code decidedOn}
 * @param history status changes in the order they were applied (dates never decrease)
 */
public record CreditRecord(
    String id,
    SubjectKey subject,
    String list,
    String department,
    String decisionNo,
    String basis,
    LocalDate decidedOn,
    LocalDate effectiveFrom,
    Optional<LocalDate> effectiveUntil,
    List<SubjectKey> liablePersons,
    Optional<String> profession,
    Optional<Crime> crime,
    Optional<LocalDate> sentenceCompletedOn,
    Optional<LocalDate> probationEndsOn,
    Optional<LocalDate> politicalRightsDeprivedUntil,
    Map<String, String> attributes,
    List<StatusChange> history,
    List<Provenance> provenance) {

  public CreditRecord {
    if (id == null || id.isBlank()) {
      throw new ValidationException("id", "a record needs its id from the issuing department");
    }
    id = id.strip();
    if (subject == null) {
      throw new ValidationException("subject", "a record needs the subject it belongs to");
    }
    if (list == null || list.isBlank()) {
      throw new ValidationException("list", "a record needs its list code");
    }
    if (department == null || department.isBlank()) {
      throw new ValidationException("department", "a record needs the department that issued it");
    }
    decisionNo = decisionNo == null ? "" : decisionNo;
    basis = basis == null ? "" : basis;
    if (decidedOn == null) {
      throw new ValidationException(
          "decidedOn", "a record needs the date of its decision (decidedOn)");
    }
    effectiveFrom = effectiveFrom == null ? decidedOn : effectiveFrom;
    effectiveUntil = effectiveUntil == null ? Optional.empty() : effectiveUntil;
    if (effectiveUntil.isPresent() && effectiveUntil.get().isBefore(effectiveFrom)) {
      throw new ValidationException(
          "effectiveUntil",
          "effectiveUntil " + effectiveUntil.get() + " is before effectiveFrom " + effectiveFrom);
    }
    liablePersons = liablePersons == null ? List.of() : List.copyOf(liablePersons);
    for (SubjectKey k : liablePersons) {
      if (!k.mayBePerson()) {
        throw new ValidationException(
            "liablePersons", "liablePersons lists persons (idNumber), not " + k);
      }
    }
    profession = profession == null ? Optional.empty() : profession;
    crime = crime == null ? Optional.empty() : crime;
    sentenceCompletedOn = sentenceCompletedOn == null ? Optional.empty() : sentenceCompletedOn;
    probationEndsOn = probationEndsOn == null ? Optional.empty() : probationEndsOn;
    politicalRightsDeprivedUntil =
        politicalRightsDeprivedUntil == null ? Optional.empty() : politicalRightsDeprivedUntil;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    history = history == null ? List.of() : List.copyOf(history);
    provenance = provenance == null ? List.of() : List.copyOf(provenance);
  }

  /** A record with the required fields only, ACTIVE, no history; for tests and fixtures. */
  public static CreditRecord of(
      String id, SubjectKey subject, String list, String department, LocalDate decidedOn) {
    return new CreditRecord(
        id,
        subject,
        list,
        department,
        "",
        "",
        decidedOn,
        decidedOn,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        List.of(),
        List.of());
  }

  /**
   * The status after the last change (ACTIVE without changes); never EXPIRED, which depends on a
   * date.
   */
  public RecordStatus status() {
    for (int i = history.size() - 1; i >= 0; i--) {
      RecordStatus s = history.get(i).event().status();
      if (s != null) {
        return s;
      }
    }
    return RecordStatus.ACTIVE;
  }

  /** The status on {@code day}: REVOKED on every day once revoked, EXPIRED after effectiveUntil. */
  public RecordStatus statusOn(LocalDate day) {
    if (status() == RecordStatus.REVOKED) {
      return RecordStatus.REVOKED;
    }
    RecordStatus s = RecordStatus.ACTIVE;
    for (StatusChange c : history) {
      if (c.on().isAfter(day)) {
        break;
      }
      if (c.event().status() != null) {
        s = c.event().status();
      }
    }
    if (s != RecordStatus.REPAIRED
        && effectiveUntil.isPresent()
        && day.isAfter(effectiveUntil.get())) {
      return RecordStatus.EXPIRED;
    }
    return s;
  }

  /**
   * In force on {@code day}: from effectiveFrom to effectiveUntil (inclusive), never when REVOKED,
   * up to the day before a repair, and while OBJECTED only if the list keeps disputed records in
   * force.
   */
  public boolean inForceOn(LocalDate day, boolean objectedStaysInForce) {
    if (day.isBefore(effectiveFrom)) {
      return false;
    }
    return switch (statusOn(day)) {
      case ACTIVE -> true;
      case OBJECTED -> objectedStaysInForce;
      case REPAIRED, REVOKED, EXPIRED -> false;
    };
  }

  /** The date of the repair, if the record was repaired. */
  public Optional<LocalDate> repairedOn() {
    return history.stream()
        .filter(c -> c.event() == StatusEvent.REPAIRED)
        .map(StatusChange::on)
        .findFirst();
  }

  /**
   * Whether a court released {@code person} from this record's measures on or before {@code day}.
   */
  public boolean releasedOn(SubjectKey person, LocalDate day) {
    return releaseDate(person).map(d -> !d.isAfter(day)).orElse(false);
  }

  public Optional<LocalDate> releaseDate(SubjectKey person) {
    return history.stream()
        .filter(
            c ->
                c.event() == StatusEvent.RELEASED
                    && c.person().orElse(null) != null
                    && c.person().get().equals(person))
        .map(StatusChange::on)
        .findFirst();
  }

  /**
   * This record with {@code change} applied. An identical change already in the history is a no-op
   * (idempotent loads); an impossible transition or a change dated before the last one is refused.
   */
  public CreditRecord withStatusChange(StatusChange change) {
    for (StatusChange c : history) {
      if (c.sameFact(change)) {
        return this;
      }
    }
    if (change.event() == StatusEvent.RELEASED
        && change.person().map(subject::equals).orElse(false)) {
      throw new ValidationException(
          "person",
          "record "
              + id
              + " is held by the person named: a release is for "
              + "persons reached through an organisation's record (DOMAIN.md 4); the holder's own record ends by its "
              + "status (REPAIRED, REVOKED) instead");
    }
    RecordStatus current = status();
    if (!StatusEvent.allowedFrom(current).contains(change.event())) {
      throw new ValidationException(
          "status",
          "record "
              + id
              + " is "
              + current
              + "; it cannot become "
              + change.event()
              + " (allowed: "
              + StatusEvent.allowedFrom(current)
              + ")");
    }
    if (!history.isEmpty() && change.event() != StatusEvent.RELEASED) {
      LocalDate last = history.get(history.size() - 1).on();
      if (change.on().isBefore(last)) {
        throw new ValidationException(
            "on",
            "status change of record "
                + id
                + " on "
                + change.on()
                + " is before its last change on "
                + last);
      }
    }
    if (change.on().isBefore(decidedOn)) {
      throw new ValidationException(
          "on",
          "status change of record "
              + id
              + " on "
              + change.on()
              + " is before its decision on "
              + decidedOn);
    }
    List<StatusChange> h = new ArrayList<>(history);
    h.add(change);
    return withHistory(h);
  }

  public CreditRecord withHistory(List<StatusChange> h) {
    return new CreditRecord(
        id,
        subject,
        list,
        department,
        decisionNo,
        basis,
        decidedOn,
        effectiveFrom,
        effectiveUntil,
        liablePersons,
        profession,
        crime,
        sentenceCompletedOn,
        probationEndsOn,
        politicalRightsDeprivedUntil,
        attributes,
        h,
        provenance);
  }

  public CreditRecord withProvenance(List<Provenance> p) {
    return new CreditRecord(
        id,
        subject,
        list,
        department,
        decisionNo,
        basis,
        decidedOn,
        effectiveFrom,
        effectiveUntil,
        liablePersons,
        profession,
        crime,
        sentenceCompletedOn,
        probationEndsOn,
        politicalRightsDeprivedUntil,
        attributes,
        history,
        p);
  }

  /** Same decision content (ignoring history and provenance): the same record delivered twice. */
  public boolean sameDecision(CreditRecord o) {
    return id.equals(o.id)
        && subject.equals(o.subject)
        && list.equals(o.list)
        && decidedOn.equals(o.decidedOn)
        && effectiveFrom.equals(o.effectiveFrom)
        && effectiveUntil.equals(o.effectiveUntil)
        && liablePersons.equals(o.liablePersons)
        && crime.equals(o.crime);
  }
}
