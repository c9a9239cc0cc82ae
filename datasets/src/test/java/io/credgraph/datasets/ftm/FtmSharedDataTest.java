package io.credgraph.datasets.ftm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.engine.MeasureHit;
import io.credgraph.engine.SanctionResult;
import io.credgraph.exchange.Rejection;
import io.credgraph.exchange.StoreSnapshot;
import io.credgraph.fixtures.SharedData;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.GraphStore;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenSanctions FtM fixtures in ../shared/data/ftm (CC BY-NC, not in the repository):
 * zala.ftm.json, the ZALA Aero / Kalashnikov network around Alexander Zakharov
 * (NK-aU5ybkbRFJucf8YMwsJvDw), and t1.ftm.json.
 */
@Tag(SharedData.TAG)
class FtmSharedDataTest {
  static final ListCatalogue LISTS = ListCatalogue.defaults();
  static final SubjectKey ZAKHAROV = SubjectKey.external("ftm", "NK-aU5ybkbRFJucf8YMwsJvDw");
  static final SubjectKey CST = SubjectKey.external("ftm", "NK-abdzbEBkqyT29GyREbiURZ");
  static final SubjectKey AEROSCAN = SubjectKey.external("ftm", "NK-iE6m5ryPeTAMZozfECVSL7");

  @TempDir Path dir;

  InMemoryGraphStore imported(
      String file, List<Rejection> rejections, FtmImporter.Summary[] summary) {
    FtmImporter.Summary s =
        new FtmImporter(FtmMapping.defaults(LISTS))
            .convert(SharedData.require("ftm/" + file), dir.resolve("batches"));
    summary[0] = s;
    InMemoryGraphStore store = InMemoryGraphStore.create();
    FtmRoundTripTest.load(store, s.batch(), rejections);
    return store;
  }

  @Test
  void zalaImportsWithItsCountsAndEveryLineAccepted() {
    List<Rejection> rejections = new ArrayList<>();
    FtmImporter.Summary[] s = new FtmImporter.Summary[1];
    InMemoryGraphStore store = imported("zala.ftm.json", rejections, s);
    assertEquals(91, s[0].entities(), s[0].text());
    assertEquals(17, s[0].subjects(), "6 persons and 11 companies: " + s[0].text());
    // 14 ownerships, 3 directorships, 4 family links; three Ownership statements of Zakharov in LLC
    // CST share
    // owner, asset and start date (2015-11-25): one relation, the one still open (51%), the two
    // others reported
    assertEquals(19, s[0].relations(), s[0].text());
    assertEquals(2, s[0].skipped().size(), s[0].skipped().toString());
    assertEquals(
        Set.of(
            "ru-770bdf5f22537fa2a94176f53fa87fe28ecf94fa",
            "ru-7f202fd87a7ec03404a36667672156628713531c"),
        Set.copyOf(s[0].skipped().stream().map(FtmImporter.Skipped::id).toList()),
        s[0].skipped().toString());
    assertEquals(List.of(), rejections, "every line loads");
    assertEquals(17, store.counts().subjects());
    assertEquals(19, store.counts().relations());
    assertEquals(0, store.counts().pending(), "the file is closed: no dangling reference");
    // 41 Sanction entities (39 FOREIGN_SANCTION, 2 FOREIGN_DEBARMENT by the Insolvency Service) and
    // 18 topics that no
    // Sanction entity covers (mostly debarment and corp.disqual of persons and companies)
    assertEquals(59, s[0].records(), s[0].text());
    assertEquals(59, store.counts().records());
    assertEquals(SubjectKind.PERSON, store.subject(ZAKHAROV).orElseThrow().kind());
  }

