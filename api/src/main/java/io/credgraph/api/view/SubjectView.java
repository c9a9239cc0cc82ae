package io.credgraph.api.view;

import io.credgraph.api.auth.Caller;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.SubjectRef;
import java.util.Optional;

/**
 * A subject in an answer (API.md): its opaque id, kind and name, the USCC of an organisation
 * (public), and a person's document number, masked unless the caller is INVESTIGATOR or above.
 *
 * @param idType only for persons identified by another document than the resident ID
 * @param scheme for subjects from outside China's registries (e.g. {@code ftm}): the scheme of
 *     their external id
 * @param externalId the external id: public for organisations, masked for persons unless the caller
 *     may see it
 */
public record SubjectView(
    String id,
    SubjectKind kind,
    String name,
    Optional<String> uscc,
    Optional<String> idNumber,
    Optional<String> idType,
    Optional<String> scheme,
    Optional<String> externalId) {

  /** The view of {@code s} for {@code caller}. */
  public static SubjectView of(Subject s, Caller caller) {
    return of(s, caller.seesIdNumbers());
  }

  /** The view of {@code s}, with a person's number in full only when {@code unmasked}. */
  public static SubjectView of(Subject s, boolean unmasked) {
    return of(s.id(), s.kind(), s.name(), s.key(), unmasked);
  }

  /**
   * The view of a subject as the engine names it (in check answers, paths, measures). Below
   * INVESTIGATOR a person carries no name, only the masked key: a key that knows an ID number must
   * not learn whose it is from a check.
   */
  public static SubjectView of(SubjectRef s, boolean unmasked) {
    String name = !unmasked && s.key() instanceof SubjectKey.Person p ? p.masked() : s.name();
    return of(s.id(), s.kind(), name, s.key(), unmasked);
  }

  static SubjectView of(
      io.credgraph.model.SubjectId id,
      SubjectKind kind,
      String name,
      SubjectKey k,
      boolean unmasked) {
    if (k instanceof SubjectKey.Person p) {
      return new SubjectView(
          id.value(),
          kind,
          name,
          Optional.empty(),
          Optional.of(unmasked ? p.idNumber() : p.masked()),
          SubjectKey.Person.RESIDENT_ID.equals(p.idType())
              ? Optional.empty()
              : Optional.of(p.idType()),
          Optional.empty(),
          Optional.empty());
    }
    if (k instanceof SubjectKey.External e) {
      boolean shown = unmasked || kind != SubjectKind.PERSON;
      return new SubjectView(
          id.value(),
          kind,
          name,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.of(e.scheme()),
          Optional.of(shown ? e.externalId() : e.masked()));
    }
    return new SubjectView(
        id.value(),
        kind,
        name,
        Optional.of(((SubjectKey.Org) k).uscc().value()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
