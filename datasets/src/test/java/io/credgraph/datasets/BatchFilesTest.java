package io.credgraph.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchFilesTest {
  @Test
  void theDepartmentIsTheNameAfterTheNumber() {
    assertEquals(
        Optional.of("MARKET_REGULATION"), BatchFiles.department("02-market-regulation.jsonl"));
    assertEquals(
        Optional.of("MARKET_REGULATION"),
        BatchFiles.department("03-market-regulation.relations.part002.jsonl.gz"));
    assertEquals(
        Optional.of("ECOLOGY_ENVIRONMENT"), BatchFiles.department("14-ecology-environment.jsonl"));
    assertEquals(Optional.empty(), BatchFiles.department("notes.txt"));
    assertEquals(Optional.empty(), BatchFiles.department("market.jsonl"));
  }

  @Test
  void batchesAreJsonLinesPlainOrGzipped() {
    assertTrue(BatchFiles.isBatch("a.jsonl"));
    assertTrue(BatchFiles.isBatch("a.jsonl.gz"));
    assertFalse(BatchFiles.isBatch("a.json"));
  }
}
