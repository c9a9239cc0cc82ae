package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.credgraph.fixtures.Keys;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Crime;
import io.credgraph.model.LegalForm;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.SubjectRef;
import io.credgraph.rules.Domain;
import io.credgraph.rules.Role;
import io.credgraph.store.GraphStore;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine's behaviour as data: every scenario file under {@code scenarios/} (listed in {@code
 * scenarios/index.txt}) states its data (subjects by short reference, relations, records, later
 * events) and, for each check, the expected answer on each date. Each backend runs the same files
 * by extending this class with {@link #newStore()}.
 *
 * <p>Every scenario runs twice: FULL (everything written to the store, then the engine opened: full
 * propagation) and INCREMENTAL (the engine opened on the empty store, then every batch written
 * through it), so both propagation paths answer every case.
 *
 * <p>Expected items, compared as multisets (an unexpected extra reason fails as a missing one
 * does):
 *
 * <ul>
 *   <li>appointment: {@code RULE RECORD FROM..UNTIL [disputed]} ({@code open} for no end; {@code
 *       disputed} when the record is under objection on that day), or {@code eligible};
 *   <li>sanctions: {@code RULE MEASURE RECORD FROM..UNTIL [disputed] [via REF,REF,...]} (path from
 *       the subject to the holder), prefixed {@code WARNING} for a credit warning (listed apart
 *       from the measures), or {@code none};
 *   <li>alerts: {@code SUBJECT ROLE ORGANISATION RAISED} (sitting officers) or {@code SUBJECT
 *       ESCALATION RAISED};
 *   <li>risk: {@code SCORE RECORD via REF,...} or {@code none};
 *   <li>grade: {@code GRADE CONDITION,... RECORD,...} (just {@code B} when no condition set it), or
 *       {@code ungraded} for a person;
 *   <li>simulate: {@code REF RULE MEASURE} for measures, {@code REF RULE} for appointment
 *       restrictions, {@code officer REF ROLE ORG} for sitting officers it would make ineligible.
 * </ul>
 */
public abstract class EngineScenarios {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Provenance PROV = new Provenance("SCENARIO", "scenario", "", 0);

  /** A fresh, empty store of the backend under test. */
  protected abstract GraphStore newStore();

  @TestFactory
  Stream<DynamicNode> scenarios() {
    List<DynamicNode> files = new ArrayList<>();
    for (String file : index()) {
      JsonNode root = read(file);
      List<DynamicNode> modes = new ArrayList<>();
      for (String mode : List.of("FULL", "INCREMENTAL")) {
        modes.add(DynamicTest.dynamicTest(mode, () -> run(file, root, mode.equals("INCREMENTAL"))));
      }
      files.add(
          DynamicContainer.dynamicContainer(file + ": " + root.path("scenario").asText(), modes));
    }
    return files.stream();
  }

  private static List<String> index() {
    try (InputStream in = EngineScenarios.class.getResourceAsStream("/scenarios/index.txt")) {
      if (in == null) {
        throw new IllegalStateException("scenarios/index.txt is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String file) {
    try (InputStream in = EngineScenarios.class.getResourceAsStream("/scenarios/" + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "scenario file " + file + " listed in index.txt is missing");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("scenario " + file + ": " + e.getMessage(), e);
    }
  }

  private void run(String file, JsonNode root, boolean incremental) {
    GraphStore store = newStore();
    try {
      Refs refs = new Refs();
      List<WriteBatch> batches = new ArrayList<>();
      WriteBatch.Builder data = WriteBatch.builder();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("subjects").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        data.subject(refs.subject(e.getKey(), e.getValue()));
      }
      for (JsonNode r : root.path("relations")) {
        data.relation(relation(r, refs));
      }
      for (JsonNode r : root.path("records")) {
        data.record(record(r, refs));
      }
      batches.add(data.build());
      for (JsonNode ev : root.path("events")) {
        batches.add(WriteBatch.of(event(ev, refs)));
      }
      CredgraphEngine engine;
      if (incremental) {
        engine = CredgraphEngine.open(store);
        for (WriteBatch b : batches) {
          engine.write(b);
        }
      } else {
        for (WriteBatch b : batches) {
          store.write(b);
        }
        engine = CredgraphEngine.open(store);
      }
      int i = 0;
      for (JsonNode check : root.path("checks")) {
        i++;
        for (Iterator<Map.Entry<String, JsonNode>> it = check.path("expect").fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          LocalDate asOf = LocalDate.parse(e.getKey());
          List<String> expected = items(e.getValue());
          List<String> actual = answer(engine, check, refs, asOf);
          String what = file + " check #" + i + " " + describe(check) + " on " + asOf;
          compare(what, expected, actual);
        }
      }
    } finally {
      closeStore(store);
    }
  }

  /** Closes a store made by {@link #newStore()}. */
  protected void closeStore(GraphStore store) {
    store.close();
  }

  private static String describe(JsonNode check) {
    Map<String, Object> m = new LinkedHashMap<>();
    check
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("expect")) {
                m.put(e.getKey(), e.getValue());
              }
            });
    return m.toString();
  }

  private static List<String> items(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(x -> out.add(x.asText().strip()));
    } else {
      String s = v.asText().strip();
      if (!s.equals("eligible") && !s.equals("none")) {
        for (String part : s.split(";")) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  private static void compare(String what, List<String> expected, List<String> actualFull) {
    // an expected item without "via" is compared with the actual item's text before its path
    List<String> actual = new ArrayList<>();
    List<String> remaining = new ArrayList<>(actualFull);
    List<String> missing = new ArrayList<>();
    for (String exp : expected) {
      String found = null;
      for (String act : remaining) {
        String cmp =
            exp.contains(" via ") || !act.contains(" via ")
                ? act
                : act.substring(0, act.indexOf(" via "));
        if (cmp.equals(exp)) {
          found = act;
          break;
        }
      }
      if (found == null) {
        missing.add(exp);
      } else {
        remaining.remove(found);
        actual.add(found);
      }
    }
    if (!missing.isEmpty() || !remaining.isEmpty()) {
      fail(
          what
              + "\n  expected: "
              + expected
              + "\n  actual:   "
              + actualFull
              + "\n  missing:  "
              + missing
              + "\n  unexpected: "
              + remaining);
    }
    assertEquals(expected.size(), actual.size(), what);
  }

  // ------------------------------------------------------------------ answers as items

  private static List<String> answer(
      CredgraphEngine engine, JsonNode check, Refs refs, LocalDate asOf) {
    if (check.has("appointment")) {
      JsonNode a = check.path("appointment");
      Optional<SubjectKey> enterprise =
          a.has("enterprise")
              ? Optional.of(refs.key(a.path("enterprise").asText()))
              : Optional.empty();
      AppointmentCheck c =
          engine.checkAppointment(
              refs.key(a.path("person").asText()),
              Role.valueOf(a.path("role").asText()),
              enterprise,
              asOf);
      assertEquals(c.reasons().isEmpty(), c.eligible());
      return c.reasons().stream()
          .map(
              r ->
                  r.rule()
                      + " "
                      + String.join(",", r.records())
                      + " "
                      + r.restrictedFrom()
                      + ".."
                      + r.restrictedUntil().map(LocalDate::toString).orElse("open")
                      + (r.disputed() ? " disputed" : ""))
          .toList();
    }
    if (check.has("sanctions")) {
      JsonNode s = check.path("sanctions");
      Optional<Domain> domain =
          s.has("domain")
              ? Optional.of(Domain.valueOf(s.path("domain").asText()))
              : Optional.empty();
      SanctionsCheck c =
          engine.checkSanctions(List.of(refs.key(s.path("subject").asText())), domain, asOf);
      SanctionResult r = c.results().get(0);
      List<String> out = new ArrayList<>();
      r.measures().forEach(h -> out.add(sanctionItem(h, refs)));
      r.warnings().forEach(h -> out.add("WARNING " + sanctionItem(h, refs)));
      if (r.restricted()
              != r.measures().stream()
                  .anyMatch(h -> h.kind() == io.credgraph.rules.MeasureKind.RESTRICT)
          || r.warnings().stream()
              .anyMatch(h -> h.kind() != io.credgraph.rules.MeasureKind.WARNING)) {
        fail(
            "restricted must follow the RESTRICT measures only, and warnings hold only WARNING measures: "
                + r);
      }
      return out;
    }
    if (check.has("alerts")) {
      AlertKind kind = AlertKind.valueOf(check.path("alerts").asText());
      return engine.alerts(Optional.of(kind), asOf, Optional.empty()).stream()
          .map(
              a ->
                  kind == AlertKind.ESCALATION
                      ? refs.ref(a.subject()) + " ESCALATION " + a.raisedOn()
                      : refs.ref(a.subject())
                          + " "
                          + a.role().orElseThrow()
                          + " "
                          + refs.ref(a.organisation().orElseThrow())
                          + " "
                          + a.raisedOn())
          .toList();
    }
    if (check.has("grade")) {
      return engine
          .grade(refs.key(check.path("grade").asText()), asOf)
          .map(
              g ->
                  List.of(
                      (g.grade()
                              + " "
                              + String.join(",", g.conditions())
                              + " "
                              + String.join(",", g.records()))
                          .strip()))
          .orElse(List.of("ungraded"));
    }
    if (check.has("risk")) {
      AssociatedRisk r = engine.associatedRisk(refs.key(check.path("risk").asText()), asOf);
      return r.source()
          .map(
              s ->
                  List.of(
                      String.format(java.util.Locale.ROOT, "%.4f", r.score())
                          + " "
                          + s.record()
                          + " via "
                          + refs.path(s.path())))
          .orElse(List.of());
    }
    if (check.has("simulate")) {
      Simulation sim = engine.simulate(record(check.path("simulate"), refs), asOf);
      List<String> out = new ArrayList<>();
      for (Simulation.Impact i : sim.affected()) {
        String who = refs.ref(i.subject());
        i.measures().forEach(m -> out.add(who + " " + m.rule() + " " + m.measure()));
        i.appointmentRestrictions().forEach(r -> out.add(who + " " + r.rule()));
      }
      sim.sittingOfficers()
          .forEach(
              a ->
                  out.add(
                      "officer "
                          + refs.ref(a.subject())
                          + " "
                          + a.role().orElseThrow()
                          + " "
                          + refs.ref(a.organisation().orElseThrow())));
      return out;
    }
    throw new IllegalArgumentException("unknown check " + check);
  }

  private static String sanctionItem(MeasureHit h, Refs refs) {
    return h.rule()
        + " "
        + h.measure()
        + " "
        + String.join(",", h.records())
        + " "
        + h.from()
        + ".."
        + h.until().map(LocalDate::toString).orElse("open")
        + (h.disputed() ? " disputed" : "")
        + " via "
        + refs.path(h.path());
  }

  // ------------------------------------------------------------------ data

  private static Relation relation(JsonNode r, Refs refs) {
    Optional<LocalDate> until =
        r.has("until") ? Optional.of(LocalDate.parse(r.path("until").asText())) : Optional.empty();
    OptionalDouble ratio =
        r.has("ratio") ? OptionalDouble.of(r.path("ratio").asDouble()) : OptionalDouble.empty();
    return new Relation(
        RelationType.valueOf(r.path("rel").asText()),
        refs.key(r.path("from").asText()),
        refs.key(r.path("to").asText()),
        LocalDate.parse(r.path("since").asText()),
        until,
        ratio,
        Map.of(),
        List.of(PROV));
  }

  private static CreditRecord record(JsonNode r, Refs refs) {
    LocalDate decided = LocalDate.parse(r.path("decidedOn").asText());
    List<SubjectKey> liable = new ArrayList<>();
    r.path("liable").forEach(x -> liable.add(refs.key(x.asText())));
    return new CreditRecord(
        r.path("id").asText(),
        refs.key(r.path("subject").asText()),
        r.path("list").asText(),
        r.path("department").asText("SCENARIO"),
        "",
        "scenario basis",
        decided,
        date(r, "effectiveFrom").orElse(decided),
        date(r, "effectiveUntil"),
        liable,
        Optional.ofNullable(r.path("profession").asText(null)),
        r.has("crime") ? Optional.of(Crime.valueOf(r.path("crime").asText())) : Optional.empty(),
        date(r, "sentenceCompletedOn"),
        date(r, "probationEndsOn"),
        date(r, "politicalRightsDeprivedUntil"),
        attributes(r),
        List.of(),
        List.of(PROV));
  }

  /** A list's own fields kept as attributes (severity and penalty of ADMINISTRATIVE_PENALTY). */
  private static Map<String, String> attributes(JsonNode r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : List.of("severity", "penalty")) {
      if (r.has(f)) {
        out.put(f, r.path(f).asText());
      }
    }
    return out;
  }

  private static Optional<LocalDate> date(JsonNode n, String field) {
    return n.has(field) ? Optional.of(LocalDate.parse(n.path(field).asText())) : Optional.empty();
  }

  private static WriteOp event(JsonNode ev, Refs refs) {
    LocalDate on = LocalDate.parse(ev.path("on").asText());
    if (ev.has("status")) {
      return new WriteOp.AppendStatus(
          ev.path("status").asText(),
          new StatusChange(
              StatusEvent.valueOf(ev.path("to").asText()),
              on,
              Optional.empty(),
              Optional.empty(),
              PROV));
    }
    if (ev.has("release")) {
      return new WriteOp.AppendStatus(
          ev.path("release").asText(),
          new StatusChange(
              StatusEvent.RELEASED,
              on,
              Optional.empty(),
              Optional.of(refs.key(ev.path("person").asText())),
              PROV));
    }
    if (ev.has("end")) {
      JsonNode e = ev.path("end");
      return new WriteOp.EndRelation(
          RelationType.valueOf(e.get(0).asText()),
          refs.key(e.get(1).asText()),
          refs.key(e.get(2).asText()),
          on,
          PROV);
    }
    throw new IllegalArgumentException("unknown event " + ev);
  }

  /** Short references (P1, C1 ...) to generated, valid keys, and back. */
  static final class Refs {
    private final Map<String, SubjectKey> keys = new HashMap<>();
    private final Map<SubjectKey, String> names = new HashMap<>();

    Subject subject(String ref, JsonNode n) {
      SubjectKind kind = SubjectKind.valueOf(n.path("kind").asText());
      SubjectKey key = kind == SubjectKind.PERSON ? personKey(keys.size()) : orgKey(keys.size());
      keys.put(ref, key);
      names.put(key, ref);
      Subject s = Subject.of(kind, key, n.path("name").asText(ref));
      if (n.has("legalForm")) {
        s = s.withLegalForm(LegalForm.valueOf(n.path("legalForm").asText()));
      }
      return s.withProvenance(List.of(PROV));
    }

    SubjectKey key(String ref) {
      SubjectKey k = keys.get(ref);
      if (k == null) {
        throw new IllegalArgumentException(
            "unknown subject reference " + ref + " (declare it under subjects)");
      }
      return k;
    }

    String ref(SubjectRef s) {
      return names.getOrDefault(s.key(), "?" + s.name());
    }

    String path(EvidencePath p) {
      return p.subjects().stream().map(this::ref).collect(Collectors.joining(","));
    }
  }

  static SubjectKey personKey(int i) {
    return SubjectKey.resident(
        Keys.residentText("110101", LocalDate.of(1970, 1, 1).plusDays(i * 37L), i % 1000));
  }

  static SubjectKey orgKey(int i) {
    return SubjectKey.uscc(Keys.usccText("110000", i));
  }

  static List<String> sorted(List<String> l) {
    List<String> c = new ArrayList<>(l);
    Collections.sort(c);
    return c;
  }
}
