package io.credgraph.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.StoreException;
import io.credgraph.datasets.synthetic.CityGenerator;
import io.credgraph.datasets.synthetic.GeneratorConfig;
import io.credgraph.exchange.BatchReport;
import io.credgraph.exchange.ExchangeLoader;
import io.credgraph.exchange.LoadOptions;
import io.credgraph.exchange.LoadReport;
import io.credgraph.exchange.RejectionFile;
import io.credgraph.exchange.StoreSnapshot;
import io.credgraph.fixtures.Keys;
import io.credgraph.model.Subject;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.GraphStore;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One synthetic city (with the generator's deliberate bad lines) loaded into a new embedded store
 * twice: in transactions (store A), and in memory then written by Neo4j's bulk importer (store B,
 * {@link BulkImport}). Both stores hold the same subjects, relations, records, pending facts,
 * checkpoints (in the same order) and version; the loads reject the same lines and find the same
 * conflicts; and a later load into the imported store is an ordinary transactional one that leaves
 * both stores alike again.
 */
class BulkImportTest {
  @TempDir static Path tmp;
  static Path city;

  @BeforeAll
  static void generate() throws Exception {
    city = tmp.resolve("city");
    new CityGenerator(GeneratorConfig.of(2_000, 1).withBadLineRate(0.002)).generate(city, p -> {});
    // a relation whose subject never arrives: it stays pending in the store
    Files.writeString(
        city.resolve("99-tax.jsonl"),
        "{\"type\":\"relation\",\"rel\":\"LEGAL_REP\",\"from\":{\"idNumber\":\""
            + Keys.residentText(19_999)
            + "\"},\"to\":{\"uscc\":\""
            + Keys.usccText(424_242)
            + "\"},\"since\":\"2020-01-01\"}\n");
  }

