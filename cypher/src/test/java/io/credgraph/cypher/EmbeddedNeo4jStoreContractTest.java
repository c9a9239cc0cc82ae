package io.credgraph.cypher;

import io.credgraph.store.GraphStore;
import io.credgraph.store.GraphStoreContract;
import java.nio.file.Path;

/**
 * The whole storage contract against the embedded Neo4j store, on disk in a temporary directory.
 */
class EmbeddedNeo4jStoreContractTest extends GraphStoreContract {
  @Override
  protected GraphStore createStore(Path dir) {
    return EmbeddedNeo4jStore.open(dir, EmbeddedNeo4jStore.Options.small());
  }
}
