package io.credgraph.cypher;

import io.credgraph.store.GraphStore;
import io.credgraph.store.GraphStoreContract;
import java.net.URI;
import java.nio.file.Path;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * The storage contract over a Neo4j server reached by Bolt, however the server is started: a fresh
 * store is the server's database emptied, reopening is connecting again. A subclass starts the
 * server before its tests and says where it listens.
 */
abstract class BoltStoreContract extends GraphStoreContract {
  /** The server's Bolt address, once started. */
  protected abstract URI uri();

  @Override
  protected GraphStore createStore(Path dir) {
    try (Driver driver = GraphDatabase.driver(uri(), AuthTokens.none());
        Session session = driver.session()) {
      session.executeWriteWithoutResult(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
    }
    return BoltNeo4jStore.connect(uri());
  }

  @Override
  protected GraphStore reopenStore(Path dir) {
    return BoltNeo4jStore.connect(uri());
  }
}
