package io.credgraph.datasets.ftm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.engine.MeasureHit;
import io.credgraph.engine.SanctionResult;
import io.credgraph.exchange.ExchangeLoader;
import io.credgraph.exchange.LoadListener;
import io.credgraph.exchange.LoadOptions;
import io.credgraph.exchange.LoadReport;
import io.credgraph.exchange.Rejection;
import io.credgraph.exchange.StoreSnapshot;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FollowTheMoney import and export on a small file the test writes in the OpenSanctions layout:
 * what each entity becomes, what is skipped and why, a dangling reference that waits, and import ->
 * export -> import giving the same graph. Asked on 2025-06-01.
 */
class FtmRoundTripTest {
  static final String USCC = "91442000MA4W1K2X3F";
  static final LocalDate DAY = LocalDate.of(2025, 6, 1);
  static final ListCatalogue LISTS = ListCatalogue.defaults();

  @TempDir Path dir;

  static final List<String> FTM =
      List.of(
          "{\"id\":\"NK-p1\",\"schema\":\"Person\",\"caption\":\"Alexander Z\",\"properties\":{\"name\":[\"Alexander Z\"],"
              + "\"topics\":[\"sanction\",\"poi\"],\"country\":[\"ru\"],\"birthDate\":[\"1965-09-21\"]},"
              + "\"first_seen\":\"2023-04-20T18:00:25\"}",
          "{\"id\":\"NK-p2\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Maria O\"],\"topics\":[\"debarment\"]},"
              + "\"first_seen\":\"2023-05-01T00:00:00\"}",
          "{\"id\":\"NK-c1\",\"schema\":\"Company\",\"caption\":\"LLC CST\",\"properties\":{\"name\":[\"LLC CST\"],"
              + "\"incorporationDate\":[\"2010-12-24\"],\"country\":[\"ru\"],\"registrationNumber\":[\"1107746\"]}}",
          "{\"id\":\"cn-uscc-"
              + USCC
              + "\",\"schema\":\"Company\",\"properties\":{\"name\":[\"中山市示例五金有限公司\"]}}",
          "{\"id\":\"NK-o1\",\"schema\":\"Organization\",\"properties\":{\"name\":[\"Drone Association\"]}}",
          "{\"id\":\"addr-1\",\"schema\":\"Address\",\"properties\":{\"full\":[\"Moscow\"]}}",
          "{\"id\":\"own-1\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"NK-p1\"],\"asset\":[\"NK-c1\"],"
              + "\"percentage\":[\"75\"],\"startDate\":[\"2020-01-10\"],\"sharesCount\":[\"7500\"]}}",
          "{\"id\":\"own-2\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"NK-c1\"],\"asset\":[\"cn-uscc-"
              + USCC
              + "\"],\"role\":[\"subsidiary of\"]}}",
          "{\"id\":\"own-3\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"NK-p2\"],\"asset\":[\"NK-c1\"],"
              + "\"percentage\":[\"n/a\"],\"startDate\":[\"2021-02-03\"],\"endDate\":[\"2023-03-02\"]}}",
          "{\"id\":\"dir-1\",\"schema\":\"Directorship\",\"properties\":{\"director\":[\"NK-p2\"],\"organization\":"
              + "[\"NK-c1\"],\"role\":[\"ГЕНЕРАЛЬНЫЙ ДИРЕКТОР\"],\"startDate\":[\"2017-10-23\"]}}",
          "{\"id\":\"dir-2\",\"schema\":\"Directorship\",\"properties\":{\"director\":[\"NK-p1\"],\"organization\":"
              + "[\"NK-o1\"],\"role\":[\"Leader or official of\"]}}",
          "{\"id\":\"fam-1\",\"schema\":\"Family\",\"properties\":{\"person\":[\"NK-p2\"],\"relative\":[\"NK-p1\"],"
              + "\"relationship\":[\"Family member of\"]}}",
          "{\"id\":\"ofac-1\",\"schema\":\"Sanction\",\"properties\":{\"entity\":[\"NK-p1\"],\"authority\":[\"OFAC\"],"
              + "\"program\":[\"RUSSIA-EO14024\"],\"listingDate\":[\"2022-03-15\"],\"reason\":[\"arms\"]}}",
          "{\"id\":\"uk-is-1\",\"schema\":\"Sanction\",\"properties\":{\"entity\":[\"NK-c9\"],\"authority\":"
              + "[\"The Insolvency Service\"],\"startDate\":[\"2019-01-01\"],\"endDate\":[\"2029-01-01\"]}}",
          "{\"id\":\"fam-2\",\"schema\":\"Family\",\"properties\":{\"person\":[\"NK-p2\"]}}",
          "{\"id\":\"broken\",\"schema\":",
          "");

