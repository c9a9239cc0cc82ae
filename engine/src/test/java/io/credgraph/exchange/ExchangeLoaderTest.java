package io.credgraph.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.ValidationException;
import io.credgraph.fixtures.ExchangeExample;
import io.credgraph.fixtures.Keys;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.RecordStatus;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.GraphStore;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.IOException;
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
 * The loader against the in-memory store: the example of EXCHANGE.md, provenance, idempotency,
 * pending facts.
 */
class ExchangeLoaderTest {
  static final String ENT = "91442000MA4W1K2X3F";
  static final String ZHANG = "442000198001011239";

  @TempDir Path dir;

  final InMemoryGraphStore store = InMemoryGraphStore.create();
  final List<Rejection> rejections = new ArrayList<>();

  ExchangeLoader loader() {
    return new ExchangeLoader(
        store, LoadOptions.defaults().withChunkLines(3).withRejections(rejections::add));
  }

  Path batch(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return p;
  }

  static final String[] EXAMPLE = {
    ExchangeExample.ENTERPRISE_LINE,
    ExchangeExample.PERSON_LINE,
    ExchangeExample.LEGAL_REP_LINE,
    ExchangeExample.SHAREHOLDER_LINE,
    ExchangeExample.LICENCE_REVOKED_LINE,
    ExchangeExample.repaired("..."),
    ExchangeExample.end("LEGAL_REP", "2020-12-31")
  };

  @Test
  void loadsTheExampleOfTheExchangePageWithProvenance() throws IOException {
    LoadReport report =
        loader().load(batch("003-market_regulation-2021.jsonl", EXAMPLE), LoadListener.NONE);

    assertTrue(report.clean(), report.summary() + " " + rejections);
    assertEquals(7, report.accepted());
    SubjectKey ent = SubjectKey.uscc(ENT);
    SubjectKey zhang = SubjectKey.resident(ZHANG);
    Subject s = store.subject(ent).orElseThrow();
    assertEquals("中山市示例五金有限公司", s.name());
    assertEquals(Optional.of("小榄镇"), s.district());
    Provenance p = s.provenance().get(0);
    assertEquals("MARKET_REGULATION", p.department(), "department from the file name");
    assertEquals("003-market_regulation-2021.jsonl", p.batch());
    assertEquals(1, p.line());
    assertEquals(64, p.batchHash().length());

    Relation rep =
        store
            .relations(
                zhang,
                GraphStore.Direction.OUTGOING,
                Set.of(RelationType.LEGAL_REP),
                Optional.empty())
            .get(0);
    assertEquals(
        Optional.of(LocalDate.of(2020, 12, 31)), rep.until(), "the end line closed the relation");
    assertEquals(List.of(3L, 7L), rep.provenance().stream().map(Provenance::line).toList());
    Relation share =
        store
            .relations(
                zhang,
                GraphStore.Direction.OUTGOING,
                Set.of(RelationType.SHAREHOLDER),
                Optional.empty())
            .get(0);
    assertEquals(0.6, share.ratio().getAsDouble());

    CreditRecord r = store.record("ZSAMR-2019-0042").orElseThrow();
    assertEquals(List.of(zhang), r.liablePersons());
    assertEquals(RecordStatus.REPAIRED, r.status());
    assertEquals(5, r.provenance().get(0).line());
    assertEquals(6, r.history().get(0).provenance().line());
    assertEquals("...", r.history().get(0).note().orElseThrow());
    assertTrue(r.inForceOn(LocalDate.of(2021, 5, 31), true));
    assertFalse(r.inForceOn(LocalDate.of(2021, 6, 1), true));
  }

