package io.credgraph.gremlin;

import io.credgraph.store.GraphStore;
import io.credgraph.store.GraphStoreContract;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole storage contract against a TinkerGraph kept in a GraphSON file: written at close, read
 * at open, so the persistence case of the kit (everything survives close and reopen) runs too.
 */
class TinkerGraphFileStoreContractTest extends GraphStoreContract {
  @Override
  protected GraphStore createStore(Path dir) {
    return GremlinGraphStore.tinkerGraph(Optional.of(dir.resolve("graph.json")));
  }
}
