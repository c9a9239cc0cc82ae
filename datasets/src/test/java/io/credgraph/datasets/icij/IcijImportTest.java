package io.credgraph.datasets.icij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.ValidationException;
import io.credgraph.analysis.PathFinder;
import io.credgraph.analysis.PathResult;
import io.credgraph.analysis.StoreGraphView;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.exchange.ExchangeLoader;
import io.credgraph.exchange.LoadListener;
import io.credgraph.exchange.LoadOptions;
import io.credgraph.exchange.Rejection;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.GraphStore;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ICIJ Offshore Leaks CSV layout on a small sample the test writes (the real headers; quoted
 * fields with commas, quotes and a line break): nodes become subjects keyed by icij node id,
 * relationships LINKED_TO relations that paths follow, addresses attributes; a record on an officer
 * reaches nobody through them.
 */
class IcijImportTest {
  @TempDir Path dir;

  void write(String name, String... lines) throws Exception {
    Files.writeString(
        dir.resolve("csv").resolve(name),
        String.join("\r\n", lines) + "\r\n",
        StandardCharsets.UTF_8);
  }

  Path sample() throws Exception {
    Files.createDirectories(dir.resolve("csv"));
    write(
        "nodes-entities.csv",
        "node_id,name,original_name,former_name,jurisdiction,jurisdiction_description,company_type,address,"
            + "internal_id,incorporation_date,inactivation_date,struck_off_date,dorm_date,status,service_provider,"
            + "ibcRUC,country_codes,countries,note,valid_until,sourceID",
        "10000001,\"TIANSHAN, LIMITED\",,,BVI,British Virgin Islands,,,1001,23-MAR-2006,,,,Active,Mossack Fonseca,"
            + "25221,CHN,China,,The Panama Papers data is current through 2015,Panama Papers",
        "10000002,\"Blue \"\"Sky\"\" Holdings\",,,SAM,Samoa,,,1002,2011-07-04,,,,Defaulted,,,HKG,Hong Kong,"
            + "\"a note\nover two lines\",,Panama Papers");
    write(
        "nodes-officers.csv",
        "node_id,name,countries,country_codes,sourceID,valid_until,note",
        "12000001,WANG Wei,China,CHN,Panama Papers,,",
        "12000002,Nominee Services Ltd,Seychelles,SYC,Panama Papers,,",
        "12000003,,China,CHN,Panama Papers,,");
    write(
        "nodes-intermediaries.csv",
        "node_id,name,status,internal_id,address,countries,country_codes,sourceID,valid_until,note",
        "11000001,MOSSACK FONSECA & CO. (ASIA) LIMITED,ACTIVE,1,\"Hong Kong\",Hong Kong,HKG,Panama Papers,,");
    write(
        "nodes-addresses.csv",
        "node_id,address,name,countries,country_codes,sourceID,valid_until,note",
        "14000001,\"Room 1, 8/F, Central Building, Hong Kong\",,Hong Kong,HKG,Panama Papers,,");
    write(
        "relationships.csv",
        "node_id_start,node_id_end,rel_type,link,status,start_date,end_date,sourceID",
        "12000001,10000001,officer_of,shareholder of,,19-APR-2006,,Panama Papers",
        "12000002,10000002,officer_of,director of,,,,Panama Papers",
        "11000001,10000001,intermediary_of,intermediary of,,,,Panama Papers",
        "11000001,10000002,intermediary_of,intermediary of,,,,Panama Papers",
        "10000001,14000001,registered_address,registered address,,,,Panama Papers",
        "12000001,12000001,same_name_as,,,,,Panama Papers",
        "12000001,10000009,officer_of,beneficiary of,,01-JAN-2010,,Panama Papers",
        "12000001,10000001,officer_of");
    return dir.resolve("csv");
  }

