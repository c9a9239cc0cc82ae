package io.credgraph.gremlin;

import io.credgraph.engine.EngineScenarios;
import io.credgraph.store.GraphStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine's scenario files against the Gremlin store over a real Gremlin Server in a child JVM;
 * each scenario run starts from the server's graph emptied.
 */
class GremlinServerScenarioIT extends EngineScenarios {
  @RegisterExtension
  static final GremlinServerHarness.PerClass SERVER = GremlinServerHarness.perClass();

  @Override
  protected GraphStore newStore() {
    return SERVER.server().freshStore();
  }
}
