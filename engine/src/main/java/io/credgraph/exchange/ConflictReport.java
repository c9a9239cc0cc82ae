package io.credgraph.exchange;

import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.GraphStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The conflicts a store holds, computed from its data (nothing is stored besides the name
 * variants): the same key delivered with different names ({@link NameVariants}), two legal
 * representatives of one organisation on the same day, known shareholder ratios of one enterprise
 * summing above 1 on some day. A data steward corrects them by delivering corrected lines (an
 * {@code end} for the stale legal representative, the right name).
 *
 * <p>{@link #of(GraphStore)} scans every subject and relation once and holds the LEGAL_REP and
 * SHAREHOLDER relations grouped by organisation: O(subjects + relations) time, O(those relations)
 * memory. {@link #forSubject} answers for one subject with two relation queries.
 */
public record ConflictReport(List<Conflict> conflicts) {
  private static final double EPSILON = 1e-9;

  public ConflictReport {
    conflicts = List.copyOf(conflicts);
  }

  /** Every conflict in the store. */
  public static ConflictReport of(GraphStore store) {
    List<Conflict> out = new ArrayList<>();
    store.forEachSubject(s -> out.addAll(names(s)));
    Map<String, List<Relation>> reps = new HashMap<>();
    Map<String, List<Relation>> shares = new HashMap<>();
    store.forEachRelation(
        r -> {
          if (r.type() == RelationType.LEGAL_REP) {
            reps.computeIfAbsent(r.to().canonical(), k -> new ArrayList<>()).add(r);
          } else if (r.type() == RelationType.SHAREHOLDER && r.ratio().isPresent()) {
            shares.computeIfAbsent(r.to().canonical(), k -> new ArrayList<>()).add(r);
          }
        });
    reps.values().forEach(l -> out.addAll(legalRepOverlaps(l)));
    shares.values().forEach(l -> shareSum(l).ifPresent(out::add));
    out.sort(
        Comparator.comparing(Conflict::kind)
            .thenComparing(Conflict::subject)
            .thenComparing(Conflict::on));
    return new ConflictReport(out);
  }

  /** The conflicts about one subject. */
  public static ConflictReport forSubject(GraphStore store, SubjectKey key) {
    List<Conflict> out = new ArrayList<>();
    store.subject(key).ifPresent(s -> out.addAll(names(s)));
    if (!key.isPerson()
        && store.subject(key).map(s -> s.kind() != SubjectKind.PERSON).orElse(true)) {
      out.addAll(forOrganisation(store, key));
    }
    return new ConflictReport(out);
  }

  public List<Conflict> ofKind(Conflict.Kind kind) {
    return conflicts.stream().filter(c -> c.kind() == kind).toList();
  }

  public boolean isEmpty() {
    return conflicts.isEmpty();
  }

  static List<Conflict> forOrganisation(GraphStore store, SubjectKey org) {
    List<Conflict> out = new ArrayList<>();
    out.addAll(
        legalRepOverlaps(
            store.relations(
                org,
                GraphStore.Direction.INCOMING,
                Set.of(RelationType.LEGAL_REP),
                Optional.empty())));
    shareSum(
            store.relations(
                org,
                GraphStore.Direction.INCOMING,
                Set.of(RelationType.SHAREHOLDER),
                Optional.empty()))
        .ifPresent(out::add);
    return out;
  }

  static List<Conflict> names(Subject s) {
    List<NameVariants.Variant> v = NameVariants.of(s);
    if (v.size() < 2) {
      return List.of();
    }
    String names =
        v.stream().map(NameVariants.Variant::name).distinct().collect(Collectors.joining(" / "));
    return List.of(
        new Conflict(
            Conflict.Kind.NAME,
            s.key().masked(),
            "",
            "delivered under different names: " + names + " (kept: " + s.name() + ")",
            v.stream().map(NameVariants.Variant::source).toList()));
  }

  /** Pairs of different persons whose LEGAL_REP relations to one organisation overlap in time. */
  static List<Conflict> legalRepOverlaps(List<Relation> reps) {
    List<Conflict> out = new ArrayList<>();
    List<Relation> sorted =
        reps.stream()
            .filter(r -> r.type() == RelationType.LEGAL_REP)
            .sorted(Comparator.comparing(Relation::since).thenComparing(r -> r.from().canonical()))
            .toList();
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        Relation a = sorted.get(i);
        Relation b = sorted.get(j);
        if (a.from().equals(b.from())) {
          continue;
        }
        LocalDate start = b.since();
        LocalDate endA = a.until().orElse(LocalDate.MAX);
        LocalDate endB = b.until().orElse(LocalDate.MAX);
        LocalDate end = endA.isBefore(endB) ? endA : endB;
        if (!start.isAfter(end)) {
          out.add(
              new Conflict(
                  Conflict.Kind.LEGAL_REP_OVERLAP,
                  a.to().masked(),
                  start.toString(),
                  "two legal representatives at once: "
                      + a.from().masked()
                      + " (since "
                      + a.since()
                      + ") and "
                      + b.from().masked()
                      + " (since "
                      + b.since()
                      + "), both from "
                      + start
                      + (end.equals(LocalDate.MAX) ? "" : " to " + end),
                  sources(a, b)));
        }
      }
    }
    return out;
  }

  /** The first day on which the known SHAREHOLDER ratios of one enterprise sum above 1, if any. */
  static Optional<Conflict> shareSum(List<Relation> shares) {
    TreeMap<LocalDate, Double> delta = new TreeMap<>();
    List<Relation> known =
        shares.stream()
            .filter(r -> r.type() == RelationType.SHAREHOLDER && r.ratio().isPresent())
            .toList();
    for (Relation r : known) {
      delta.merge(r.since(), r.ratio().getAsDouble(), Double::sum);
      r.until()
          .filter(u -> !u.equals(LocalDate.MAX))
          .ifPresent(u -> delta.merge(u.plusDays(1), -r.ratio().getAsDouble(), Double::sum));
    }
    double sum = 0;
    for (Map.Entry<LocalDate, Double> e : delta.entrySet()) {
      sum += e.getValue();
      if (sum > 1 + EPSILON) {
        LocalDate day = e.getKey();
        List<Relation> holding = known.stream().filter(r -> r.inForceOn(day)).toList();
        return Optional.of(
            new Conflict(
                Conflict.Kind.SHARE_SUM,
                known.get(0).to().masked(),
                day.toString(),
                String.format(
                    "known shareholder ratios sum to %.4f on %s (%d shareholders)",
                    sum, day, holding.size()),
                sources(holding.toArray(Relation[]::new))));
      }
    }
    return Optional.empty();
  }

  private static List<String> sources(Relation... rels) {
    List<String> out = new ArrayList<>();
    for (Relation r : rels) {
      for (Provenance p : r.provenance()) {
        String s = p.department() + " " + p.batch() + ":" + p.line();
        if (!out.contains(s)) {
          out.add(s);
        }
      }
    }
    return out;
  }
}
