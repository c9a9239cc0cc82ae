package io.credgraph.exchange;

import static io.credgraph.exchange.ExchangeLoaderTest.ENT;
import static io.credgraph.exchange.ExchangeLoaderTest.EXAMPLE;
import static io.credgraph.exchange.ExchangeLoaderTest.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.fixtures.Keys;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conflicts between departments are loaded, flagged in the load report and queryable afterwards
 * from the store (信息匹配和纠错机制).
 */
class ConflictTest {
  static final String LI = Keys.personText(4242);

  @TempDir Path dir;

  final InMemoryGraphStore store = InMemoryGraphStore.create();

  LoadReport load(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n");
    return new ExchangeLoader(store, LoadOptions.defaults().withChunkLines(2))
        .load(p, LoadListener.NONE);
  }

  static String person(String id, String name) {
    return "{\"type\":\"subject\",\"kind\":\"PERSON\",\"idNumber\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\"}";
  }

  static String rel(String rel, String person, String since, String extra) {
    return "{\"type\":\"relation\",\"rel\":\""
        + rel
        + "\",\"from\":{\"idNumber\":\""
        + person
        + "\"},"
        + "\"to\":{\"uscc\":\""
        + ENT
        + "\"},\"since\":\""
        + since
        + "\""
        + extra
        + "}";
  }

  @Test
  void theSameKeyWithAnotherNameKeepsBothNamesAndIsFlagged() throws IOException {
    load("market.jsonl", EXAMPLE[0]);
    LoadReport r = load("tax.jsonl", EXAMPLE[0].replace("中山市示例五金有限公司", "中山市示例五金制品有限公司"));

    Conflict c = r.batches().get(0).conflicts().get(0);
    assertEquals(Conflict.Kind.NAME, c.kind());
    assertEquals(ENT, c.subject());
    assertEquals(List.of("MARKET market.jsonl:1", "TAX tax.jsonl:1"), c.sources());

    Subject s = store.subject(SubjectKey.uscc(ENT)).orElseThrow();
    assertEquals("中山市示例五金制品有限公司", s.name(), "the latest delivery names the subject");
    assertEquals(
        List.of("中山市示例五金有限公司", "中山市示例五金制品有限公司"),
        NameVariants.of(s).stream().map(NameVariants.Variant::name).toList(),
        "no name is lost");

    ConflictReport report = ConflictReport.of(store);
    assertEquals(1, report.ofKind(Conflict.Kind.NAME).size());
    assertTrue(report.conflicts().get(0).detail().contains("中山市示例五金有限公司"));
    assertEquals(1, ConflictReport.forSubject(store, SubjectKey.uscc(ENT)).conflicts().size());
  }

  @Test
  void twoLegalRepresentativesAtOnceAreFlaggedFromTheFirstCommonDay() throws IOException {
    LoadReport r =
        load(
            "market.jsonl",
            EXAMPLE[0],
            EXAMPLE[1],
            person(LI, "李四"),
            rel("LEGAL_REP", ZHANG, "2016-04-12", ",\"until\":\"2020-12-31\""),
            rel("LEGAL_REP", LI, "2020-06-01", ""));

    List<Conflict> flagged = r.batches().get(0).conflicts();
    assertEquals(1, flagged.size(), flagged.toString());
    Conflict c = flagged.get(0);
    assertEquals(Conflict.Kind.LEGAL_REP_OVERLAP, c.kind());
    assertEquals("2020-06-01", c.on());
    assertTrue(c.detail().contains("to 2020-12-31"), c.detail());
    assertTrue(!c.detail().contains(ZHANG), "persons are masked: " + c.detail());
    assertEquals(2, store.counts().relations(), "both relations are stored");
    assertEquals(1, ConflictReport.of(store).ofKind(Conflict.Kind.LEGAL_REP_OVERLAP).size());

    // the steward's correction: the first representative's term ended before the second began
    load(
        "market-fix.jsonl",
        "{\"type\":\"end\",\"rel\":\"LEGAL_REP\",\"from\":{\"idNumber\":\""
            + ZHANG
            + "\"},\"to\":{\"uscc\":\""
            + ENT
            + "\"},\"until\":\"2020-05-31\"}");
    assertEquals(
        1,
        ConflictReport.of(store).conflicts().size(),
        "an end does not shorten a relation that already ended: the conflict stays until redelivered");
  }