  Path ftmFile() throws Exception {
    Path f = dir.resolve("sample.ftm.json");
    Files.write(f, FTM, StandardCharsets.UTF_8);
    return f;
  }

  static LoadReport load(GraphStore store, Path batch, List<Rejection> rejections) {
    return new ExchangeLoader(store, LoadOptions.defaults().withRejections(rejections::add))
        .load(batch, LoadListener.NONE);
  }

  @Test
  void entitiesBecomeSubjectsRelationsAndRecordsByTheDefaultMapping() throws Exception {
    FtmImporter.Summary s =
        new FtmImporter(FtmMapping.defaults(LISTS)).convert(ftmFile(), dir.resolve("out"));
    assertEquals(5, s.subjects(), s.text());
    assertEquals(6, s.relations(), s.text());
    assertEquals(3, s.records(), "two Sanction entities and NK-p2's debarment topic: " + s.text());
    assertEquals(
        2, s.skipped().size(), "the Family without a relative and the broken line: " + s.skipped());
    assertEquals(16, s.skipped().get(0).line(), s.skipped().toString());
    InMemoryGraphStore store = InMemoryGraphStore.create();
    List<Rejection> rejections = new ArrayList<>();
    load(store, s.batch(), rejections);
    assertEquals(List.of(), rejections);
    assertEquals(1, store.counts().pending(), "the sanction on NK-c9, not in the file, waits");

    SubjectKey p1 = SubjectKey.external("ftm", "NK-p1");
    SubjectKey c1 = SubjectKey.external("ftm", "NK-c1");
    Subject person = store.subject(p1).orElseThrow();
    assertEquals(SubjectKind.PERSON, person.kind());
    assertFalse(
        person.attributes().containsKey("birthDate"),
        "personal details beyond the name stay behind");
    Subject ours = store.subject(SubjectKey.uscc(USCC)).orElseThrow();
    assertEquals("中山市示例五金有限公司", ours.name(), "cn-uscc- ids are our own USCC keys");
    assertEquals(
        Optional.of(LocalDate.of(2010, 12, 24)), store.subject(c1).orElseThrow().registeredOn());

    Map<String, Relation> byFtmId = new TreeMap<>();
    store.forEachRelation(r -> byFtmId.put(r.attributes().get("ftmId"), r));
    assertEquals(OptionalDouble.of(0.75), byFtmId.get("own-1").ratio());
    assertEquals(
        OptionalDouble.empty(), byFtmId.get("own-2").ratio(), "no percentage: unknown, not 0");
    assertEquals(LocalDate.of(1900, 1, 1), byFtmId.get("own-2").since());
    assertEquals("true", byFtmId.get("own-2").attributes().get("datesUnknown"));
    assertEquals(OptionalDouble.empty(), byFtmId.get("own-3").ratio());
    assertEquals(
        "n/a",
        byFtmId.get("own-3").attributes().get("percentage"),
        "a percentage that is not one is kept");
    assertEquals(RelationType.DIRECTOR, byFtmId.get("dir-1").type());
    assertEquals(
        RelationType.LINKED_TO,
        byFtmId.get("dir-2").type(),
        "a role without a legal meaning: a link");
    assertEquals(RelationType.RELATIVE_OF, byFtmId.get("fam-1").type());
    assertEquals("Family member of", byFtmId.get("fam-1").attributes().get("relation"));

    assertEquals("FOREIGN_SANCTION", store.record("ofac-1").orElseThrow().list());
    assertEquals("RUSSIA-EO14024", store.record("ofac-1").orElseThrow().basis());
    assertTrue(
        store.record(FtmImporter.topicRecordId("NK-p1", "FOREIGN_SANCTION")).isEmpty(),
        "a topic already covered by a Sanction entity makes no second record");
    CreditRecord topic =
        store.record(FtmImporter.topicRecordId("NK-p2", "FOREIGN_DEBARMENT")).orElseThrow();
    assertEquals(
        LocalDate.of(2023, 5, 1), topic.decidedOn(), "a topic's record is dated when first seen");

    // the measure follows the 75% holding from the sanctioned person to LLC CST; the holding ended
    // in 2023 for NK-p2
    CredgraphEngine engine = CredgraphEngine.open(store);
    SanctionResult onCompany =
        engine.checkSanctions(List.of(c1), Optional.empty(), DAY).results().get(0);
    assertTrue(
        onCompany.measures().stream()
            .anyMatch(m -> m.rule().equals("FX-SANCTION") && m.path().subjects().size() == 2),
        onCompany.toString());
    assertFalse(onCompany.restricted(), "a foreign list restricts nothing");
  }

