package io.credgraph.api.view;

import io.credgraph.NotFoundException;
import io.credgraph.ValidationException;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.GraphStore;
import java.util.Optional;

/**
 * A subject named in a request body, the one type every body uses (API.md); not to be confused with
 * {@link io.credgraph.model.SubjectRef}, a subject as answers name it: by the opaque subject id
 * this API hands out ({@code {"id": ...}}), or by natural key: {@code {"uscc": ...}}, {@code
 * {"idNumber": ...}} (with an optional {@code idType}), or for a subject from outside China's
 * registries {@code {"scheme": "ftm", "externalId": ...}}. Natural keys are checked when read: a
 * key that fails its check character is refused with the expected character.
 */
public record SubjectParam(
    Optional<String> id,
    Optional<String> uscc,
    Optional<String> idNumber,
    Optional<String> idType,
    Optional<String> scheme,
    Optional<String> externalId) {
  public SubjectParam {
    id = id == null ? Optional.empty() : id;
    uscc = uscc == null ? Optional.empty() : uscc;
    idNumber = idNumber == null ? Optional.empty() : idNumber;
    idType = idType == null ? Optional.empty() : idType;
    scheme = scheme == null ? Optional.empty() : scheme;
    externalId = externalId == null ? Optional.empty() : externalId;
    boolean ext = scheme.isPresent() || externalId.isPresent();
    int given =
        (id.isPresent() ? 1 : 0)
            + (uscc.isPresent() ? 1 : 0)
            + (idNumber.isPresent() ? 1 : 0)
            + (ext ? 1 : 0);
    if (given != 1) {
      throw new ValidationException(
          null,
          "a subject is given by exactly one of id, uscc, idNumber or " + "scheme+externalId");
    }
    if (idType.isPresent() && idNumber.isEmpty()) {
      throw new ValidationException("idType", "idType goes with idNumber");
    }
    if (ext && (scheme.isEmpty() || externalId.isEmpty())) {
      throw new ValidationException(
          scheme.isEmpty() ? "scheme" : "externalId",
          "an external key needs both scheme and externalId");
    }
    naturalKey(uscc, idNumber, idType, scheme, externalId);
  }

  /** By natural key. */
  public static SubjectParam of(SubjectKey key) {
    if (key instanceof SubjectKey.Org o) {
      return new SubjectParam(
          Optional.empty(),
          Optional.of(o.uscc().value()),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
    if (key instanceof SubjectKey.External e) {
      return new SubjectParam(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.of(e.scheme()),
          Optional.of(e.externalId()));
    }
    SubjectKey.Person p = (SubjectKey.Person) key;
    return new SubjectParam(
        Optional.empty(),
        Optional.empty(),
        Optional.of(p.idNumber()),
        Optional.of(p.idType()),
        Optional.empty(),
        Optional.empty());
  }

  /** The natural key given; empty when the subject is given by {@code id}. */
  public Optional<SubjectKey> naturalKey() {
    return naturalKey(uscc, idNumber, idType, scheme, externalId);
  }

  /** Whether the body names an organisation by USCC (for checks that want a person). */
  public boolean isUscc() {
    return uscc.isPresent();
  }

  /** Whether the body names a person by document number (for checks that want an organisation). */
  public boolean isIdNumber() {
    return idNumber.isPresent();
  }

  /**
   * The subject's key: the natural key given, or the key of the subject whose opaque id is given.
   *
   * @throws NotFoundException when an id is given that the store does not hold
   */
  public SubjectKey key(GraphStore store) {
    Optional<SubjectKey> k = naturalKey();
    if (k.isPresent()) {
      return k.get();
    }
    return store
        .subject(new SubjectId(id.get()))
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no subject with id "
                        + id.get()
                        + "; find subject ids with GET /api/v1/subjects?q="))
        .key();
  }

  private static Optional<SubjectKey> naturalKey(
      Optional<String> uscc,
      Optional<String> idNumber,
      Optional<String> idType,
      Optional<String> scheme,
      Optional<String> externalId) {
    if (uscc.isPresent()) {
      return Optional.of(SubjectKey.uscc(uscc.get()));
    }
    if (idNumber.isPresent()) {
      return Optional.of(SubjectKey.person(idType.orElse(null), idNumber.get()));
    }
    if (scheme.isPresent()) {
      return Optional.of(SubjectKey.external(scheme.get(), externalId.get()));
    }
    return Optional.empty();
  }
}
