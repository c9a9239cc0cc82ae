package io.credgraph.api.view;

import io.credgraph.engine.Reason;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Why a person may not hold an office: the rule and its legal basis, the record (the first of
 * {@code records}), the list, the first and last day of the restriction ({@code restrictedUntil}
 * absent: while the record stays in force), whether the record is disputed, and the evidence path.
 */
public record ReasonView(
    String rule,
    String title,
    String basis,
    String record,
    List<String> records,
    String list,
    LocalDate restrictedFrom,
    Optional<LocalDate> restrictedUntil,
    boolean disputed,
    List<PathElement> path) {

  public static ReasonView of(Reason r, boolean unmasked) {
    return new ReasonView(
        r.rule(),
        r.title(),
        r.basis(),
        r.records().isEmpty() ? "" : r.records().get(0),
        r.records(),
        r.list(),
        r.restrictedFrom(),
        r.restrictedUntil(),
        r.disputed(),
        PathElement.of(r.path(), unmasked));
  }
}
