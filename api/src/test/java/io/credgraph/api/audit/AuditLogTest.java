package io.credgraph.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.auth.Caller;
import io.credgraph.api.auth.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's hash chain: written, reopened, and broken by every kind of tampering. */
class AuditLogTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneOffset.UTC);
  static final Caller CLERK = Caller.of("clerk", Role.REGISTRY);

  @TempDir Path dir;

  private void write(int n) {
    try (AuditLog log = AuditLog.open(dir, CLOCK)) {
      AuditFixtures.appendChecks(log, "s0000000", n);
    }
  }

  private Path file() {
    return dir.resolve(AuditLog.FILE_NAME);
  }

  @Test
  void entriesChainAndSurviveReopening() {
    write(3);
    try (AuditLog log = AuditLog.open(dir, CLOCK)) {
      assertEquals(3, log.size());
      AuditEntry fourth =
          log.append(
              CLERK,
              "GET",
              "/api/v1/subjects/{id}",
              "/api/v1/subjects/s00000003",
              List.of("s00000003"),
              200,
              "profile");
      assertEquals(4, fourth.seq());
      List<AuditEntry> all = log.query(AuditQuery.all()).entries();
      assertEquals(AuditLog.GENESIS, all.get(0).prev());
      for (int i = 1; i < all.size(); i++) {
        assertEquals(64, all.get(i).prev().length());
        assertTrue(!all.get(i).prev().equals(all.get(i - 1).prev()));
      }
      assertEquals(log.head(), AuditLog.verify(file()).head());
    }
    assertEquals(4, AuditLog.verify(file()).entries());
  }

  @Test
  void anEditedLineIsDetectedAtTheLineAfterIt() throws Exception {
    write(4);
    List<String> lines = new ArrayList<>(Files.readAllLines(file()));
    lines.set(1, lines.get(1).replace("eligible=false", "eligible=true"));
    Files.write(file(), lines, StandardCharsets.UTF_8);
    AuditChainException e =
        assertThrows(AuditChainException.class, () -> AuditLog.open(dir, CLOCK));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void aRemovedLineIsDetected() throws Exception {
    write(4);
    List<String> lines = new ArrayList<>(Files.readAllLines(file()));
    lines.remove(2);
    Files.write(file(), lines, StandardCharsets.UTF_8);
    assertEquals(3, assertThrows(AuditChainException.class, () -> AuditLog.verify(file())).line());
  }

  @Test
  void aRecomputedChainStillFailsOnTheSequence() throws Exception {
    write(3);
    List<String> lines = new ArrayList<>(Files.readAllLines(file()));
    lines.remove(0);
    String first =
        lines
            .get(0)
            .replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + AuditLog.GENESIS + "\"");
    lines.set(0, first);
    Files.write(file(), lines, StandardCharsets.UTF_8);
    AuditChainException e = assertThrows(AuditChainException.class, () -> AuditLog.verify(file()));
    assertTrue(e.getMessage().contains("seq"), e.getMessage());
  }

  @Test
  void anIncompleteLastLineIsDetected() throws Exception {
    write(2);
    Files.writeString(file(), "{\"seq\":3", java.nio.file.StandardOpenOption.APPEND);
    assertTrue(
        assertThrows(AuditChainException.class, () -> AuditLog.verify(file()))
            .getMessage()
            .contains("incomplete"));
  }

  @Test
  void queriesFilterByWhoSubjectAndTime() {
    try (AuditLog log = AuditLog.open(dir, CLOCK)) {
      log.append(CLERK, "GET", "/r", "/r", List.of("s1111111"), 200, "");
      log.append(
          Caller.of("bob", Role.DEPARTMENT), "GET", "/r", "/r", List.of("s2222222"), 200, "");
      log.append(CLERK, "GET", "/r", "/r", List.of("s2222222"), 200, "");
      assertEquals(
          2,
          log.query(
                  new AuditQuery(
                      Optional.of("clerk"),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      0,
                      10))
              .entries()
              .size());
      assertEquals(
          List.of(2L, 3L),
          log
              .query(
                  new AuditQuery(
                      Optional.empty(),
                      Optional.of("s2222222"),
                      Optional.empty(),
                      Optional.empty(),
                      0,
                      10))
              .entries()
              .stream()
              .map(AuditEntry::seq)
              .toList());
      assertEquals(
          0,
          log.query(
                  new AuditQuery(
                      Optional.empty(),
                      Optional.empty(),
                      Optional.of(CLOCK.instant().plusSeconds(1)),
                      Optional.empty(),
                      0,
                      10))
              .entries()
              .size());
      AuditLog.Result page =
          log.query(
              new AuditQuery(
                  Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1, 1));
      assertEquals(2, page.entries().get(0).seq());
      assertTrue(page.more());
    }
  }

  @Test
  void checksAreRememberedPerKeyAcrossRestarts() {
    write(1);
    try (AuditLog log = AuditLog.open(dir, CLOCK)) {
      assertTrue(log.hasChecked("clerk", "s00000000"));
      assertTrue(!log.hasChecked("other", "s00000000"));
      assertTrue(!log.hasChecked("clerk", "s99999999"));
    }
  }
}
