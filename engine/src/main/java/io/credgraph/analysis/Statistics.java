package io.credgraph.analysis;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.ListKind;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Counts for dashboards (DOMAIN.md 6.6): subjects, records in force and measures in force on a day,
 * grouped by list, department, district, industry or month. One pass over subjects and one over
 * records: O(subjects + records).
 *
 * <p>Measures come from the sanction engine through {@link MeasureSource}; without one, {@link
 * StatsReport#measures()} is false and measure counts are 0.
 */
public final class Statistics {
  /** The group key of a row for a subject without a district or industry. */
  public static final String UNKNOWN = "(unknown)";

  private final ListCatalogue catalogue;

  public Statistics(ListCatalogue catalogue) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
  }

  /**
   * What to group by. MONTH is the month a record took effect (effectiveFrom), as {@code YYYY-MM}.
   * GRADE is the credit grade on asOf of the subject holding the record (or bearing the measure);
   * its rows count as {@code subjects} every organisation of that grade, with records or not;
   * persons are not graded ({@value #UNKNOWN}).
   */
  public enum Dimension {
    LIST,
    DEPARTMENT,
    DISTRICT,
    INDUSTRY,
    MONTH,
    GRADE
  }

  /** The credit grade of an organisation on a day (DOMAIN.md 9), empty for persons. */
  @FunctionalInterface
  public interface GradeSource {
    /** No grading connected. */
    GradeSource NONE = (key, day) -> Optional.empty();

    Optional<String> gradeOf(SubjectKey key, LocalDate asOf);
  }

  /** Streams subjects; {@code GraphStore::forEachSubject} is one. */
  @FunctionalInterface
  public interface SubjectSource {
    void forEachSubject(Consumer<Subject> action);
  }

  /** The measures in force on a day, from the sanction engine. */
  @FunctionalInterface
  public interface MeasureSource {
    /** No sanction engine connected: no measures. */
    MeasureSource NONE = (day, action) -> {};

    void forEachMeasure(LocalDate asOf, Consumer<MeasureFact> action);
  }

  /** One measure in force on one subject, triggered by one record. */
  public record MeasureFact(SubjectKey subject, String recordId, String measure) {
    public MeasureFact {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(measure, "measure");
    }
  }

  /**
   * The counts.
   *
   * @param subjects subjects registered on or before asOf (or without a registration date), by kind
   * @param recordsInForce records in force by list kind
   * @param rows one per group key: by records descending (MONTH: by month)
   * @param measures whether a sanction engine supplied measures
   */
  public record StatsReport(
      LocalDate asOf,
      Dimension by,
      Map<SubjectKind, Long> subjects,
      Map<ListKind, Long> recordsInForce,
      long subjectsWithRecords,
      long measuresInForce,
      List<Row> rows,
      boolean measures) {
    public StatsReport {
      subjects = Map.copyOf(subjects);
      recordsInForce = Map.copyOf(recordsInForce);
      rows = List.copyOf(rows);
    }
  }

  /**
   * One group: records in force, distinct subjects holding them, and measures in force they
   * trigger.
   */
  public record Row(String key, long records, long subjects, long measures) {}

  public StatsReport compute(
      SubjectSource subjects,
      RecordSource records,
      MeasureSource measures,
      LocalDate asOf,
      Dimension by) {
    return compute(subjects, records, measures, GradeSource.NONE, asOf, by);
  }

  public StatsReport compute(
      SubjectSource subjects,
      RecordSource records,
      MeasureSource measures,
      GradeSource grades,
      LocalDate asOf,
      Dimension by) {
    Objects.requireNonNull(by, "by");
    Map<String, Set<SubjectKey>> graded = new HashMap<>();
    Map<SubjectKind, Long> byKind = new EnumMap<>(SubjectKind.class);
    Map<SubjectKey, String> place = new HashMap<>();
    subjects.forEachSubject(
        s -> {
          if (s.registeredOn().map(d -> !d.isAfter(asOf)).orElse(true)) {
            byKind.merge(s.kind(), 1L, Long::sum);
          }
          Optional<String> p =
              by == Dimension.DISTRICT
                  ? s.district()
                  : by == Dimension.INDUSTRY
                      ? s.industry()
                      : by == Dimension.GRADE
                              && s.kind() != SubjectKind.PERSON
                              && s.registeredOn().map(d -> !d.isAfter(asOf)).orElse(true)
                          ? grades.gradeOf(s.key(), asOf)
                          : Optional.empty();
          if (by == Dimension.GRADE) {
            p.ifPresent(g -> graded.computeIfAbsent(g, k -> new HashSet<>()).add(s.key()));
          }
          p.ifPresent(v -> place.put(s.key(), v));
        });
    Map<ListKind, Long> byListKind = new EnumMap<>(ListKind.class);
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Set<SubjectKey>> holders = new HashMap<>();
    Map<String, String> groupOfRecord = new HashMap<>();
    Set<SubjectKey> withRecords = new HashSet<>();
    records.forEachRecord(
        r -> {
          Optional<ListDefinition> def = catalogue.find(r.list());
          boolean objectedInForce = def.map(ListDefinition::objectedInForce).orElse(true);
          if (!r.inForceOn(asOf, objectedInForce)) {
            return;
          }
          def.ifPresent(d -> byListKind.merge(d.kind(), 1L, Long::sum));
          String key = key(by, r, place.get(r.subject()));
          groupOfRecord.put(r.id(), key);
          counts.computeIfAbsent(key, k -> new long[2])[0]++;
          holders.computeIfAbsent(key, k -> new HashSet<>()).add(r.subject());
          withRecords.add(r.subject());
        });
    long[] total = new long[1];
    boolean[] any = new boolean[1];
    measures.forEachMeasure(
        asOf,
        m -> {
          any[0] = true;
          total[0]++;
          String key = groupOfRecord.get(m.recordId());
          if (key == null) {
            key =
                by == Dimension.DISTRICT || by == Dimension.INDUSTRY || by == Dimension.GRADE
                    ? place.getOrDefault(m.subject(), UNKNOWN)
                    : UNKNOWN;
          }
          counts.computeIfAbsent(key, k -> new long[2])[1]++;
        });
    graded.forEach(
        (g, members) -> {
          counts.computeIfAbsent(g, k -> new long[2]);
          holders.computeIfAbsent(g, k -> new HashSet<>()).addAll(members);
        });
    List<Row> rows = new ArrayList<>();
    counts.forEach(
        (k, c) -> rows.add(new Row(k, c[0], holders.getOrDefault(k, Set.of()).size(), c[1])));
    rows.sort(
        by == Dimension.MONTH || by == Dimension.GRADE
            ? Comparator.comparing(Row::key)
            : Comparator.comparingLong((Row r) -> -r.records()).thenComparing(Row::key));
    return new StatsReport(
        asOf,
        by,
        new TreeMap<>(byKind),
        new TreeMap<>(byListKind),
        withRecords.size(),
        total[0],
        rows,
        any[0] || measures != MeasureSource.NONE);
  }

  private static String key(Dimension by, CreditRecord r, String place) {
    return switch (by) {
      case LIST -> r.list();
      case DEPARTMENT -> r.department();
      case DISTRICT, INDUSTRY, GRADE -> place == null ? UNKNOWN : place;
      case MONTH -> YearMonth.from(r.effectiveFrom()).toString();
    };
  }
}
