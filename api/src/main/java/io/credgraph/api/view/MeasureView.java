package io.credgraph.api.view;

import io.credgraph.engine.MeasureHit;
import io.credgraph.rules.Domain;
import io.credgraph.rules.MeasureKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A measure that applies on the day asked about: which, in which domain, what kind, by which
 * department, rule and legal basis, because of which records, by which path, from and until when
 * ({@code until} absent: while the record stays in force), and whether the record is disputed.
 */
public record MeasureView(
    String measure,
    String title,
    Domain domain,
    MeasureKind kind,
    String department,
    String rule,
    String basis,
    List<String> records,
    String list,
    List<PathElement> path,
    LocalDate from,
    Optional<LocalDate> until,
    boolean disputed) {

  public static MeasureView of(MeasureHit m, boolean unmasked) {
    return new MeasureView(
        m.measure(),
        m.title(),
        m.domain(),
        m.kind(),
        m.department(),
        m.rule(),
        m.basis(),
        m.records(),
        m.list(),
        PathElement.of(m.path(), unmasked),
        m.from(),
        m.until(),
        m.disputed());
  }
}
