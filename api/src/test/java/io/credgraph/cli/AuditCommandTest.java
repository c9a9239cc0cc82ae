package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.audit.AuditFixtures;
import io.credgraph.api.audit.AuditKey;
import io.credgraph.api.audit.AuditLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code credgraph audit verify|seal} and the key rules of {@code serve}, run as a user types them.
 */
class AuditCommandTest {
  static final String KEY = "audit-command-test-key-0123456789abcdef";

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path keyFile() throws Exception {
    Path f = dir.resolve("audit.key");
    if (!Files.exists(f)) {
      Files.writeString(f, KEY + "\n");
    }
    return f;
  }

  private void write(Path data, Optional<AuditKey> key, int n) {
    try (AuditLog log = AuditLog.open(data.resolve("audit"), Clock.systemUTC(), key)) {
      AuditFixtures.appendChecks(log, "s", n);
    }
  }

  @Test
  void verifyExitsZeroWhenIntactAndNamesTheFirstBrokenLineOtherwise() throws Exception {
    Path data = dir.resolve("data");
    write(data, Optional.of(AuditKey.of(KEY, "t")), 5);
    Run ok =
        run("audit", "verify", "--data", data.toString(), "--audit-key-file", keyFile().toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("5 entries, chain intact"), ok.out());

    Path file = data.resolve("audit").resolve(AuditLog.FILE_NAME);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.set(2, lines.get(2).replace("eligible=true", "eligible=false"));
    Files.write(file, lines, StandardCharsets.UTF_8);
    Run broken =
        run("audit", "verify", "--data", data.toString(), "--audit-key-file", keyFile().toString());
    assertEquals(AuditCommand.BROKEN, broken.code());
    assertTrue(broken.err().contains("BROKEN at line 4"), broken.err());
  }

  @Test
  void anUnkeyedLogIsSealedThenVerifiesWithTheKey() throws Exception {
    Path data = dir.resolve("data");
    write(data, Optional.empty(), 3);
    Run before =
        run("audit", "verify", "--data", data.toString(), "--audit-key-file", keyFile().toString());
    assertEquals(
        AuditCommand.BROKEN, before.code(), "with the key, an unsealed log is not accepted");
    assertTrue(before.err().contains("no entry is keyed"), before.err());
    Run seal =
        run("audit", "seal", "--data", data.toString(), "--audit-key-file", keyFile().toString());
    assertEquals(0, seal.code(), seal.err());
    assertTrue(seal.out().contains("3 unkeyed entries covered by the keyed entry 4"), seal.out());
    Run after =
        run("audit", "verify", "--data", data.toString(), "--audit-key-file", keyFile().toString());
    assertEquals(0, after.code(), after.err());
    assertTrue(after.out().contains("keyed from line 4 (sealed)"), after.out());
  }

  @Test
  void serveRefusesToStartWithoutAKeyOrWithAKeyFileInTheDataDirectory() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Run none = run("serve", "--data", data.toString(), "--port", "0");
    assertEquals(1, none.code());
    assertTrue(
        none.err().contains("no audit key") && none.err().contains("--audit-unkeyed"), none.err());
    Path inside = Files.writeString(data.resolve("audit.key"), KEY);
    Run in =
        run(
            "serve",
            "--data",
            data.toString(),
            "--port",
            "0",
            "--audit-key-file",
            inside.toString());
    assertEquals(1, in.code());
    assertTrue(in.err().contains("inside the data directory"), in.err());
    assertFalse(in.err().contains(KEY), "the key is never printed");
    assertFalse(Files.exists(data.resolve("audit")), "nothing was opened");
  }
}
