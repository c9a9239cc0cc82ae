package io.credgraph.engine;

import io.credgraph.model.SubjectKey;
import java.util.List;
import java.util.Optional;

/**
 * The measures that apply to one subject of a sanctions check.
 *
 * @param subject empty when the store does not know the key (then no measure applies)
 * @param restricted at least one RESTRICT measure applies
 */
public record SanctionResult(SubjectKey key, Optional<SubjectRef> subject, boolean restricted,
    List<MeasureHit> measures) {
  public SanctionResult {
    measures = List.copyOf(measures);
  }
}
