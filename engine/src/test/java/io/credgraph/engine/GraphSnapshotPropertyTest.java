package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import io.credgraph.analysis.GraphView;
import io.credgraph.analysis.Investigation;
import io.credgraph.analysis.SearchHit;
import io.credgraph.analysis.Statistics;
import io.credgraph.analysis.StoreGraphView;
import io.credgraph.analysis.SubjectSearch;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectStatus;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The engine's snapshot is the store, read through the in-memory graph: after random sequences of
 * writes through the engine (new subjects, renames, changes of kind and of registry attributes, new
 * and ended relations, records and their status changes; the events of {@link
 * IncrementalEqualsFullPropertyTest}), the snapshot holds exactly the subjects, relations,
 * adjacency and records a fresh read of the store gives; a snapshot taken earlier still holds
 * exactly what the store held then; and the search index carried from version to version answers as
 * an index built from scratch.
 */
class GraphSnapshotPropertyTest {
  private static final Provenance PROV = new Provenance("TEST", "snapshot", "", 0);
  private static final String[] QUERIES = {"E", "P1", "E2", "changed", "区", "ch", "公司", "新名"};

  @Property(tries = 120)
  void theSnapshotEqualsAFreshReadOfTheStoreAndEarlierSnapshotsStayFrozen(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = Integer.MAX_VALUE - 1) Integer> setup,
      @ForAll @Size(min = 1, max = 20)
          List<@IntRange(min = 0, max = Integer.MAX_VALUE - 1) Integer> events) {
    InMemoryGraphStore store = InMemoryGraphStore.create();
    CredgraphEngine engine = CredgraphEngine.open(store);
    IncrementalEqualsFullPropertyTest.World w = new IncrementalEqualsFullPropertyTest.World();
    engine.write(w.initial());
    WriteBatch.Builder b = WriteBatch.builder();
    for (int code : setup) {
      b.add(event(w, code));
    }
    try {
      engine.write(b.build());
    } catch (CredgraphException refused) {
      // an impossible status change in the setup: nothing of the batch was stored
    }
    GraphSnapshot first = engine.snapshot();
    String firstSeen = canonical(first);
    assertEquals(canonical(store), firstSeen, "the snapshot after the setup");
    SubjectSearch carried = SubjectSearch.index(first);
    for (int code : events) {
      try {
        engine.write(WriteBatch.of(event(w, code)));
      } catch (CredgraphException refused) {
        // the store refused an impossible event: nothing was written
      }
      GraphSnapshot now = engine.snapshot();
      assertEquals(canonical(store), canonical(now), "the snapshot after event " + code);
      carried = SubjectSearch.update(carried, now);
      SubjectSearch fresh = SubjectSearch.index(now);
      for (String q : QUERIES) {
        assertEquals(hits(fresh, q), hits(carried, q), "search '" + q + "' after event " + code);
      }
    }
    assertEquals(firstSeen, canonical(first), "a snapshot taken earlier does not move");
  }

  /** A rename and a new subject: the carried search finds the new names and not the old one. */
  @Example
  void theCarriedSearchFollowsRenamesAndNewSubjects() {
    InMemoryGraphStore store = InMemoryGraphStore.create();
    CredgraphEngine engine = CredgraphEngine.open(store);
    Investigation inv = new Investigation(engine::snapshot, ListCatalogue.defaults());
    SubjectKey alpha = EngineScenarios.orgKey(1);
    engine.write(
        WriteBatch.builder()
            .subject(Subject.of(io.credgraph.model.SubjectKind.ENTERPRISE, alpha, "华强电子有限公司"))
            .build());
    assertEquals(1, inv.search("华强", false, 10).size());
    engine.write(
        WriteBatch.builder()
            .subject(Subject.of(io.credgraph.model.SubjectKind.ENTERPRISE, alpha, "新名科技有限公司"))
            .subject(
                Subject.of(
                    io.credgraph.model.SubjectKind.ENTERPRISE,
                    EngineScenarios.orgKey(2),
                    "华强实业有限公司"))
            .build());
    assertEquals(List.of("华强实业有限公司"), names(inv.search("华强", false, 10)));
    assertEquals(List.of("新名科技有限公司"), names(inv.search("新名", false, 10)));
    assertEquals(2, inv.search("有限公司", false, 10).size());
    engine.write(
        WriteBatch.builder()
            .record(
                CreditRecord.of(
                    "R1", alpha, "DISHONEST_JUDGMENT_DEBTOR", "court", LocalDate.of(2024, 1, 2)))
            .build());
    assertEquals(1, inv.clusters(LocalDate.of(2024, 6, 30), 10).clusters().size());
    assertEquals(1, inv.stats(LocalDate.of(2024, 6, 30), Statistics.Dimension.LIST).rows().size());
  }

  private static List<String> names(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::name).toList();
  }

  private static List<String> hits(SubjectSearch s, String q) {
    return s.search(q, false, 50).stream()
        .map(h -> h.key() + " " + h.match() + " " + h.score())
        .toList();
  }

  /**
   * The setup and event codes of the engine's property test, plus changes of registry attributes.
   */
  private static WriteOp event(IncrementalEqualsFullPropertyTest.World w, int code) {
    if (code % 7 == 6 && !w.orgs.isEmpty()) {
      int v = code / 7;
      SubjectKey k = w.orgs.get(v % w.orgs.size());
      Subject s =
          new Subject(
              io.credgraph.model.SubjectId.random(),
              io.credgraph.model.SubjectKind.ENTERPRISE,
              k,
              v % 2 == 0 ? "新名" + (v % 5) : "E" + (v % 9),
              Optional.empty(),
              Optional.of(SubjectStatus.values()[v % SubjectStatus.values().length]),
              v % 3 == 0
                  ? Optional.empty()
                  : Optional.of(LocalDate.of(2010 + v % 10, 1 + v % 12, 1)),
              Optional.of("区" + (v % 4)),
              v % 5 == 0 ? Optional.empty() : Optional.of("I" + (v % 3)),
              Map.of(),
              List.of(PROV));
      return new WriteOp.PutSubject(s);
    }
    return w.event(code);
  }

  private static String canonical(InMemoryGraphStore store) {
    StoreGraphView v = StoreGraphView.load(store);
    List<Subject> subjects = new ArrayList<>();
    store.forEachSubject(subjects::add);
    List<CreditRecord> records = new ArrayList<>();
    store.forEachRecord(records::add);
    return canonical(v, subjects, records);
  }

  /** What a reader can see of {@code s}, by natural keys (for comparing two engines). */
  static String canonicalOf(GraphSnapshot s) {
    return canonical(s);
  }

  private static String canonical(GraphSnapshot s) {
    List<Subject> subjects = new ArrayList<>();
    s.forEachSubject(subjects::add);
    List<CreditRecord> records = new ArrayList<>();
    s.forEachRecord(records::add);
    for (CreditRecord r : records) {
      assertEquals(Optional.of(r), s.record(r.id()), "record " + r.id() + " found by its id");
    }
    return canonical(s, subjects, records);
  }

  /** Everything a reader can see, by natural keys (node and edge numbers differ between views). */
  private static String canonical(GraphView v, List<Subject> subjects, List<CreditRecord> records) {
    TreeSet<String> out = new TreeSet<>();
    for (int node = 0; node < v.nodeCount(); node++) {
      assertEquals(node, v.node(v.key(node)), "node by key");
      assertEquals(node, v.node(v.id(node)), "node by id");
      out.add("N " + v.key(node) + " " + v.id(node) + " " + v.kind(node) + " " + v.name(node));
      TreeSet<String> adj = new TreeSet<>();
      for (int i = 0; i < v.outDegree(node); i++) {
        int e = v.outEdge(node, i);
        assertEquals(node, v.edgeFrom(e));
        adj.add("out " + edge(v, e));
      }
      for (int i = 0; i < v.inDegree(node); i++) {
        int e = v.inEdge(node, i);
        assertEquals(node, v.edgeTo(e));
        adj.add("in " + edge(v, e));
      }
      out.add("A " + v.key(node) + " " + adj);
    }
    for (int e = 0; e < v.edgeCount(); e++) {
      out.add("E " + edge(v, e));
    }
    for (Subject s : subjects) {
      out.add(
          "S "
              + List.of(
                  s.id(),
                  s.kind(),
                  s.key(),
                  s.name(),
                  s.legalForm(),
                  s.status(),
                  s.registeredOn(),
                  s.district(),
                  s.industry()));
    }
    for (CreditRecord r : records) {
      out.add("R " + r);
    }
    assertTrue(out.size() > 0);
    return String.join("\n", out);
  }

  private static String edge(GraphView v, int e) {
    return v.key(v.edgeFrom(e))
        + " "
        + GraphView.relationType(v.edgeType(e))
        + " "
        + v.key(v.edgeTo(e))
        + " "
        + v.edgeSince(e)
        + ".."
        + v.edgeUntil(e)
        + " "
        + v.edgeRatio(e);
  }
}
