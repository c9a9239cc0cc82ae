package io.credgraph.engine;

import io.credgraph.rules.Domain;
import io.credgraph.rules.MeasureKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A measure that applies to a subject on the day asked about: which, in which domain, what kind, by
 * which rule and legal basis, because of which record(s), reaching the subject by which path, and
 * from and until when ({@code until} empty: open-ended, while the record stays in force).
 *
 * @param disputed the record is under objection (OBJECTED) on that day, and still in force
 */
public record MeasureHit(
    String measure,
    String title,
    Domain domain,
    MeasureKind kind,
    String department,
    String rule,
    String basis,
    List<String> records,
    String list,
    EvidencePath path,
    LocalDate from,
    Optional<LocalDate> until,
    boolean disputed) {
  public MeasureHit {
    Objects.requireNonNull(measure, "measure");
    records = List.copyOf(records);
    Objects.requireNonNull(path, "path");
    until = until == null ? Optional.empty() : until;
  }
}