  @Test
  void aLineOwnDepartmentAndTheDepartmentOptionWinOverTheFileName() throws IOException {
    ExchangeLoader l = new ExchangeLoader(store, LoadOptions.defaults().withDepartment("TAX"));
    l.load(
        batch(
            "court.jsonl",
            EXAMPLE[0],
            EXAMPLE[1].replace("}", ",\"department\":\"PUBLIC_SECURITY\"}")),
        LoadListener.NONE);
    assertEquals(
        "TAX", store.subject(SubjectKey.uscc(ENT)).orElseThrow().provenance().get(0).department());
    assertEquals(
        "PUBLIC_SECURITY",
        store.subject(SubjectKey.resident(ZHANG)).orElseThrow().provenance().get(0).department());
    assertEquals("COURT", Departments.fromBatchName("0042-court-2024-05.jsonl.gz"));
    assertEquals("UNKNOWN", Departments.fromBatchName("0042.jsonl"));
    assertEquals(
        "MARKET_REGULATION",
        Departments.fromBatchName("03-market-regulation.relations.part002.jsonl.gz"),
        "the datasets module's naming convention");
  }

  @Test
  void aRelationAfterAnEndOfTheSamePairInOneChunkIsAppliedInLineOrder() throws IOException {
    String end = EXAMPLE[6].replace("2020-12-31", "2019-12-31");
    String again = EXAMPLE[2].replace("2016-04-12", "2018-01-01");
    Path b = batch("market.jsonl", EXAMPLE[0], EXAMPLE[1], EXAMPLE[2], end, again);
    new ExchangeLoader(store, LoadOptions.defaults()).load(b, LoadListener.NONE);
    List<Relation> reps =
        store.relations(
            SubjectKey.uscc(ENT),
            GraphStore.Direction.INCOMING,
            Set.of(RelationType.LEGAL_REP),
            Optional.empty());
    assertEquals(
        List.of("2016-04-12..Optional[2019-12-31]", "2018-01-01..Optional.empty"),
        reps.stream()
            .sorted(java.util.Comparator.comparing(Relation::since))
            .map(r -> r.since() + ".." + r.until())
            .toList(),
        "the end came before the second term was delivered, so it does not end it");
  }

  @Test
  void aSubjectWrittenByAnotherWriterDuringALoadIsSeen() throws IOException {
    Path b = batch("police.jsonl", EXAMPLE[0], EXAMPLE[2]);
    ExchangeLoader l = new ExchangeLoader(store, LoadOptions.defaults().withChunkLines(1));
    LoadListener writesMeanwhile =
        new LoadListener() {
          @Override
          public void batchStarted(String name, long bytes) {
            store.write(
                io.credgraph.store.WriteBatch.of(
                    new io.credgraph.store.WriteOp.PutSubject(
                        Subject.person(ZHANG, "张三")
                            .withProvenance(List.of(new Provenance("API", "api:clerk", "", 0))))));
          }
        };
    LoadReport r = l.load(b, writesMeanwhile);
    assertEquals(0, r.pending(), "the person stored by the API meanwhile is found, not awaited");
    assertEquals(1, store.counts().relations());
  }

  @Test
  void unknownFieldsAreKeptAsAttributes() throws IOException {
    loader()
        .load(
            batch(
                "b.jsonl",
                EXAMPLE[0].replace("}", ",\"capital\":5000000,\"phone\":\"0760-1234\"}")),
            LoadListener.NONE);
    Subject s = store.subject(SubjectKey.uscc(ENT)).orElseThrow();
    assertEquals("5000000", s.attributes().get("capital"));
    assertEquals("0760-1234", s.attributes().get("phone"));
  }

  @Test
  void theSameBatchTwiceChangesNothing() throws IOException {
    Path b = batch("market.jsonl", EXAMPLE);
    LoadReport first = loader().load(b, LoadListener.NONE);
    StoreSnapshot after = StoreSnapshot.of(store);
    long version = store.version();

    Path renamed = Files.copy(b, dir.resolve("market-copy.jsonl"));
    LoadReport second = loader().load(renamed, LoadListener.NONE);

    assertEquals(BatchReport.Outcome.LOADED, first.batches().get(0).outcome());
    assertEquals(BatchReport.Outcome.ALREADY_LOADED, second.batches().get(0).outcome());
    assertEquals(version, store.version(), "the store version is unchanged");
    assertEquals(after, StoreSnapshot.of(store));
  }

