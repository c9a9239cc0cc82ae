package io.credgraph.api.view;

import io.credgraph.model.SubjectKey;
import java.util.Optional;

/**
 * A subject referred to by its natural key where the store may not hold it (a liable person named
 * in a record, a released person): the USCC, or the person's document number masked unless the
 * caller may see it.
 */
public record KeyView(
    Optional<String> uscc,
    Optional<String> idNumber,
    Optional<String> idType,
    Optional<String> scheme,
    Optional<String> externalId) {
  public static KeyView of(SubjectKey k, boolean unmasked) {
    if (k instanceof SubjectKey.Person p) {
      return new KeyView(
          Optional.empty(),
          Optional.of(unmasked ? p.idNumber() : p.masked()),
          SubjectKey.Person.RESIDENT_ID.equals(p.idType())
              ? Optional.empty()
              : Optional.of(p.idType()),
          Optional.empty(),
          Optional.empty());
    }
    if (k instanceof SubjectKey.External e) {
      // the kind of the subject is not known here (it may not be stored): masked like a person's
      // unless unmasked
      return new KeyView(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.of(e.scheme()),
          Optional.of(unmasked ? e.externalId() : e.masked()));
    }
    return new KeyView(
        Optional.of(((SubjectKey.Org) k).uscc().value()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
