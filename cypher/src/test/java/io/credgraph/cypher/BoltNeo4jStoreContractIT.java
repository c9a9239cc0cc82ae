package io.credgraph.cypher;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole storage contract against {@link BoltNeo4jStore} and a real Neo4j server with a Bolt
 * listener ({@link BoltServer}), started in a separate JVM on a free port and stopped after the
 * tests. A fresh store is the server's database emptied; reopening is connecting again.
 */
class BoltNeo4jStoreContractIT extends BoltStoreContract {
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
  protected URI uri() {
    return uri;
  }
}