  @Test
  void successiveLegalRepresentativesAreNoConflict() throws IOException {
    LoadReport r =
        load(
            "market.jsonl",
            EXAMPLE[0],
            EXAMPLE[1],
            person(LI, "李四"),
            rel("LEGAL_REP", ZHANG, "2016-04-12", ",\"until\":\"2020-05-31\""),
            rel("LEGAL_REP", LI, "2020-06-01", ""));
    assertTrue(r.batches().get(0).conflicts().isEmpty());
    assertTrue(ConflictReport.of(store).isEmpty());
  }

  @Test
  void shareholderRatiosAboveOneOnSomeDayAreFlagged() throws IOException {
    LoadReport r =
        load(
            "market.jsonl",
            EXAMPLE[0],
            EXAMPLE[1],
            person(LI, "李四"),
            rel("SHAREHOLDER", ZHANG, "2016-04-12", ",\"ratio\":0.6,\"until\":\"2019-12-31\""),
            rel("SHAREHOLDER", LI, "2018-01-01", ",\"ratio\":0.5"),
            rel("SHAREHOLDER", Keys.personText(99), "2016-04-12", ""));

    Conflict c =
        r.batches().get(0).conflicts().stream()
            .filter(x -> x.kind() == Conflict.Kind.SHARE_SUM)
            .findFirst()
            .orElseThrow();
    assertEquals("2018-01-01", c.on());
    assertTrue(c.detail().contains("1.1000"), c.detail());
    assertEquals(1, ConflictReport.of(store).ofKind(Conflict.Kind.SHARE_SUM).size());
    assertEquals(1, r.batches().get(0).pending(), "the third shareholder waits for its person");
  }

  @Test
  void aRecordDeliveredAgainWithAnotherDecisionKeepsTheFirstAndIsFlagged() throws IOException {
    load("market.jsonl", EXAMPLE[0], EXAMPLE[1], EXAMPLE[4]);
    LoadReport r = load("court.jsonl", EXAMPLE[4].replace("2019-05-10", "2019-06-10"));
    Conflict c = r.batches().get(0).conflicts().get(0);
    assertEquals(Conflict.Kind.RECORD_CONTENT, c.kind());
    assertEquals(
        "2019-05-10", store.record("ZSAMR-2019-0042").orElseThrow().decidedOn().toString());
    assertEquals(2, store.record("ZSAMR-2019-0042").orElseThrow().provenance().size());
  }

  @Test
  void aBatchReportListsConflictsUpToTheReportLimitAndCountsThemAll() throws IOException {
    String[] first = new String[5];
    String[] renamed = new String[5];
    for (int i = 0; i < 5; i++) {
      first[i] = person(Keys.personText(7000 + i), "王" + i);
      renamed[i] = person(Keys.personText(7000 + i), "汪" + i);
    }
    load("market.jsonl", first);
    Path p = dir.resolve("tax.jsonl");
    Files.writeString(p, String.join("\n", renamed) + "\n");
    LoadReport r =
        new ExchangeLoader(store, LoadOptions.defaults().withChunkLines(2).withMaxReported(3))
            .load(p, LoadListener.NONE);

    BatchReport b = r.batches().get(0);
    assertEquals(3, b.conflicts().size(), "listed up to the limit: " + b.conflicts());
    assertEquals(5, b.conflictsFound());
    assertTrue(b.conflictsTruncated());
    assertEquals(5, r.conflicts(), "the load's total counts every conflict");
    assertTrue(b.summary().contains("5 conflicts"), b.summary());
  }
}
