package io.credgraph.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.credgraph.model.SubjectKey;
import java.util.List;
import java.util.Optional;

/**
 * The measures that apply to one subject of a sanctions check.
 *
 * @param key the key as asked (serialised masked, as {@code query})
 * @param subject empty when the store does not know the key (then no measure applies)
 * @param restricted at least one RESTRICT measure applies
 */
public record SanctionResult(@JsonIgnore SubjectKey key, Optional<SubjectRef> subject, boolean restricted,
    List<MeasureHit> measures) {
  public SanctionResult {
    measures = List.copyOf(measures);
  }

  /** The key as asked, masked for a person. */
  @JsonProperty("query")
  public String maskedKey() {
    return key.masked();
  }
}
