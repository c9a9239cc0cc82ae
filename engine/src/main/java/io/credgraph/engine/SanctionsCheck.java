package io.credgraph.engine;

import io.credgraph.rules.Domain;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The answer to a sanctions check: one result per subject asked about, in the order asked. */
public record SanctionsCheck(
    LocalDate asOf, Optional<Domain> domain, List<SanctionResult> results) {
  public SanctionsCheck {
    results = List.copyOf(results);
  }
}
