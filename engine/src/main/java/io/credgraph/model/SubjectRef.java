package io.credgraph.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;

/**
 * A subject as answers name it, the one type the engine's answers (checks, paths, measures) and the
 * analysis answers (neighbourhoods, paths, owners, clusters) share: opaque id, kind, name and
 * natural key. The key of a person is personal data: as JSON a subject is {@code {"id", "kind",
 * "name"}} plus {@code uscc} for an organisation or the <em>masked</em> {@code idNumber} for a
 * person (API.md); the full key never leaves through serialisation. Callers allowed to see the full
 * number read {@link #key()} explicitly; {@link #toString()} shows only {@code name(id)}. Analysis
 * code that needs the node of a subject in a graph looks it up with {@code GraphView.node(id())}.
 */
public record SubjectRef(SubjectId id, SubjectKind kind, String name, @JsonIgnore SubjectKey key) {
  public SubjectRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
  }

  /** The organisation's USCC (public); empty for a person. */
  @JsonProperty("uscc")
  public Optional<String> uscc() {
    return key instanceof SubjectKey.Org o ? Optional.of(o.uscc().value()) : Optional.empty();
  }

  /**
   * The person's document number, masked ({@code 4420**********123X}); empty for an organisation.
   */
  @JsonProperty("idNumber")
  public Optional<String> maskedIdNumber() {
    return key.isPerson() ? Optional.of(key.masked()) : Optional.empty();
  }

  /**
   * The scheme of a subject keyed by an external id ({@code ftm}, {@code icij}); empty otherwise.
   */
  @JsonProperty("scheme")
  public Optional<String> scheme() {
    return key instanceof SubjectKey.External e ? Optional.of(e.scheme()) : Optional.empty();
  }

  /** The external id: public for an organisation, masked for a person (personal data). */
  @JsonProperty("externalId")
  public Optional<String> shownExternalId() {
    return key instanceof SubjectKey.External e
        ? Optional.of(kind == SubjectKind.PERSON ? e.masked() : e.externalId())
        : Optional.empty();
  }

  @Override
  public String toString() {
    return name + "(" + id + ")";
  }
}
