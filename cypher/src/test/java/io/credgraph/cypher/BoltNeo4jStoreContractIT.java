package io.credgraph.cypher;

import io.credgraph.store.GraphStore;
import io.credgraph.store.GraphStoreContract;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * The whole storage contract against {@link BoltNeo4jStore} and a real Neo4j server with a Bolt
 * listener ({@link BoltServer}), started in a separate JVM on a free port and stopped after the
 * tests. A fresh store is the server's database emptied; reopening is connecting again.
 */
class BoltNeo4jStoreContractIT extends GraphStoreContract {
  private static BoltServer server;
  private static URI uri;

  @BeforeAll
  static void startServer(@TempDir Path serverDir) throws Exception {
    server = BoltServer.start(serverDir.resolve("neo4j"));
    uri = server.uri("bolt");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected GraphStore createStore(Path dir) {
    try (Driver driver = GraphDatabase.driver(uri, AuthTokens.none());
        Session session = driver.session()) {
      session.executeWriteWithoutResult(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
    }
    return BoltNeo4jStore.connect(uri);
  }

  @Override
  protected GraphStore reopenStore(Path dir) {
    return BoltNeo4jStore.connect(uri);
  }
}
