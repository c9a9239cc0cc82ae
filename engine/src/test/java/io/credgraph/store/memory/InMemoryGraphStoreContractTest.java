package io.credgraph.store.memory;

import io.credgraph.store.GraphStore;
import io.credgraph.store.GraphStoreContract;
import java.nio.file.Path;

/** The reference backend runs the whole storage contract. */
class InMemoryGraphStoreContractTest extends GraphStoreContract {
  @Override
  protected GraphStore createStore(Path dir) {
    return InMemoryGraphStore.create();
  }
}