  @Test
  void theSameFactFromTwoBatchesIsOneFactWithTwoProvenances() throws IOException {
    loader().load(batch("market.jsonl", EXAMPLE[0], EXAMPLE[1], EXAMPLE[2]), LoadListener.NONE);
    loader().load(batch("tax.jsonl", EXAMPLE[1], EXAMPLE[0], "", EXAMPLE[2]), LoadListener.NONE);

    List<Relation> reps =
        store.relations(
            SubjectKey.uscc(ENT),
            GraphStore.Direction.INCOMING,
            Set.of(RelationType.LEGAL_REP),
            Optional.empty());
    assertEquals(1, reps.size());
    assertEquals(
        List.of("MARKET market.jsonl 3", "TAX tax.jsonl 4"),
        reps.get(0).provenance().stream()
            .map(p -> p.department() + " " + p.batch() + " " + p.line())
            .toList());
    assertEquals(2, store.subject(SubjectKey.uscc(ENT)).orElseThrow().provenance().size());
    assertEquals(2, store.counts().subjects());
  }

  @Test
  void factsWaitForASubjectDeliveredByALaterBatch() throws IOException {
    String other = Keys.usccText(77);
    LoadReport first =
        loader()
            .load(
                batch(
                    "a-court.jsonl",
                    EXAMPLE[0],
                    EXAMPLE[2],
                    EXAMPLE[3],
                    EXAMPLE[4],
                    EXAMPLE[5],
                    "{\"type\":\"record\",\"id\":\"R2\",\"subject\":{\"uscc\":\""
                        + other
                        + "\"},\"list\":\"ABNORMAL_OPERATION\","
                        + "\"decidedOn\":\"2022-01-01\"}",
                    "{\"type\":\"status\",\"record\":\"R2\",\"status\":\"OBJECTED\",\"on\":\"2022-02-01\"}"),
                LoadListener.NONE);

    // the LEGAL_REP, SHAREHOLDER (await the person), LICENCE_REVOKED (awaits its liable person),
    // its status, R2 and
    // its status (await the other enterprise) all wait
    assertEquals(6, first.pending(), first.summary() + " " + rejections);
    assertEquals(6, store.counts().pending());
    assertTrue(store.record("ZSAMR-2019-0042").isEmpty());

    LoadReport second =
        loader()
            .load(
                batch(
                    "b-police.jsonl",
                    EXAMPLE[1],
                    "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\""
                        + other
                        + "\",\"name\":\"另一家公司\"}"),
                LoadListener.NONE);

    assertEquals(6, second.resolved(), second.summary() + " " + rejections);
    assertEquals(0, store.counts().pending());
    Relation rep =
        store
            .relations(
                SubjectKey.uscc(ENT),
                GraphStore.Direction.INCOMING,
                Set.of(RelationType.LEGAL_REP),
                Optional.empty())
            .get(0);
    assertEquals(
        "a-court.jsonl",
        rep.provenance().get(0).batch(),
        "a pending fact keeps its own provenance");
    assertEquals(2, rep.provenance().get(0).line());
    assertEquals(RecordStatus.REPAIRED, store.record("ZSAMR-2019-0042").orElseThrow().status());
    assertEquals(RecordStatus.OBJECTED, store.record("R2").orElseThrow().status());
    assertTrue(rejections.isEmpty(), rejections.toString());
  }

