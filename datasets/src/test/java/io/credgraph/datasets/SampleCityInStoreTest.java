package io.credgraph.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Crime;
import io.credgraph.model.LegalForm;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.SubjectStatus;
import io.credgraph.store.GraphStore;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample city written into the in-memory reference store through the model types and the
 * storage SPI, one batch per file: every line becomes a valid model object, every reference is
 * there when it is written, and the stored city holds what the stories say (dated relations, status
 * histories, facts delivered twice kept once).
 */
class SampleCityInStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static GraphStore store;
  static Set<SubjectKey> subjectKeys = new HashSet<>();
  static Set<String> recordIds = new HashSet<>();
  static Set<Relation.Identity> relationIds = new HashSet<>();

  @BeforeAll
  static void load() throws IOException {
    store = InMemoryGraphStore.create();
    for (String batch : SampleCity.batches()) {
      String department = BatchFiles.department(batch).orElseThrow();
      List<WriteOp> ops = new ArrayList<>();
      List<String> lines = SampleCity.lines(batch);
      for (int i = 0; i < lines.size(); i++) {
        ops.add(
            op(JSON.readTree(lines.get(i)), new Provenance(department, batch, "sample", i + 1)));
      }
      store.write(new WriteBatch(ops));
    }
  }

  @Test
  void everySubjectRelationAndRecordIsStoredOnceWithNothingPending() {
    assertEquals(subjectKeys.size(), store.counts().subjects());
    assertEquals(relationIds.size(), store.counts().relations());
    assertEquals(recordIds.size(), store.counts().records());
    assertEquals(0, store.counts().pending());
  }

  @Test
  void legalRepresentativesChangeOnTheirDates() {
    SubjectKey revoked = key("中山市金辉灯饰有限公司");
    Map<String, Optional<LocalDate>> until =
        store
            .relations(
                revoked,
                GraphStore.Direction.INCOMING,
                Set.of(RelationType.LEGAL_REP),
                Optional.empty())
            .stream()
            .collect(Collectors.toMap(r -> name(r.from()), Relation::until));
    assertEquals(
        Map.of(
            "陈建国",
            Optional.of(LocalDate.of(2018, 12, 31)),
            "林志军",
            Optional.of(LocalDate.of(2020, 3, 31)),
            "林晓彤",
            Optional.empty()),
        until);
    List<Relation> onDecision =
        store.relations(
            revoked,
            GraphStore.Direction.INCOMING,
            Set.of(RelationType.LEGAL_REP),
            Optional.of(LocalDate.of(2019, 6, 10)));
    assertEquals(List.of("林志军"), onDecision.stream().map(r -> name(r.from())).toList());
  }

  @Test
  void statusHistoriesAreStoredAsDelivered() {
    CreditRecord objected = store.record("ZSCOURT-SX-2024-0014").orElseThrow();
    assertEquals(
        List.of(StatusEvent.OBJECTED, StatusEvent.ACTIVE),
        objected.history().stream().map(StatusChange::event).toList());
    CreditRecord restricted = store.record("ZSCOURT-XG-2023-0016").orElseThrow();
    SubjectKey released = key("杨泽民");
    assertTrue(restricted.releasedOn(released, LocalDate.of(2024, 1, 15)));
    assertTrue(!restricted.releasedOn(released, LocalDate.of(2024, 1, 14)));
    CreditRecord djd = store.record("ZSCOURT-SX-2023-0013").orElseThrow();
    assertTrue(djd.inForceOn(LocalDate.of(2025, 10, 31), true));
    assertTrue(!djd.inForceOn(LocalDate.of(2025, 11, 1), true));
  }

  @Test
  void aFactDeliveredByTwoDepartmentsIsOneFactWithTwoProvenances() {
    SubjectKey red = key("中山市恒通光电科技有限公司");
    Subject s = store.subject(red).orElseThrow();
    assertEquals(
        Set.of("MARKET_REGULATION", "TAX"),
        s.provenance().stream().map(Provenance::department).collect(Collectors.toSet()));
    List<Relation> reps =
        store.relations(
            red, GraphStore.Direction.INCOMING, Set.of(RelationType.LEGAL_REP), Optional.empty());
    assertEquals(1, reps.size());
    assertEquals(
        Set.of("MARKET_REGULATION", "TAX"),
        reps.get(0).provenance().stream().map(Provenance::department).collect(Collectors.toSet()));
  }

  private static SubjectKey key(String name) {
    List<SubjectKey> found = new ArrayList<>();
    store.forEachSubject(
        s -> {
          if (s.name().equals(name)) {
            found.add(s.key());
          }
        });
    assertEquals(1, found.size(), name);
    return found.get(0);
  }

  private static String name(SubjectKey k) {
    return store.subject(k).orElseThrow().name();
  }

  /**
   * A plain translation of one exchange line (the loader's job in production) into a write
   * operation.
   */
  private static WriteOp op(JsonNode n, Provenance p) {
    switch (n.get("type").asText()) {
      case "subject" -> {
        SubjectKey k = ExchangeChecker.key(n);
        subjectKeys.add(k);
        return new WriteOp.PutSubject(
            new Subject(
                SubjectId.random(),
                SubjectKind.valueOf(n.get("kind").asText()),
                k,
                n.get("name").asText(),
                opt(n, "legalForm").map(LegalForm::valueOf),
                opt(n, "status").map(SubjectStatus::valueOf),
                opt(n, "registeredOn").map(LocalDate::parse),
                opt(n, "district"),
                opt(n, "industry"),
                Map.of(),
                List.of(p)));
      }
      case "relation" -> {
        Map<String, String> attributes = new java.util.HashMap<>();
        for (String f : List.of("profession", "licenceNo", "position", "relation")) {
          opt(n, f).ifPresent(v -> attributes.put(f, v));
        }
        Relation r =
            new Relation(
                RelationType.valueOf(n.get("rel").asText()),
                ExchangeChecker.key(n.get("from")),
                ExchangeChecker.key(n.get("to")),
                LocalDate.parse(n.get("since").asText()),
                opt(n, "until").map(LocalDate::parse),
                n.has("ratio")
                    ? OptionalDouble.of(n.get("ratio").asDouble())
                    : OptionalDouble.empty(),
                attributes,
                List.of(p));
        relationIds.add(r.identity());
        return new WriteOp.PutRelation(r);
      }
      case "end" -> {
        return new WriteOp.EndRelation(
            RelationType.valueOf(n.get("rel").asText()),
            ExchangeChecker.key(n.get("from")),
            ExchangeChecker.key(n.get("to")),
            LocalDate.parse(n.get("until").asText()),
            p);
      }
      case "record" -> {
        List<SubjectKey> liable = new ArrayList<>();
        n.path("liablePersons").forEach(x -> liable.add(ExchangeChecker.key(x)));
        recordIds.add(n.get("id").asText());
        return new WriteOp.PutRecord(
            new CreditRecord(
                n.get("id").asText(),
                ExchangeChecker.key(n.get("subject")),
                n.get("list").asText(),
                n.get("department").asText(),
                n.get("decisionNo").asText(),
                n.get("basis").asText(),
                LocalDate.parse(n.get("decidedOn").asText()),
                opt(n, "effectiveFrom").map(LocalDate::parse).orElse(null),
                opt(n, "effectiveUntil").map(LocalDate::parse),
                liable,
                opt(n, "profession"),
                opt(n, "crime").map(Crime::valueOf),
                opt(n, "sentenceCompletedOn").map(LocalDate::parse),
                opt(n, "probationEndsOn").map(LocalDate::parse),
                opt(n, "politicalRightsDeprivedUntil").map(LocalDate::parse),
                Map.of(),
                List.of(),
                List.of(p)));
      }
      case "status" -> {
        Optional<SubjectKey> person =
            n.has("person") ? Optional.of(ExchangeChecker.key(n.get("person"))) : Optional.empty();
        return new WriteOp.AppendStatus(
            n.get("record").asText(),
            new StatusChange(
                StatusEvent.valueOf(n.get("status").asText()),
                LocalDate.parse(n.get("on").asText()),
                opt(n, "note"),
                person,
                p));
      }
      default -> throw new IllegalArgumentException("unknown line type in the sample: " + n);
    }
  }

  private static Optional<String> opt(JsonNode n, String field) {
    return n.has(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }
}
