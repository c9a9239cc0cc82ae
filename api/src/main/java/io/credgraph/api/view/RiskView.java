package io.credgraph.api.view;

import io.credgraph.engine.AssociatedRisk;
import java.util.List;
import java.util.Optional;

/**
 * Associated risk (关联风险): an investigative signal, never a sanction. {@code score} is the largest
 * severity of a BLACK record in force within three control hops, halved per hop; {@code source}
 * names the record, its holder and the path, absent when the score is 0.
 */
public record RiskView(double score, Optional<Source> source) {
  /** The record that gives the score. */
  public record Source(
      SubjectView holder,
      String record,
      String list,
      double severity,
      int hops,
      List<PathElement> path) {}

  public static RiskView of(AssociatedRisk r, boolean unmasked) {
    return new RiskView(
        r.score(),
        r.source()
            .map(
                s ->
                    new Source(
                        SubjectView.of(s.holder(), unmasked),
                        s.record(),
                        s.list(),
                        s.severity(),
                        s.hops(),
                        PathElement.of(s.path(), unmasked))));
  }
}
