package io.credgraph.gremlin;

import io.credgraph.engine.EngineScenarios;
import io.credgraph.store.GraphStore;

/**
 * The engine's scenario files (every rule row, both law versions, every status, both propagation
 * paths) against the TinkerGraph store in this process.
 */
class TinkerGraphScenarioTest extends EngineScenarios {
  @Override
  protected GraphStore newStore() {
    return GremlinGraphStore.tinkerGraph();
  }
}
