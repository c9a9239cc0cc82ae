package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --store} and the store credentials accept, and what they refuse with a message saying
 * what to do.
 */
class StoreChoiceTest {
  private static final Path DATA = Path.of("/srv/credgraph/data");

  private static StoreChoice parse(String store, Map<String, String> env) {
    return StoreChoice.parse(store, DATA, null, env::get);
  }

  @Test
  void withoutStoreTheEmbeddedDatabaseInDataIsChosen() {
    StoreChoice c = parse(null, Map.of());
    assertEquals(StoreChoice.Kind.NEO4J_EMBEDDED, c.kind());
    assertEquals("neo4j+embedded:" + DATA, c.uri());
  }

  @Test
  void everySchemeChoosesItsStore() {
    assertEquals(
        StoreChoice.Kind.NEO4J_EMBEDDED, parse("neo4j+embedded:/var/lib/db", Map.of()).kind());
    assertEquals(StoreChoice.Kind.NEO4J_BOLT, parse("bolt://db.example.org:7687", Map.of()).kind());
    assertEquals(
        StoreChoice.Kind.NEO4J_BOLT,
        parse("neo4j://cluster.example.org:7687/credit", Map.of()).kind());
    assertEquals(
        StoreChoice.Kind.NEO4J_BOLT, parse("neo4j+s://cluster.example.org", Map.of()).kind());
    assertEquals(
        StoreChoice.Kind.GREMLIN, parse("gremlin://janus.example.org:8182", Map.of()).kind());
    assertEquals(StoreChoice.Kind.TINKERGRAPH, parse("tinkergraph:", Map.of()).kind());
    assertEquals(
        StoreChoice.Kind.TINKERGRAPH, parse("tinkergraph:/tmp/city.json", Map.of()).kind());
  }

  @Test
  void credentialsInTheUriAreRefusedAndNotEchoed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> parse("bolt://neo4j:s3cret-pass@db.example.org:7687", Map.of()));
    assertTrue(e.getMessage().contains("CREDGRAPH_STORE_USER"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret-pass"), e.getMessage());
  }

  @Test
  void unknownSchemesAndMissingHostsSayWhatToWrite() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> parse("mysql://db.example.org", Map.of()));
    assertTrue(e.getMessage().contains("gremlin://HOST:8182"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> parse("neo4j+embedded:", Map.of()));
    assertTrue(e.getMessage().contains("needs a directory"), e.getMessage());
  }

  @Test
  void credentialsComeFromTheEnvironmentAndTheFileWins(@TempDir Path dir) throws Exception {
    Map<String, String> env =
        Map.of(StoreChoice.USER_ENV, "reader", StoreChoice.PASSWORD_ENV, "env-secret");
    StoreChoice fromEnv = parse("neo4j://cluster.example.org:7687", env);
    assertEquals(
        Optional.of(new StoreChoice.Credentials("reader", "env-secret")), fromEnv.credentials());
    assertFalse(fromEnv.describe().contains("env-secret"), fromEnv.describe());
    assertFalse(fromEnv.credentials().orElseThrow().toString().contains("env-secret"));

    Path file = dir.resolve("store.credentials");
    Files.writeString(file, "# the cluster's writer\nuser = credgraph\npassword = file-secret\n");
    StoreChoice fromFile =
        StoreChoice.parse("gremlin://janus.example.org:8182", DATA, file, env::get);
    assertEquals(
        Optional.of(new StoreChoice.Credentials("credgraph", "file-secret")),
        fromFile.credentials());
  }

  @Test
  void aBadCredentialsFileNamesTheLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("store.credentials");
    Files.writeString(file, "user=credgraph\npasswd=oops\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StoreChoice.parse("bolt://db.example.org", DATA, file, k -> null));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertFalse(e.getMessage().contains("oops"), e.getMessage());
  }
}
