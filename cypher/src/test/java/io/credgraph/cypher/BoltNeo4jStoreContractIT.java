package io.credgraph.cypher;

import io.credgraph.fixtures.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The whole storage contract against {@link BoltNeo4jStore} and a real Neo4j server with a Bolt
 * listener, started in a separate JVM ({@link BoltServerMain}) on a free port and stopped after the
 * tests. A fresh store is the server's database emptied; reopening is connecting again.
 */
class BoltNeo4jStoreContractIT extends BoltStoreContract {
  private static ChildJvm server;
  private static URI uri;

  @BeforeAll
  static void startServer(@TempDir Path serverDir) throws Exception {
    int port = freePort();
    server =
        ChildJvm.start(
            BoltServerMain.class, serverDir.resolve("neo4j").toString(), String.valueOf(port));
    server.await(("READY " + port)::equals, Duration.ofMinutes(4));
    uri = URI.create("bolt://localhost:" + port);
    awaitBolt(Duration.ofMinutes(2));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.terminate(Duration.ofMinutes(2));
    }
  }

  @Override
  protected URI uri() {
    return uri;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Waits until the server answers on Bolt (it prints READY once started; the listener may lag a
   * little).
   */
  private static void awaitBolt(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try (Driver driver = GraphDatabase.driver(uri, AuthTokens.none())) {
        driver.verifyConnectivity();
        return;
      } catch (RuntimeException e) {
        last = e;
        Thread.sleep(250);
      }
    }
    throw new AssertionError("Neo4j did not answer on " + uri + " within " + timeout, last);
  }
}
