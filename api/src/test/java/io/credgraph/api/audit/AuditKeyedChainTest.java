package io.credgraph.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.auth.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyed chain: a rewrite with recomputed plain hashes, a wrong key, a downgrade and sealing an
 * old log.
 */
class AuditKeyedChainTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneOffset.UTC);
  static final Caller CLERK = Caller.of("clerk", Role.REGISTRY);
  static final AuditKey KEY = AuditKey.of("k".repeat(20) + "0123456789abcdef", "test");
  static final AuditKey OTHER = AuditKey.of("o".repeat(20) + "0123456789abcdef", "test");

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("audit").resolve(AuditLog.FILE_NAME);
  }

  private void write(Optional<AuditKey> key, int n) {
    try (AuditLog log = AuditLog.open(dir.resolve("audit"), CLOCK, key)) {
      AuditFixtures.appendChecks(log, "s0000000", n);
    }
  }

  @Test
  void aKeyedLogVerifiesWithItsKeyOnly() {
    write(Optional.of(KEY), 3);
    AuditLog.Verification v = AuditLog.verify(file(), Optional.of(KEY));
    assertEquals(3, v.entries());
    assertEquals(1, v.keyedFrom());
    AuditChainException wrong =
        assertThrows(AuditChainException.class, () -> AuditLog.verify(file(), Optional.of(OTHER)));
    assertEquals(1, wrong.line());
    AuditChainException none =
        assertThrows(AuditChainException.class, () -> AuditLog.verify(file()));
    assertTrue(none.getMessage().contains("keyed"), none.getMessage());
    assertThrows(AuditChainException.class, () -> AuditLog.open(dir.resolve("audit"), CLOCK));
  }

  @Test
  void aRewriteWithRecomputedPlainHashesIsDetected() throws Exception {
    write(Optional.of(KEY), 4);
    // the attacker edits line 2 and recomputes every link as a plain SHA-256 chain, as the unkeyed
    // format allows
    List<String> lines = new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
    lines.set(1, lines.get(1).replace("eligible=false", "eligible=true"));
    String prev = AuditLog.GENESIS;
    List<String> forged = new ArrayList<>();
    for (String l : lines) {
      String line = l.replaceFirst("\"prev\":\"[^\"]*\"", "\"prev\":\"" + prev + "\"");
      forged.add(line);
      prev =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(line.getBytes(StandardCharsets.UTF_8)));
    }
    Files.write(file(), forged, StandardCharsets.UTF_8);
    assertEquals(4, AuditLog.verify(file()).entries(), "the forgery is a valid plain chain");
    AuditChainException e =
        assertThrows(AuditChainException.class, () -> AuditLog.verify(file(), Optional.of(KEY)));
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("no entry is keyed"), e.getMessage());
    assertThrows(
        CredgraphException.class,
        () -> AuditLog.open(dir.resolve("audit"), CLOCK, Optional.of(KEY)));
  }

  @Test
  void anEditedKeyedLineIsDetectedAtTheNextLine() throws Exception {
    write(Optional.of(KEY), 4);
    List<String> lines = new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
    lines.set(1, lines.get(1).replace("s00000001", "s00000009"));
    Files.write(file(), lines, StandardCharsets.UTF_8);
    assertEquals(
        3,
        assertThrows(AuditChainException.class, () -> AuditLog.verify(file(), Optional.of(KEY)))
            .line());
  }

  @Test
  void anUnkeyedLogIsSealedAndThenKeyedWithItsPastCovered() throws Exception {
    write(Optional.empty(), 3);
    CredgraphException refused =
        assertThrows(
            CredgraphException.class,
            () -> AuditLog.open(dir.resolve("audit"), CLOCK, Optional.of(KEY)));
    assertTrue(refused.getMessage().contains("audit seal"), refused.getMessage());

    Optional<AuditEntry> seal =
        AuditLog.seal(dir.resolve("audit"), CLOCK, KEY, Caller.of("operator", Role.ADMIN));
    assertEquals(4, seal.orElseThrow().seq());
    assertTrue(seal.get().prev().startsWith("hmac:"));
    assertTrue(
        AuditLog.seal(dir.resolve("audit"), CLOCK, KEY, Caller.of("operator", Role.ADMIN))
            .isEmpty(),
        "sealing twice changes nothing");
    write(Optional.of(KEY), 2);
    AuditLog.Verification v = AuditLog.verify(file(), Optional.of(KEY));
    assertEquals(6, v.entries());
    assertEquals(4, v.keyedFrom());

    // the sealed past cannot be edited either: the seal's HMAC covers the chain before it
    List<String> lines = new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
    lines.set(0, lines.get(0).replace("eligible=true", "eligible=false"));
    Files.write(file(), lines, StandardCharsets.UTF_8);
    assertEquals(
        2,
        assertThrows(AuditChainException.class, () -> AuditLog.verify(file(), Optional.of(KEY)))
            .line());
  }

  @Test
  void aPlainLineAfterKeyedOnesIsARewrite() throws Exception {
    write(Optional.of(KEY), 2);
    List<String> lines = new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
    String plain =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(lines.get(1).getBytes(StandardCharsets.UTF_8)));
    lines.add(
        lines
            .get(1)
            .replace("\"seq\":2", "\"seq\":3")
            .replaceFirst("\"prev\":\"[^\"]*\"", "\"prev\":\"" + plain + "\""));
    Files.write(file(), lines, StandardCharsets.UTF_8);
    AuditChainException e =
        assertThrows(AuditChainException.class, () -> AuditLog.verify(file(), Optional.of(KEY)));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("rewritten"), e.getMessage());
  }

  @Test
  void keysAreLongAndKeyFilesStayOutsideTheDataDirectory() throws Exception {
    assertThrows(CredgraphException.class, () -> AuditKey.of("short", "test"));
    Path data = Files.createDirectories(dir.resolve("data"));
    Path inside = Files.writeString(data.resolve("audit.key"), "x".repeat(40));
    CredgraphException e =
        assertThrows(CredgraphException.class, () -> AuditKey.read(inside, data));
    assertTrue(e.getMessage().contains("inside the data directory"), e.getMessage());
    Path outside = Files.writeString(dir.resolve("audit.key"), "x".repeat(40) + "\n");
    assertEquals(AuditKey.of("x".repeat(40), "t"), AuditKey.read(outside, data));
    assertFalse(
        AuditKey.read(outside, data).toString().contains("xxxx"), "the key is never printed");
  }
}
