package io.credgraph.model;

import io.credgraph.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A credit subject (信用主体). Organisations carry a {@link SubjectKey.Org}, persons a {@link
 * SubjectKey.Person}. {@code id} is the opaque handle; it is assigned by the store when the subject
 * is first written, so a subject built from a batch line carries a candidate id that a store keeps
 * only when the key is new.
 *
 * @param attributes unknown fields of the exchange line, kept as strings
 * @param provenance every batch line that delivered this subject
 */
public record Subject(
    SubjectId id,
    SubjectKind kind,
    SubjectKey key,
    String name,
    Optional<LegalForm> legalForm,
    Optional<SubjectStatus> status,
    Optional<LocalDate> registeredOn,
    Optional<String> district,
    Optional<String> industry,
    Map<String, String> attributes,
    List<Provenance> provenance) {

  public Subject {
    require(id, "id");
    require(kind, "kind");
    require(key, "key");
    if (name == null || name.isBlank()) {
      throw new ValidationException("name", "a subject needs a name");
    }
    name = name.strip();
    if (kind == SubjectKind.PERSON && !key.mayBePerson()) {
      throw new ValidationException("kind", "a PERSON is keyed by idNumber, not by uscc");
    }
    if (kind != SubjectKind.PERSON && !key.mayBeOrganisation()) {
      throw new ValidationException("kind", "a " + kind + " is keyed by uscc, not by idNumber");
    }
    legalForm = legalForm == null ? Optional.empty() : legalForm;
    if (legalForm.isPresent() && kind != SubjectKind.ENTERPRISE) {
      throw new ValidationException(
          "legalForm", "legalForm applies to ENTERPRISE subjects only, not " + kind);
    }
    status = status == null ? Optional.empty() : status;
    registeredOn = registeredOn == null ? Optional.empty() : registeredOn;
    district = district == null ? Optional.empty() : district;
    industry = industry == null ? Optional.empty() : industry;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    provenance = provenance == null ? List.of() : List.copyOf(provenance);
  }

  /** A subject with only the required fields; for tests and fixtures. */
  public static Subject of(SubjectKind kind, SubjectKey key, String name) {
    return new Subject(
        SubjectId.random(),
        kind,
        key,
        name,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        List.of());
  }

  public static Subject person(String idNumber, String name) {
    return of(SubjectKind.PERSON, SubjectKey.resident(idNumber), name);
  }

  public static Subject company(String uscc, String name) {
    return of(SubjectKind.ENTERPRISE, SubjectKey.uscc(uscc), name).withLegalForm(LegalForm.COMPANY);
  }

  public Subject withId(SubjectId newId) {
    return new Subject(
        newId,
        kind,
        key,
        name,
        legalForm,
        status,
        registeredOn,
        district,
        industry,
        attributes,
        provenance);
  }

  public Subject withLegalForm(LegalForm form) {
    return new Subject(
        id,
        kind,
        key,
        name,
        Optional.of(form),
        status,
        registeredOn,
        district,
        industry,
        attributes,
        provenance);
  }

  public Subject withProvenance(List<Provenance> p) {
    return new Subject(
        id, kind, key, name, legalForm, status, registeredOn, district, industry, attributes, p);
  }

  /**
   * Whether the Company Law governs this subject's officers (an enterprise of legal form COMPANY).
   */
  public boolean isCompany() {
    return kind == SubjectKind.ENTERPRISE && legalForm.map(LegalForm::isCompany).orElse(false);
  }

  private static void require(Object o, String field) {
    if (o == null) {
      throw new ValidationException(field, "a subject needs a " + field);
    }
  }

  @Override
  public String toString() {
    return "Subject[" + id + " " + kind + " " + key + " " + name + "]";
  }
}