  @Test
  void aFolderIsLoadedInFileNameOrderAndAnEmptyFolderIsAnError() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("batches"));
    Files.writeString(folder.resolve("02-tax.jsonl"), EXAMPLE[2] + "\n");
    Files.writeString(folder.resolve("01-market.jsonl"), EXAMPLE[0] + "\n" + EXAMPLE[1] + "\n");
    Files.writeString(folder.resolve("notes.txt"), "not a batch");
    LoadReport r = loader().load(folder, LoadListener.NONE);
    assertEquals(
        List.of("01-market.jsonl", "02-tax.jsonl"),
        r.batches().stream().map(BatchReport::name).toList());
    assertEquals(0, r.pending(), "the person came first, so the relation did not wait");
    assertEquals(1, store.counts().relations());

    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("readme.md"), "nothing");
    ValidationException e =
        assertThrows(ValidationException.class, () -> loader().load(empty, LoadListener.NONE));
    assertTrue(e.getMessage().contains("holds no batches"), e.getMessage());
    assertThrows(
        ValidationException.class, () -> loader().load(dir.resolve("missing"), LoadListener.NONE));
  }

  @Test
  void theReportSerialisesToJson() throws IOException {
    LoadReport report =
        loader().load(batch("b.jsonl", EXAMPLE[0], "{oops", EXAMPLE[1]), LoadListener.NONE);
    JsonNode json = new ObjectMapper().valueToTree(report);
    assertEquals(1, json.path("rejected").asLong());
    JsonNode b = json.path("batches").get(0);
    assertEquals("LOADED", b.path("outcome").asText());
    assertEquals(2, b.path("rejections").get(0).path("line").asLong());
    assertEquals("(line)", b.path("rejections").get(0).path("field").asText());
    assertTrue(b.path("rejections").get(0).path("reason").asText().startsWith("malformed JSON"));
    assertTrue(report.summary().contains("1 rejected"), report.summary());
  }

  @Test
  void loadsFromAStreamAsTheHttpApiDoes() {
    byte[] body = (String.join("\n", EXAMPLE) + "\n").getBytes(StandardCharsets.UTF_8);
    LoadReport r =
        loader().load(new java.io.ByteArrayInputStream(body), "upload-1", LoadListener.NONE);
    assertEquals(7, r.accepted());
    assertEquals(
        "upload-1", store.record("ZSAMR-2019-0042").orElseThrow().provenance().get(0).batch());
    assertEquals(
        "UPLOAD",
        store.record("ZSAMR-2019-0042").orElseThrow().history().get(0).provenance().department(),
        "a line without department: from the batch name");
    LoadReport again =
        loader().load(new java.io.ByteArrayInputStream(body), "upload-2", LoadListener.NONE);
    assertEquals(BatchReport.Outcome.ALREADY_LOADED, again.batches().get(0).outcome());

    byte[] other = (EXAMPLE[1].replace("张三", "张三丰") + "\n").getBytes(StandardCharsets.UTF_8);
    loader()
        .load(
            new java.io.ByteArrayInputStream(other),
            "upload-3",
            Optional.of("COURT"),
            LoadListener.NONE);
    assertEquals(
        "COURT",
        store.subject(SubjectKey.resident(ZHANG)).orElseThrow().provenance().get(1).department(),
        "the caller's department");
  }

  @Test
  void progressIsReported() throws IOException {
    Path b = dir.resolve("big.jsonl");
    long lines = SyntheticBatch.write(b, 2000, 1);
    List<LoadProgress> seen = new ArrayList<>();
    List<BatchReport> done = new ArrayList<>();
    new ExchangeLoader(store, LoadOptions.defaults().withChunkLines(500))
        .load(
            b,
            new LoadListener() {
              @Override
              public void progress(LoadProgress p) {
                seen.add(p);
              }

              @Override
              public void batchFinished(BatchReport report) {
                done.add(report);
              }
            });
    LoadProgress last = seen.get(seen.size() - 1);
    assertEquals(lines, last.lines());
    assertEquals(Files.size(b), last.bytesRead());
    assertEquals(1.0, last.fractionDone());
    assertEquals(lines, done.get(0).lines());
    assertEquals(4, done.get(0).rejected(), "two bad lines per 1000 enterprises");
    assertEquals(0, store.counts().pending());
  }
}
