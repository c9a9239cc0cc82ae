package io.credgraph.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
  static final String CLERK = "clerk-secret-1-0123456789abcdefghij";
  static final String AUDIT = "admin-secret-2-0123456789abcdefghij";
  static final String DEPT = "dept-key-22-0123456789abcdefghijklm";
  static final String MINE = "subject-key-0123456789abcdefghijklm";

  @Test
  void environmentPairsGiveRoles() {
    ApiKeys keys =
        ApiKeys.parse(CLERK + ":registry, audit:" + AUDIT + ":ADMIN", "CREDGRAPH_API_KEYS");
    assertEquals(Role.REGISTRY, keys.authenticate(CLERK).orElseThrow().role().orElseThrow());
    Caller admin = keys.authenticate(AUDIT).orElseThrow();
    assertEquals("audit", admin.name());
    assertTrue(keys.authenticate(CLERK.substring(1)).isEmpty());
    assertTrue(keys.authenticate("").isEmpty());
    assertTrue(keys.authenticate(null).isEmpty());
  }

  @Test
  void unnamedKeysAreNamedByRoleAndPositionNeverByTheKeyOrItsDigest() {
    Caller c =
        ApiKeys.parse(CLERK + ":REGISTRY, very-secret-key-0123456789abcdefghij:STEWARD", "env")
            .authenticate("very-secret-key-0123456789abcdefghij")
            .orElseThrow();
    assertEquals("STEWARD#2", c.name());
  }

  @Test
  void keysShorterThan32AreRefusedWithTheLineAndNoPartOfTheKey(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("keys.txt");
    Files.writeString(f, "ok:" + CLERK + ":REGISTRY\nclerk:short-secret-31-chars-0123456:ADMIN\n");
    CredgraphException e = assertThrows(CredgraphException.class, () -> ApiKeys.read(f));
    assertTrue(
        e.getMessage().contains("line 2") && e.getMessage().contains("at least 32"),
        e.getMessage());
    assertFalse(e.getMessage().contains("short-secret"), e.getMessage());
    assertThrows(
        CredgraphException.class,
        () -> ApiKeys.parse("0123456789012345678901234567890:ADMIN", "env"));
  }

  @Test
  void aLineWithTheRoleLeftOutNeverEchoesTheKey(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("keys.txt");
    Files.writeString(f, "ops:" + AUDIT + "\n");
    CredgraphException e = assertThrows(CredgraphException.class, () -> ApiKeys.read(f));
    assertTrue(
        e.getMessage().contains("line 1") && e.getMessage().contains("not a role"), e.getMessage());
    assertFalse(e.getMessage().contains(AUDIT), e.getMessage());
  }

  @Test
  void keysFileWithCommentsBindingsAndErrorsThatNameTheLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("keys.txt");
    Files.writeString(
        f,
        "# demo keys\n"
            + CLERK
            + ":REGISTRY   # the counter\n\nsamr:"
            + DEPT
            + ":DEPARTMENT:MARKET_REGULATION\nme:"
            + MINE
            + ":SUBJECT:s1234567890abcdef\n");
    ApiKeys keys = ApiKeys.read(f);
    assertEquals(3, keys.size());
    Caller dept = keys.authenticate(DEPT).orElseThrow();
    assertEquals(Optional.of("MARKET_REGULATION"), dept.department());
    Caller me = keys.authenticate(MINE).orElseThrow();
    assertEquals(Optional.of(Role.SUBJECT), me.role());
    assertEquals(Optional.of("s1234567890abcdef"), me.subject());
    assertEquals("REGISTRY#2", keys.authenticate(CLERK).orElseThrow().name());

    Files.writeString(f, CLERK + ":REGISTRY\nsome:" + AUDIT + ":SUPERUSER\n");
    CredgraphException e = assertThrows(CredgraphException.class, () -> ApiKeys.read(f));
    assertTrue(
        e.getMessage().contains("line 2") && e.getMessage().contains("SUPERUSER"), e.getMessage());
    Files.writeString(f, "me:" + MINE + ":SUBJECT\n");
    assertTrue(
        assertThrows(CredgraphException.class, () -> ApiKeys.read(f))
            .getMessage()
            .contains("must name"));
    Files.writeString(f, "me:" + MINE + ":ADMIN:s1234567890abcdef\n");
    assertTrue(
        assertThrows(CredgraphException.class, () -> ApiKeys.read(f))
            .getMessage()
            .contains("binding"));
  }

  @Test
  void aWatchedKeysFileIsReadAgainWhenItChangesAndKeptWhenBroken(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("keys.txt");
    Files.writeString(f, "clerk:" + CLERK + ":REGISTRY\n");
    ApiKeys keys = ApiKeys.watching(ApiKeys.parse("audit:" + AUDIT + ":ADMIN", "env"), f);
    assertTrue(keys.authenticate(CLERK).isPresent());
    assertTrue(keys.authenticate(DEPT).isEmpty());

    Files.writeString(f, "samr:" + DEPT + ":DEPARTMENT:MARKET_REGULATION\n");
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
    assertTrue(keys.authenticate(DEPT).isPresent(), "a key added to the file is known at once");
    assertTrue(
        keys.authenticate(CLERK).isEmpty(), "a key removed from the file is refused at once");
    assertTrue(keys.authenticate(AUDIT).isPresent(), "keys from the environment stay");

    Files.writeString(f, "broken line\n");
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(10)));
    assertTrue(keys.authenticate(DEPT).isPresent(), "a broken file leaves the keys as they were");
  }

  @Test
  void issuedKeysAreLongRandomAndMakeAValidLine() {
    String k = ApiKeys.newKey();
    assertTrue(k.length() >= ApiKeys.MIN_KEY_LENGTH, k.length() + "");
    assertFalse(k.equals(ApiKeys.newKey()));
    String line = ApiKeys.line("samr-1", k, Role.DEPARTMENT, Optional.of("MARKET_REGULATION"));
    assertEquals("samr-1:" + k + ":DEPARTMENT:MARKET_REGULATION", line);
  }

  @Test
  void rolesAreOrderedAndSubjectStandsApart() {
    assertTrue(Role.ADMIN.atLeast(Role.STEWARD));
    assertTrue(Role.INVESTIGATOR.atLeast(Role.REGISTRY));
    assertFalse(Role.REGISTRY.atLeast(Role.INVESTIGATOR));
    assertFalse(Caller.ANONYMOUS.atLeast(Role.DEPARTMENT));
    assertFalse(Role.SUBJECT.atLeast(Role.DEPARTMENT));
    assertFalse(Role.ADMIN.atLeast(Role.SUBJECT));
    assertTrue(Role.SUBJECT.atLeast(Role.SUBJECT));
  }
}
