package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.Fixtures;
import io.credgraph.api.auth.ApiKeys;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.auth.Role;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code credgraph keys issue}: a fresh key appended to the file, printed once, known to the file's
 * reader.
 */
class KeysCommandTest {
  record Run(int code, String out, String err) {
    /** The key printed: the last line of the output. */
    String key() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1].strip();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void issuesADepartmentKeyThatTheFileThenHolds(@TempDir Path dir) throws Exception {
    Path keys = dir.resolve("keys.txt");
    Files.writeString(keys, "# keys\nops:" + "a".repeat(40) + ":ADMIN");
    Run r =
        run(
            "keys",
            "issue",
            "--role",
            "DEPARTMENT",
            "--department",
            "TAX",
            "--keys",
            keys.toString());
    assertEquals(0, r.code(), r.err());
    String key = r.key();
    assertTrue(key.length() >= 32, key);
    List<String> lines = Files.readAllLines(keys);
    assertEquals(3, lines.size(), lines.toString());
    assertEquals("department-2:" + key + ":DEPARTMENT:TAX", lines.get(2));
    Caller c = ApiKeys.read(keys).authenticate(key).orElseThrow();
    assertEquals(Optional.of("TAX"), c.department());
    Run again =
        run(
            "keys",
            "issue",
            "--role",
            "STEWARD",
            "--keys",
            keys.toString(),
            "--name",
            "night-shift");
    assertFalse(again.key().equals(key), "each key is fresh");
    assertEquals(
        Role.STEWARD,
        ApiKeys.read(keys).authenticate(again.key()).orElseThrow().role().orElseThrow());
  }

  @Test
  void aSubjectKeyIsBoundToTheSubjectFoundByItsIdNumberReadFromStandardInput(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    String zhang;
    try (EmbeddedNeo4jStore store = EmbeddedNeo4jStore.open(data)) {
      store.write(WriteBatch.builder().subject(Subject.person(Fixtures.ZHANG_ID, "张三")).build());
      zhang = store.subject(SubjectKey.resident(Fixtures.ZHANG_ID)).orElseThrow().id().value();
    }
    Path keys = dir.resolve("keys.txt");
    InputStream stdin = System.in;
    Run r;
    try {
      System.setIn(
          new ByteArrayInputStream((Fixtures.ZHANG_ID + "\n").getBytes(StandardCharsets.UTF_8)));
      r =
          run(
              "keys",
              "issue",
              "--role",
              "SUBJECT",
              "--subject",
              "-",
              "--keys",
              keys.toString(),
              "--data",
              data.toString());
    } finally {
      System.setIn(stdin);
    }
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains(Fixtures.ZHANG_ID), "the ID number is not echoed");
    assertFalse(
        Files.readString(keys).contains(Fixtures.ZHANG_ID), "the file holds the opaque subject id");
    Caller c = ApiKeys.read(keys).authenticate(r.key()).orElseThrow();
    assertEquals(Optional.of(zhang), c.subject());
  }

  @Test
  void usageErrorsSayWhatToFix(@TempDir Path dir) {
    Path keys = dir.resolve("keys.txt");
    Run noSubject = run("keys", "issue", "--role", "SUBJECT", "--keys", keys.toString());
    assertTrue(
        noSubject.code() != 0 && noSubject.err().contains("needs --subject"), noSubject.err());
    Run byUscc =
        run(
            "keys",
            "issue",
            "--role",
            "SUBJECT",
            "--subject",
            Fixtures.ALPHA_USCC,
            "--keys",
            keys.toString());
    assertTrue(byUscc.code() != 0 && byUscc.err().contains("needs --data"), byUscc.err());
    Run wrongDept =
        run(
            "keys",
            "issue",
            "--role",
            "REGISTRY",
            "--department",
            "TAX",
            "--keys",
            keys.toString());
    assertTrue(
        wrongDept.code() != 0 && wrongDept.err().contains("--department is for DEPARTMENT"),
        wrongDept.err());
    assertFalse(Files.exists(keys), "nothing written after a usage error");
  }
}
