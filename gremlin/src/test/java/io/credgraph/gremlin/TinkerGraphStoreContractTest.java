package io.credgraph.gremlin;

import io.credgraph.store.GraphStore;
import io.credgraph.store.GraphStoreContract;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole storage contract against a TinkerGraph (TinkerTransactionGraph) in this process, kept
 * in memory.
 */
class TinkerGraphStoreContractTest extends GraphStoreContract {
  @Override
  protected GraphStore createStore(Path dir) {
    return GremlinGraphStore.tinkerGraph(Optional.empty());
  }
}
