package io.credgraph.api.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop's journals on disk: replayed when opened, a cut last line dropped, an edited line
 * refused.
 */
class LoopStoreTest {
  static Checks.Check check(String id) {
    return new Checks.Check(
        id,
        Checks.Kind.SANCTIONS,
        Instant.parse("2025-06-01T02:00:00Z"),
        LocalDate.of(2025, 6, 1),
        "samr",
        Optional.of("MARKET_REGULATION"),
        LocalDate.of(2025, 6, 1),
        List.of(new Checks.Item("s1234567", "R1", "GP-BAN", "GOV_PROCUREMENT")));
  }

  @Test
  void journalsAreReplayedAndACutLastLineIsDropped(@TempDir Path dir) throws Exception {
    try (LoopStore s = LoopStore.open(dir)) {
      s.remember(check("chk-1"));
      s.addFeedback(
          new Checks.FeedbackVersion(
              "chk-1",
              1,
              Instant.parse("2025-06-02T02:00:00Z"),
              "samr",
              "MARKET_REGULATION",
              List.of(
                  new Checks.Feedback(
                      "s1234567",
                      "R1",
                      "GP-BAN",
                      Checks.Outcome.APPLIED,
                      Optional.empty(),
                      Optional.empty()))));
    }
    Files.writeString(
        dir.resolve(LoopStore.CHECKS),
        "{\"checkId\":\"chk-2\",\"ki",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (LoopStore s = LoopStore.open(dir)) {
      assertEquals(check("chk-1"), s.check("chk-1").orElseThrow());
      assertEquals(1, s.checks().size(), "the cut line is dropped");
      assertEquals(Checks.Outcome.APPLIED, s.feedback("chk-1").get(0).feedback().get(0).outcome());
      s.remember(check("chk-3"));
    }
    try (LoopStore s = LoopStore.open(dir)) {
      assertEquals(
          List.of("chk-1", "chk-3"),
          s.checks().stream().map(Checks.Check::checkId).toList(),
          "appends continue after the last complete line");
    }
  }

  /**
   * Remembered checks are read back from the journal by their id, before and after a restart, in
   * the order they were remembered, whatever their length (a check with many measures is a long
   * line).
   */
  @Test
  void checksAreReadBackFromTheJournalByTheirId(@TempDir Path dir) {
    List<Checks.Check> all = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      List<Checks.Item> items = new java.util.ArrayList<>();
      for (int k = 0; k <= i % 40; k++) {
        items.add(new Checks.Item("s" + i, "R" + k, "GP-BAN", "GOV_PROCUREMENT"));
      }
      Checks.Check c = check("chk-" + i);
      all.add(
          new Checks.Check(
              c.checkId(), c.kind(), c.at(), c.on(), c.who(), c.department(), c.asOf(), items));
    }
    try (LoopStore s = LoopStore.open(dir)) {
      for (Checks.Check c : all) {
        s.remember(c);
      }
      assertEquals(all.get(39), s.check("chk-39").orElseThrow(), "a line of 40 measures");
      assertEquals(all, s.checks());
    }
    try (LoopStore s = LoopStore.open(dir)) {
      for (Checks.Check c : all) {
        assertEquals(c, s.check(c.checkId()).orElseThrow());
      }
      assertTrue(s.check("chk-none").isEmpty());
      s.remember(check("chk-after"));
      assertEquals(check("chk-after"), s.check("chk-after").orElseThrow());
      assertEquals(301, s.checks().size());
    }
  }

  @Test
  void anEditedLineStopsOpeningWithItsLineNumber(@TempDir Path dir) throws Exception {
    try (LoopStore s = LoopStore.open(dir)) {
      s.remember(check("chk-1"));
    }
    Files.writeString(
        dir.resolve(LoopStore.CHECKS),
        "not json\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    CredgraphException e = assertThrows(CredgraphException.class, () -> LoopStore.open(dir));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }
}
