package io.credgraph.gremlin;

import io.credgraph.store.GraphStore;
import io.credgraph.store.GraphStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole storage contract against {@link GremlinGraphStore#connect} and a real Gremlin Server
 * hosting a TinkerTransactionGraph in a separate JVM ({@link GremlinServerMain}), on a free port,
 * stopped after the tests. A fresh store is the server's graph emptied (a traversal that drops
 * every vertex); reopening is connecting again.
 */
class GremlinServerStoreContractIT extends GraphStoreContract {
  @RegisterExtension
  static final GremlinServerHarness.PerClass SERVER = GremlinServerHarness.perClass();

  @Override
  protected GraphStore createStore(Path dir) {
    return SERVER.server().freshStore();
  }

  @Override
  protected GraphStore reopenStore(Path dir) {
    return GremlinGraphStore.connect(SERVER.server().remote());
  }
}
