package io.credgraph.gremlin;

import io.credgraph.store.GraphStore;
import io.credgraph.store.GraphStoreContract;
import java.nio.file.Path;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole storage contract against {@link GremlinGraphStore#connect} and a real Gremlin Server
 * hosting a TinkerTransactionGraph in a separate JVM ({@link GremlinServerMain}), on a free port,
 * stopped after the tests. A fresh store is the server's graph emptied (a traversal that drops
 * every vertex); reopening is connecting again.
 */
class GremlinServerStoreContractIT extends GraphStoreContract {
  private static GremlinServerHarness server;

  @BeforeAll
  static void startServer(@TempDir Path serverDir) throws Exception {
    server = GremlinServerHarness.start(serverDir);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected GraphStore createStore(Path dir) throws Exception {
    Cluster cluster =
        Cluster.build("localhost")
            .port(server.port())
            .serializer(new GraphBinaryMessageSerializerV1())
            .create();
    try {
      AnonymousTraversalSource.traversal()
          .withRemote(DriverRemoteConnection.using(cluster, "g"))
          .V()
          .drop()
          .iterate();
    } finally {
      cluster.close();
    }
    return GremlinGraphStore.connect(server.remote());
  }

  @Override
  protected GraphStore reopenStore(Path dir) {
    return GremlinGraphStore.connect(server.remote());
  }
}
