package io.credgraph.cypher;

import io.credgraph.engine.EngineScenarios;
import io.credgraph.store.GraphStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engine's scenario files (every rule row, both law versions, every status, both propagation
 * paths) against the embedded Neo4j store, a real on-disk database in a temporary directory per
 * scenario run.
 */
class EmbeddedScenarioTest extends EngineScenarios {
  private final Map<GraphStore, Path> dirs = new IdentityHashMap<>();

  @Override
  protected GraphStore newStore() {
    try {
      Path dir = Files.createTempDirectory("credgraph-scenario-");
      GraphStore store =
          EmbeddedNeo4jStore.open(
              dir,
              new EmbeddedNeo4jStore.Options(EmbeddedNeo4jStore.Options.parseSize("16m"), false));
      dirs.put(store, dir);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void closeStore(GraphStore store) {
    store.close();
    Path dir = dirs.remove(store);
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
