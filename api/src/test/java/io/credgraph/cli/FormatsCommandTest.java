package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.GraphStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code import-ftm}, {@code export-ftm} and {@code import-icij} on the embedded Neo4j store (real
 * on disk), with small files the test writes: what lands in the store, what the public export
 * hides.
 */
class FormatsCommandTest {
  @TempDir Path tmp;

  StringWriter out = new StringWriter();

  int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(args);
  }

  @Test
  void importFtmLoadsIntoTheStoreAndExportFtmMasksPersons() throws Exception {
    Path ftm = tmp.resolve("sample.ftm.json");
    Files.write(
        ftm,
        List.of(
            "{\"id\":\"NK-p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Alexander Z\"]}}",
            "{\"id\":\"NK-c1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"LLC CST\"]}}",
            "{\"id\":\"own-1\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"NK-p1\"],\"asset\":[\"NK-c1\"],"
                + "\"percentage\":[\"51\"],\"startDate\":[\"2015-11-25\"]}}",
            "{\"id\":\"ofac-1\",\"schema\":\"Sanction\",\"properties\":{\"entity\":[\"NK-p1\"],\"authority\":[\"OFAC\"],"
                + "\"listingDate\":[\"2022-03-15\"]}}"),
        StandardCharsets.UTF_8);
    Path data = tmp.resolve("data");
    assertEquals(0, run("import-ftm", ftm.toString(), "--data", data.toString()), out.toString());
    assertTrue(out.toString().contains("2 subjects, 1 relations, 1 records"), out.toString());
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(data, EmbeddedNeo4jStore.Options.small())) {
      var held =
          store.relations(
              SubjectKey.external("ftm", "NK-p1"),
              GraphStore.Direction.OUTGOING,
              Set.of(RelationType.SHAREHOLDER),
              Optional.empty());
      assertEquals(OptionalDouble.of(0.51), held.get(0).ratio());
      assertEquals("FOREIGN_SANCTION", store.record("ofac-1").orElseThrow().list());
    }
    Path export = tmp.resolve("out.ftm.json");
    assertEquals(
        0,
        run("export-ftm", "--data", data.toString(), "--out", export.toString()),
        out.toString());
    String text = Files.readString(export);
    assertFalse(text.contains("NK-p1"), text);
    assertTrue(text.contains("\"schema\":\"Ownership\"") && text.contains("\"51\""), text);
    assertEquals(
        0, run("export-ftm", "--data", data.toString(), "--out", export.toString(), "--internal"));
    assertTrue(
        Files.readString(export).contains("\"NK-p1\""),
        "the internal export keeps the person's id");
  }

  @Test
  void importFtmWithoutOutOrDataIsAUsageError() throws Exception {
    Path ftm = tmp.resolve("x.ftm.json");
    Files.writeString(ftm, "");
    assertEquals(2, run("import-ftm", ftm.toString()));
    assertTrue(out.toString().contains("--out DIR"), out.toString());
  }

  @Test
  void importIcijWritesABatchForLoad() throws Exception {
    Path dir = tmp.resolve("icij");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("nodes-entities.csv"),
        "node_id,name,incorporation_date\n10000001,TIANSHAN LIMITED," + "23-MAR-2006\n");
    Files.writeString(
        dir.resolve("nodes-officers.csv"), "node_id,name,countries\n12000001,WANG Wei,China\n");
    Files.writeString(
        dir.resolve("relationships.csv"),
        "node_id_start,node_id_end,rel_type,link,start_date\n"
            + "12000001,10000001,officer_of,shareholder of,19-APR-2006\n");
    Path batches = tmp.resolve("batches");
    assertEquals(
        0, run("import-icij", dir.toString(), "--out", batches.toString()), out.toString());
    Path batch = batches.resolve("icij-icij.jsonl");
    assertEquals(3, Files.readAllLines(batch).size());
    assertTrue(Files.readString(batch).contains("\"rel\":\"LINKED_TO\""));
  }
}
