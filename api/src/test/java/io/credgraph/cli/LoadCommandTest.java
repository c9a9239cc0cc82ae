package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.datasets.SampleCity;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.model.SubjectKey;
import io.credgraph.rules.Role;
import io.credgraph.rules.RuleCatalogue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code credgraph load} on the sample city, with the page cache given on the command line. */
class LoadCommandTest {
  @TempDir Path tmp;

  @Test
  void loadsTheSampleCityWithAGivenPageCache() throws Exception {
    Path city = tmp.resolve("city");
    SampleCity.copyTo(city);
    Path data = tmp.resolve("data");
    int code =
        Main.commandLine()
            .execute(
                "load", city.toString(), "--data", data.toString(), "--page-cache", "32m", "-q");
    assertEquals(0, code, "a clean sample city loads without rejections");
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(data, EmbeddedNeo4jStore.Options.small())) {
      assertEquals(303, store.counts().subjects());
      assertTrue(
          store.subject(SubjectKey.resident("442000197704041173")).isPresent(),
          "吴海林 of the stories");
    }
  }

  /**
   * The first load into a new data directory goes through Neo4j's bulk importer and says so; the
   * next load into it is transactional; {@code --transactional} keeps a first load transactional.
   */
  @Test
  void aFirstLoadUsesTheBulkImporterAndTheNextOneTransactions() throws Exception {
    Path data = tmp.resolve("data");
    String first = firstLoadOfTheSampleCity(data);
    assertTrue(first.contains("Neo4j's bulk importer"), first);
    assertTrue(first.contains("bulk import: CSV written"), first);
    assertTrue(first.contains("store: 303 subjects"), first);
    assertTrue(java.nio.file.Files.exists(data.resolve("logs").resolve("bulk-import.log")));
    assertTrue(!java.nio.file.Files.exists(data.resolve(".bulk-import")), "no work directory left");

    Path more = oneMoreEnterprise(777_001);
    StringWriter second = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(second));
    assertEquals(0, cli.execute("load", more.toString(), "--data", data.toString(), "-q"));
    assertTrue(!second.toString().contains("bulk"), second.toString());
    assertTrue(second.toString().contains("303 subjects"), "opened the stored city: " + second);
    assertTrue(second.toString().contains("store: 304 subjects"), second.toString());

    StringWriter forced = new StringWriter();
    cli = Main.commandLine();
    cli.setOut(new PrintWriter(forced));
    assertEquals(
        0,
        cli.execute(
            "load", more.toString(), "--data", tmp.resolve("d2").toString(), "--transactional"));
    assertTrue(!forced.toString().contains("bulk"), forced.toString());
    assertTrue(forced.toString().contains("store: 1 subjects"), forced.toString());
  }

  /**
   * A bulk first load leaves the projection of what it loaded beside the database, stamped with it:
   * the engine starts from that file and answers as from the store; a later load makes it stale,
   * and the next start reads the store and says why.
   */
  @Test
  void aBulkLoadLeavesTheProjectionTheFirstStartReads() throws Exception {
    Path data = tmp.resolve("data");
    String first = firstLoadOfTheSampleCity(data);
    assertTrue(first.contains("the first serve starts from it"), first);
    Path file = data.resolve(RunningServer.PROJECTION);
    java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 3);
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(data, EmbeddedNeo4jStore.Options.small())) {
      CredgraphEngine fromFile = startFrom(store, file);
      assertTrue(fromFile.startedFrom().startsWith("the projection file"), fromFile.startedFrom());
      CredgraphEngine fromStore = CredgraphEngine.open(store);
      assertEquals(303, fromFile.snapshot().nodeCount());
      assertEquals(fromStore.snapshot().edgeCount(), fromFile.snapshot().edgeCount());
      int restricted = 0;
      for (int i = 0; i < fromStore.snapshot().nodeCount(); i++) {
        SubjectKey key = fromStore.snapshot().subject(i).key();
        if (key instanceof SubjectKey.Person) {
          var a = fromFile.checkAppointment(key, Role.LEGAL_REP, java.util.Optional.empty(), day);
          var b = fromStore.checkAppointment(key, Role.LEGAL_REP, java.util.Optional.empty(), day);
          assertEquals(b, a, "the answer about " + key.masked());
          restricted += a.eligible() ? 0 : 1;
        }
      }
      assertTrue(restricted > 0, "the sample city restricts some persons");
    }

    Path more = oneMoreEnterprise(777_002);
    assertEquals(0, Main.commandLine().execute("load", more.toString(), "--data", data.toString()));
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(data, EmbeddedNeo4jStore.Options.small())) {
      CredgraphEngine engine = startFrom(store, file);
      assertTrue(engine.startedFrom().startsWith("the store"), engine.startedFrom());
      assertEquals(304, engine.snapshot().nodeCount());
    }
  }

  /**
   * A data directory copied whole (a backup restored, a bench's copy) keeps its projection: the
   * first start of the copy reads the file, not the whole store, and answers as the original.
   */
  @Test
  void aCopiedDataDirectoryStartsFromItsProjection() throws Exception {
    Path data = tmp.resolve("data");
    firstLoadOfTheSampleCity(data);
    Path copy = tmp.resolve("restored");
    try (var paths = Files.walk(data)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Files.copy(p, copy.resolve(data.relativize(p).toString()));
      }
    }
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(copy, EmbeddedNeo4jStore.Options.small())) {
      CredgraphEngine engine = startFrom(store, copy.resolve(RunningServer.PROJECTION));
      assertTrue(engine.startedFrom().startsWith("the projection file"), engine.startedFrom());
      CredgraphEngine fromStore = CredgraphEngine.open(store);
      assertEquals(303, engine.snapshot().nodeCount());
      assertEquals(fromStore.snapshot().edgeCount(), engine.snapshot().edgeCount());
      java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 3);
      for (int i = 0; i < fromStore.snapshot().nodeCount(); i++) {
        SubjectKey key = fromStore.snapshot().subject(i).key();
        if (key instanceof SubjectKey.Person) {
          assertEquals(
              fromStore.checkAppointment(key, Role.DIRECTOR, java.util.Optional.empty(), day),
              engine.checkAppointment(key, Role.DIRECTOR, java.util.Optional.empty(), day),
              "the answer about " + key.masked());
        }
      }
    }
  }

  /** A store that was opened but never loaded (e.g. by a server) is replaced by a bulk import. */
  @Test
  void anEmptyStoreIsReplacedByABulkImport() throws Exception {
    Path city = tmp.resolve("city");
    SampleCity.copyTo(city);
    Path data = tmp.resolve("data");
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(data, EmbeddedNeo4jStore.Options.small())) {
      assertEquals(0, store.version());
    }
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("load", city.toString(), "--data", data.toString(), "-q"));
    assertTrue(out.toString().contains("is empty: loading in memory"), out.toString());
    assertTrue(out.toString().contains("store: 303 subjects"), out.toString());
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(data, EmbeddedNeo4jStore.Options.small())) {
      assertEquals(303, store.counts().subjects());
      assertTrue(store.subject(SubjectKey.resident("442000197704041173")).isPresent());
    }
  }

  @Test
  void aPageCacheThatIsNoSizeIsAUsageErrorNamingTheOption() {
    Path city = tmp.resolve("city");
    SampleCity.copyTo(city);
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute(
            "load",
            city.toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--page-cache",
            "3x");
    assertEquals(2, code);
    assertTrue(err.toString().contains("--page-cache"), err.toString());
    assertTrue(err.toString().contains("512m"), "says how to write a size: " + err);
  }

  /**
   * An offline load raises the WATCH alerts of the investigators who watch subjects in the data
   * directory (issue #15 item 2): 马六 is watched; a later batch puts a judgment-debtor record on him
   * (decided 2025-03-01), and the alert is in the watchlists when the server opens them again.
   */
  @Test
  void anOfflineLoadRaisesTheWatchAlertsOfTheDataDirectory() throws Exception {
    String person = io.credgraph.fixtures.Keys.withResidentCheck("44200019750505123");
    Path first = tmp.resolve("first.jsonl");
    java.nio.file.Files.writeString(
        first,
        "{\"type\":\"subject\",\"kind\":\"PERSON\",\"idNumber\":\""
            + person
            + "\",\"name\":\"马六\"}\n");
    Path data = tmp.resolve("data");
    assertEquals(
        0, Main.commandLine().execute("load", first.toString(), "--data", data.toString(), "-q"));
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(data, EmbeddedNeo4jStore.Options.small())) {
      io.credgraph.engine.CredgraphEngine engine = io.credgraph.engine.CredgraphEngine.open(store);
      io.credgraph.api.InvestigationBackend.open(
              engine, data.resolve("watchlists.json"), java.time.Clock.systemUTC())
          .watchlists()
          .watch("ana", java.util.List.of(SubjectKey.resident(person)));
    }
    Path second = tmp.resolve("002-court.jsonl");
    java.nio.file.Files.writeString(
        second,
        "{\"type\":\"record\",\"id\":\"ZSCOURT-2025-7001\",\"subject\":{\"idNumber\":\""
            + person
            + "\"},\"list\":\"DISHONEST_JUDGMENT_DEBTOR\",\"department\":\"COURT\","
            + "\"decisionNo\":\"（2025）粤2071执7001号\",\"basis\":\"《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条\","
            + "\"decidedOn\":\"2025-03-01\",\"effectiveFrom\":\"2025-03-01\"}\n");
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("load", second.toString(), "--data", data.toString(), "-q"));
    assertTrue(out.toString().contains("investigators watch subjects here"), out.toString());
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(data, EmbeddedNeo4jStore.Options.small())) {
      io.credgraph.engine.CredgraphEngine engine = io.credgraph.engine.CredgraphEngine.open(store);
      var alerts =
          io.credgraph.api.InvestigationBackend.open(
                  engine, data.resolve("watchlists.json"), java.time.Clock.systemUTC())
              .watchlists()
              .alerts("ana", java.util.Optional.empty(), 0, 10);
      assertEquals(1, alerts.size(), alerts.toString());
      assertEquals("ZSCOURT-2025-7001", alerts.get(0).event().recordId());
    }
  }

  /** Loads the sample city into the new data directory {@code data}; what the load printed. */
  private String firstLoadOfTheSampleCity(Path data) throws Exception {
    Path city = tmp.resolve("city");
    SampleCity.copyTo(city);
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("load", city.toString(), "--data", data.toString(), "-q"));
    return out.toString();
  }

  /** A batch of one enterprise the sample city does not have, number {@code n}. */
  private Path oneMoreEnterprise(int n) throws Exception {
    Path more = tmp.resolve("099-tax.jsonl");
    java.nio.file.Files.writeString(
        more,
        "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\""
            + io.credgraph.fixtures.Keys.usccText(n)
            + "\",\"name\":\"中山市后来商贸有限公司\"}\n");
    return more;
  }

  /** The engine as {@code serve} starts it: from the projection file when it is the store's. */
  private static CredgraphEngine startFrom(EmbeddedNeo4jStore store, Path file) {
    ListCatalogue lists = ListCatalogue.defaults();
    return CredgraphEngine.open(store, lists, RuleCatalogue.defaults(lists), file);
  }
}
