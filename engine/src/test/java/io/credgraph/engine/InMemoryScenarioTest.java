package io.credgraph.engine;

import io.credgraph.store.GraphStore;
import io.credgraph.store.memory.InMemoryGraphStore;

/** The scenario files on the in-memory reference store. */
class InMemoryScenarioTest extends EngineScenarios {
  @Override
  protected GraphStore newStore() {
    return InMemoryGraphStore.create();
  }
}