  @Test
  void importExportImportLeavesTheGraphUnchanged() throws Exception {
    FtmImporter importer = new FtmImporter(FtmMapping.defaults(LISTS));
    InMemoryGraphStore first = InMemoryGraphStore.create();
    load(first, importer.convert(ftmFile(), dir.resolve("one")).batch(), new ArrayList<>());
    load(
        first,
        write(
            "late.ftm.json",
            "{\"id\":\"NK-c9\",\"schema\":\"Company\",\"properties\":{\"name\":[\"C9\"]}}"),
        new ArrayList<>());
    Path exported = dir.resolve("export.ftm.json");
    FtmExporter.Summary e = new FtmExporter(first, LISTS, true, DAY).export(exported);
    assertEquals(first.counts().subjects(), e.subjects());
    InMemoryGraphStore second = InMemoryGraphStore.create();
    List<Rejection> rejections = new ArrayList<>();
    load(second, importer.convert(exported, dir.resolve("two")).batch(), rejections);
    assertEquals(List.of(), rejections);
    // the graph without what differs by construction: provenance and the random subject ids
    assertEquals(StoreSnapshot.graphOf(first), StoreSnapshot.graphOf(second));
  }

  @Test
  void thePublicExportMasksPersonsAndKeepsOnlyPublishedAndForeignEntries() throws Exception {
    InMemoryGraphStore store = InMemoryGraphStore.create();
    load(
        store,
        new FtmImporter(FtmMapping.defaults(LISTS)).convert(ftmFile(), dir.resolve("one")).batch(),
        new ArrayList<>());
    Path out = dir.resolve("public.ftm.json");
    new FtmExporter(store, LISTS, false, DAY).export(out);
    String text = Files.readString(out);
    assertFalse(
        text.contains("NK-p1") || text.contains("NK-p2"),
        "persons' external ids are not in the public export");
    ObjectMapper json = new ObjectMapper();
    String personId =
        "cn-subject-"
            + store.subject(SubjectKey.external("ftm", "NK-p1")).orElseThrow().id().value();
    boolean ownershipSeen = false;
    for (String line : Files.readAllLines(out)) {
      JsonNode n = json.readTree(line);
      if (n.path("id").asText().equals("own-1")) {
        ownershipSeen = true;
        assertEquals(personId, n.path("properties").path("owner").get(0).asText());
        assertEquals("75", n.path("properties").path("percentage").get(0).asText());
      }
      if (n.path("id").asText().equals("ofac-1")) {
        assertEquals(personId, n.path("properties").path("entity").get(0).asText());
      }
    }
    assertTrue(ownershipSeen, text);
    assertTrue(text.contains("\"id\":\"NK-c1\""), "organisations keep their ids");
  }

  @Test
  void anEditedMappingIsUsedAndABadOneIsRefusedWithItsEntry() throws Exception {
    String yaml =
        new String(
            FtmMapping.class.getResourceAsStream(FtmMapping.DEFAULT).readAllBytes(),
            StandardCharsets.UTF_8);
    Path edited = dir.resolve("mapping.yaml");
    // the user decides that OFAC's programmes are debarments, not sanctions
    Files.writeString(
        edited,
        yaml.replace(
            "  rules:\n",
            "  rules:\n    - {property: authority, match: \"^OFAC$\", "
                + "list: FOREIGN_DEBARMENT}\n"));
    FtmImporter.Summary s =
        new FtmImporter(FtmMapping.read(edited, LISTS)).convert(ftmFile(), dir.resolve("out"));
    InMemoryGraphStore store = InMemoryGraphStore.create();
    load(store, s.batch(), new ArrayList<>());
    assertEquals("FOREIGN_DEBARMENT", store.record("ofac-1").orElseThrow().list());

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, yaml.replace("sanction: FOREIGN_SANCTION", "sanction: GREY_LIST"));
    io.credgraph.ValidationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.credgraph.ValidationException.class, () -> FtmMapping.read(bad, LISTS));
    assertTrue(
        e.getMessage().contains("bad.yaml")
            && e.getMessage().contains("topics.sanction")
            && e.getMessage().contains("GREY_LIST"),
        e.getMessage());
  }

  private Path write(String name, String... lines) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, List.of(lines), StandardCharsets.UTF_8);
    return new FtmImporter(FtmMapping.defaults(LISTS)).convert(f, dir.resolve("late")).batch();
  }

  static boolean has(List<MeasureHit> hits, String rule) {
    return hits.stream().anyMatch(h -> h.rule().equals(rule));
  }
}
