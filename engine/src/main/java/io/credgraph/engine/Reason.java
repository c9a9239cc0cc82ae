package io.credgraph.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a person may not hold an office (or why an alert was raised): the rule, its legal basis, the
 * record(s), the evidence path, and the first and last day the restriction holds ({@code
 * restrictedUntil} empty: open-ended, while the record stays in force).
 *
 * @param disputed the record is under objection (OBJECTED) on the day asked about, and still in
 *     force
 */
public record Reason(
    String rule,
    String title,
    String basis,
    List<String> records,
    String list,
    EvidencePath path,
    LocalDate restrictedFrom,
    Optional<LocalDate> restrictedUntil,
    boolean disputed) {
  public Reason {
    Objects.requireNonNull(rule, "rule");
    records = List.copyOf(records);
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(restrictedFrom, "restrictedFrom");
    restrictedUntil = restrictedUntil == null ? Optional.empty() : restrictedUntil;
  }
}
