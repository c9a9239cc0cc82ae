package io.credgraph.gremlin;

import io.credgraph.engine.EngineScenarios;
import io.credgraph.store.GraphStore;
import java.nio.file.Path;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's scenario files against the Gremlin store over a real Gremlin Server in a child JVM;
 * each scenario run starts from the server's graph emptied.
 */
class GremlinServerScenarioIT extends EngineScenarios {
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
  protected GraphStore newStore() {
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
}