  @Test
  void anOwnershipIsFollowedWithItsRatioAndDates() {
    InMemoryGraphStore store =
        imported("zala.ftm.json", new ArrayList<>(), new FtmImporter.Summary[1]);
    // ru-159c785a...: Zakharov held 100% of Aeroscan from 2024-03-01 to 2024-03-24 (10,000 shares)
    List<Relation> held =
        store.relations(
            ZAKHAROV,
            GraphStore.Direction.OUTGOING,
            Set.of(RelationType.SHAREHOLDER),
            Optional.of(LocalDate.of(2024, 3, 10)));
    Relation aeroscan =
        held.stream().filter(r -> r.to().equals(AEROSCAN)).findFirst().orElseThrow();
    assertEquals(OptionalDouble.of(1.0), aeroscan.ratio());
    assertEquals(LocalDate.of(2024, 3, 1), aeroscan.since());
    assertEquals(Optional.of(LocalDate.of(2024, 3, 24)), aeroscan.until());
    assertEquals("10000", aeroscan.attributes().get("sharesCount"));
    assertEquals(
        "Limited Liability Company Aeroscan", store.subject(aeroscan.to()).orElseThrow().name());
    assertTrue(
        store
            .relations(
                ZAKHAROV,
                GraphStore.Direction.OUTGOING,
                Set.of(RelationType.SHAREHOLDER),
                Optional.of(LocalDate.of(2025, 6, 1)))
            .stream()
            .noneMatch(r -> r.to().equals(AEROSCAN)),
        "not in force after its endDate");
    Relation cst = held.stream().filter(r -> r.to().equals(CST)).findFirst().orElseThrow();
    assertEquals(
        OptionalDouble.of(0.51), cst.ratio(), "LLC CST: the 51% holding open since 2015-11-25");
    assertEquals(Optional.empty(), cst.until());
  }

  @Test
  void aForeignSanctionNoticeReachesACompanyThroughAnOwnership() {
    InMemoryGraphStore store =
        imported("zala.ftm.json", new ArrayList<>(), new FtmImporter.Summary[1]);
    CredgraphEngine engine = CredgraphEngine.open(store);
    // 2024-03-10: Zakharov (FOREIGN_SANCTION, GB FCDO since 2023-12-06) holds 100% of Aeroscan
    // (2024-03-01 to
    // 2024-03-24); the notice reaches Aeroscan through that Ownership, with the path Aeroscan <-
    // Zakharov
    SanctionResult r =
        engine
            .checkSanctions(List.of(AEROSCAN), Optional.empty(), LocalDate.of(2024, 3, 10))
            .results()
            .get(0);
    List<MeasureHit> via =
        r.measures().stream()
            .filter(
                m ->
                    m.rule().equals("FX-SANCTION")
                        && m.path().subjects().size() == 2
                        && m.path().subjects().get(1).key().equals(ZAKHAROV))
            .toList();
    assertFalse(via.isEmpty(), r.toString());
    assertFalse(r.restricted(), "a foreign list restricts nothing here");
  }

  @Test
  void t1ImportsAndExportsAndTheRoundTripKeepsTheGraph() {
    List<Rejection> rejections = new ArrayList<>();
    FtmImporter.Summary[] s = new FtmImporter.Summary[1];
    InMemoryGraphStore store = imported("t1.ftm.json", rejections, s);
    assertEquals(
        6, s[0].subjects(), "4 persons, 2 organisations; the address is skipped: " + s[0].text());
    assertEquals(
        6, s[0].records(), "six entities with topic sanction, no Sanction entity: " + s[0].text());
    assertEquals(List.of(), rejections);
    Path out = dir.resolve("t1-export.ftm.json");
    new FtmExporter(store, LISTS, true, LocalDate.of(2025, 6, 1)).export(out);
    InMemoryGraphStore again = InMemoryGraphStore.create();
    FtmRoundTripTest.load(
        again,
        new FtmImporter(FtmMapping.defaults(LISTS)).convert(out, dir.resolve("two")).batch(),
        rejections);
    assertEquals(List.of(), rejections);
    assertEquals(StoreSnapshot.graphOf(store), StoreSnapshot.graphOf(again));
  }

  @Test
  void zalaRoundTrips() {
    InMemoryGraphStore store =
        imported("zala.ftm.json", new ArrayList<>(), new FtmImporter.Summary[1]);
    Path out = dir.resolve("zala-export.ftm.json");
    new FtmExporter(store, LISTS, true, LocalDate.of(2025, 6, 1)).export(out);
    InMemoryGraphStore again = InMemoryGraphStore.create();
    List<Rejection> rejections = new ArrayList<>();
    FtmRoundTripTest.load(
        again,
        new FtmImporter(FtmMapping.defaults(LISTS)).convert(out, dir.resolve("two")).batch(),
        rejections);
    assertEquals(List.of(), rejections);
    assertEquals(StoreSnapshot.graphOf(store), StoreSnapshot.graphOf(again));
  }
}