  @Test
  void nodesAndRelationshipsBecomeTheInvestigationGraph() throws Exception {
    IcijImporter.Summary s = new IcijImporter().convert(sample(), dir.resolve("out"));
    assertEquals(2, s.subjects().get("entities"), s.text());
    assertEquals(2, s.subjects().get("officers"), s.text());
    assertEquals(1, s.subjects().get("intermediaries"), s.text());
    assertEquals(5, s.relations(), s.text());
    assertEquals(
        2, s.addresses(), "TIANSHAN by its registered address, the intermediary by its own column");
    assertEquals(
        3,
        s.skipped().size(),
        "the nameless officer, the self-link, the short row: " + s.skipped());
    assertTrue(
        s.skipped().stream()
            .anyMatch(
                k ->
                    k.file().equals("relationships.csv")
                        && k.line() == 9
                        && k.reason().contains("3 fields where the header has 8")),
        s.skipped().toString());

    InMemoryGraphStore store = InMemoryGraphStore.create();
    List<Rejection> rejections = new ArrayList<>();
    new ExchangeLoader(store, LoadOptions.defaults().withRejections(rejections::add))
        .load(s.batch(), LoadListener.NONE);
    assertEquals(List.of(), rejections);
    assertEquals(
        1, store.counts().pending(), "the link to entity 10000009, not in the sample, waits");

    Subject tianshan = store.subject(SubjectKey.external("icij", "10000001")).orElseThrow();
    assertEquals("TIANSHAN, LIMITED", tianshan.name());
    assertEquals(Optional.of(LocalDate.of(2006, 3, 23)), tianshan.registeredOn());
    assertEquals("Room 1, 8/F, Central Building, Hong Kong", tianshan.attributes().get("address"));
    assertEquals(
        "Blue \"Sky\" Holdings",
        store.subject(SubjectKey.external("icij", "10000002")).orElseThrow().name());
    assertEquals(
        SubjectKind.PERSON,
        store.subject(SubjectKey.external("icij", "12000001")).orElseThrow().kind());
    assertEquals(
        SubjectKind.ENTERPRISE,
        store.subject(SubjectKey.external("icij", "12000002")).orElseThrow().kind(),
        "an officer named like a company is an organisation");

    List<Relation> wang =
        store.relations(
            SubjectKey.external("icij", "12000001"),
            GraphStore.Direction.OUTGOING,
            Set.of(),
            Optional.empty());
    assertEquals(1, wang.size(), wang.toString());
    assertEquals(
        RelationType.LINKED_TO,
        wang.get(0).type(),
        "a leaked 'shareholder of' is a link, not a holding");
    assertEquals("shareholder of", wang.get(0).attributes().get("link"));
    assertEquals(LocalDate.of(2006, 4, 19), wang.get(0).since());
  }

  @Test
  void pathsFollowTheLinksAndNoSanctionDoes() throws Exception {
    IcijImporter.Summary s = new IcijImporter().convert(sample(), dir.resolve("out"));
    InMemoryGraphStore store = InMemoryGraphStore.create();
    ExchangeLoader loader = new ExchangeLoader(store, LoadOptions.defaults());
    loader.load(s.batch(), LoadListener.NONE);
    // 2024-05-01: WANG Wei is put on a foreign sanctions list; 2025-06-01 is asked
    Path rec = dir.resolve("rec.jsonl");
    Files.writeString(
        rec,
        "{\"type\":\"record\",\"id\":\"X-1\",\"subject\":{\"scheme\":\"icij\",\"externalId\":"
            + "\"12000001\"},\"list\":\"FOREIGN_SANCTION\",\"decidedOn\":\"2024-05-01\"}\n");
    loader.load(rec, LoadListener.NONE);
    CredgraphEngine engine = CredgraphEngine.open(store);
    SubjectKey company = SubjectKey.external("icij", "10000001");
    assertTrue(
        engine
            .checkSanctions(List.of(company), Optional.empty(), LocalDate.of(2025, 6, 1))
            .results()
            .get(0)
            .measures()
            .isEmpty(),
        "a LINKED_TO carries no measure to the company");
    assertFalse(
        engine
            .checkSanctions(
                List.of(SubjectKey.external("icij", "12000001")),
                Optional.empty(),
                LocalDate.of(2025, 6, 1))
            .results()
            .get(0)
            .measures()
            .isEmpty(),
        "the person's own notice");
    // WANG Wei - TIANSHAN - Mossack Fonseca - Blue Sky: a path of three links
    PathResult paths =
        new PathFinder(StoreGraphView.load(store))
            .find(
                id(store, "12000001"),
                id(store, "10000002"),
                new PathResult.Query(6, Set.of(), LocalDate.of(2025, 6, 1), 20));
    assertEquals(3, paths.hops(), paths.toString());
    assertEquals(
        List.of(
            "WANG Wei",
            "TIANSHAN, LIMITED",
            "MOSSACK FONSECA & CO. (ASIA) LIMITED",
            "Blue \"Sky\" Holdings"),
        paths.paths().get(0).subjects().stream().map(r -> r.name()).toList());
  }

  @Test
  void aFolderWithoutTheLayoutIsRefusedWithWhatIsMissing() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> new IcijImporter().convert(dir.resolve("empty"), dir.resolve("out")));
    assertTrue(e.getMessage().contains("nodes-entities.csv"), e.getMessage());
  }

  static SubjectId id(GraphStore store, String node) {
    return store.subject(SubjectKey.external("icij", node)).orElseThrow().id();
  }
}