  @Test
  void aBulkImportedStoreEqualsATransactionallyLoadedOne() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    LoadReport viaTransactions;
    List<String> rejectedA;
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(a, EmbeddedNeo4jStore.Options.small())) {
      Path rejections = tmp.resolve("rejections-a.jsonl");
      try (RejectionFile file = RejectionFile.create(rejections)) {
        viaTransactions =
            new ExchangeLoader(store, LoadOptions.defaults().withRejections(file)).load(city, null);
      }
      rejectedA = Files.readAllLines(rejections);
    }

    assertTrue(BulkImport.isFresh(b));
    LoadReport viaImport;
    List<String> rejectedB;
    BulkImport.Result result;
    try (InMemoryGraphStore memory = InMemoryGraphStore.create()) {
      Path rejections = tmp.resolve("rejections-b.jsonl");
      try (RejectionFile file = RejectionFile.create(rejections)) {
        viaImport =
            new ExchangeLoader(memory, LoadOptions.defaults().withRejections(file))
                .load(city, null);
      }
      rejectedB = Files.readAllLines(rejections);
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      result = BulkImport.write(memory, b, log);
      assertTrue(
          log.toString(StandardCharsets.UTF_8).contains("IMPORT DONE"),
          "the importer's output: " + log);
    }
    assertFalse(BulkImport.isFresh(b));
    assertFalse(Files.exists(b.resolve(BulkImport.WORK)), "the work directory is removed");

    assertTrue(viaTransactions.rejected() > 0, "the city has bad lines");
    assertTrue(viaTransactions.conflicts() > 0, "and conflicts");
    assertTrue(viaTransactions.pendingInStore() > 0, "and a pending fact");
    assertEquals(rejectedA, rejectedB, "the same rejection file");
    assertEquals(outcomes(viaTransactions), outcomes(viaImport), "the same reports and conflicts");

    try (EmbeddedNeo4jStore storeA =
            EmbeddedNeo4jStore.open(a, EmbeddedNeo4jStore.Options.small());
        EmbeddedNeo4jStore storeB =
            EmbeddedNeo4jStore.open(b, EmbeddedNeo4jStore.Options.small())) {
      assertEquals(result.subjects(), storeB.counts().subjects());
      assertSame(storeA, storeB);
      Subject any = firstSubject(storeB);
      assertEquals(any, storeB.subject(any.id()).orElseThrow(), "subjects are found by id too");
      assertEquals(
          storeA.records(firstRecordHolder(storeA)).size(),
          storeB.records(firstRecordHolder(storeA)).size(),
          "records are linked to their subject");

      // a later load into the imported store is transactional, and both stores stay alike
      Path more = tmp.resolve("more");
      Files.createDirectories(more);
      String uscc = Keys.usccText(987_654);
      Files.writeString(
          more.resolve("20-market-regulation.jsonl"),
          "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\""
              + uscc
              + "\",\"name\":\"中山市后来五金有限公司\",\"legalForm\":\"COMPANY\",\"status\":\"ACTIVE\","
              + "\"registeredOn\":\"2024-01-02\"}\n"
              + "{\"type\":\"relation\",\"rel\":\"SHAREHOLDER\",\"from\":{\"uscc\":\""
              + any.key().canonical().substring("USCC:".length())
              + "\"},\"to\":{\"uscc\":\""
              + uscc
              + "\"},\"ratio\":0.5,\"since\":\"2024-01-02\"}\n"
              + "not json\n");
      for (GraphStore s : List.of(storeA, storeB)) {
        long before = s.version();
        LoadReport r = new ExchangeLoader(s, LoadOptions.defaults()).load(more, null);
        assertEquals(3, r.lines());
        assertEquals(1, r.rejected());
        assertTrue(s.version() > before, "the version moves on " + s.info().location());
      }
      assertSame(storeA, storeB);
    }
  }

  @Test
  void aDirectoryWithADatabaseIsNotImportedInto() {
    Path c = tmp.resolve("c");
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(c, EmbeddedNeo4jStore.Options.small())) {
      assertEquals(0, store.version());
    }
    assertFalse(BulkImport.isFresh(c));
    try (InMemoryGraphStore memory = InMemoryGraphStore.create()) {
      StoreException e =
          assertThrows(
              StoreException.class, () -> BulkImport.write(memory, c, new ByteArrayOutputStream()));
      assertTrue(e.getMessage().contains("transactionally"), e.getMessage());
    }
  }

  private static void assertSame(GraphStore a, GraphStore b) {
    assertEquals(a.counts(), b.counts());
    assertEquals(a.version(), b.version(), "the version");
    StoreSnapshot sa = StoreSnapshot.of(a);
    StoreSnapshot sb = StoreSnapshot.of(b);
    assertEquals(sa.subjects(), sb.subjects());
    assertEquals(sa.relations(), sb.relations());
    assertEquals(sa.records(), sb.records());
    assertEquals(sa.pending(), sb.pending());
    assertEquals(sa.checkpoints(), sb.checkpoints());
    assertEquals(
        a.checkpoints().stream().map(BatchCheckpoint::batchHash).toList(),
        b.checkpoints().stream().map(BatchCheckpoint::batchHash).toList(),
        "the checkpoints in the order the batches were first seen");
  }

  /**
   * Each batch's outcome without its timing. A conflict's sources are compared as a set: they are
   * listed in the order the store returns the facts involved, which is Neo4j's or the in-memory
   * store's own.
   */
  private static List<String> outcomes(LoadReport report) {
    List<String> out = new ArrayList<>();
    for (BatchReport r : report.batches()) {
      out.add(
          String.join(
              " ",
              r.name(),
              r.hash(),
              r.department(),
              String.valueOf(r.outcome()),
              String.valueOf(r.lines()),
              String.valueOf(r.accepted()),
              String.valueOf(r.rejected()),
              String.valueOf(r.pending()),
              String.valueOf(r.resolved()),
              String.valueOf(r.conflictsFound()),
              String.valueOf(
                  r.conflicts().stream()
                      .map(
                          c ->
                              c.kind()
                                  + " "
                                  + c.subject()
                                  + " "
                                  + c.on()
                                  + " "
                                  + c.detail()
                                  + " "
                                  + c.sources().stream().sorted().toList())
                      .toList()),
              String.valueOf(r.rejections())));
    }
    out.add("pending in store " + report.pendingInStore() + ", version " + report.storeVersion());
    return out;
  }

  private static Subject firstSubject(GraphStore store) {
    List<Subject> one = new ArrayList<>();
    store.forEachSubject(
        s -> {
          if (one.isEmpty() && s.kind().name().equals("ENTERPRISE")) {
            one.add(s);
          }
        });
    return one.get(0);
  }

  private static io.credgraph.model.SubjectKey firstRecordHolder(GraphStore store) {
    List<io.credgraph.model.SubjectKey> one = new ArrayList<>();
    store.forEachRecord(
        r -> {
          if (one.isEmpty()) {
            one.add(r.subject());
          }
        });
    return one.get(0);
  }
}
