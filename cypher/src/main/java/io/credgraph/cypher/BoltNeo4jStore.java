package io.credgraph.cypher;

import io.credgraph.StoreException;
import io.credgraph.store.Capability;
import io.credgraph.store.StoreInfo;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The store on a Neo4j 5 server reached over Bolt ({@code bolt://} or {@code neo4j://}), with the
 * same schema and statements as the embedded store ({@link CypherGraphStore}). Every batch is one
 * managed write transaction; the driver retries transient failures. The server keeps the data
 * (PERSISTENCE) and its transaction log makes batches crash-safe.
 *
 * <p>Reads and writes of this process never see a commit half applied (see {@link BoltRunner});
 * other processes writing to the same database get Neo4j's read-committed isolation.
 */
public final class BoltNeo4jStore extends CypherGraphStore {

  private BoltNeo4jStore(BoltRunner runner, URI uri, String database) {
    super(
        runner,
        new StoreInfo(
            "neo4j-bolt",
            uri + " (database " + database + ")",
            EnumSet.of(
                Capability.PERSISTENCE,
                Capability.CRASH_SAFE_BATCHES,
                Capability.CONCURRENT_READS,
                Capability.REMOTE)));
  }

  /** Connects without authentication to the default database {@code neo4j}. */
  public static BoltNeo4jStore connect(URI uri) {
    return connect(uri, AuthTokens.none(), "neo4j");
  }

  /** Connects with a user name and password to the default database {@code neo4j}. */
  public static BoltNeo4jStore connect(URI uri, String user, String password) {
    return connect(uri, AuthTokens.basic(user, password), "neo4j");
  }

  /**
   * Connects to {@code database} on the server at {@code uri}, checks that it answers, applies the
   * schema (idempotent) and creates the store's metadata node when missing.
   */
  public static BoltNeo4jStore connect(URI uri, AuthToken auth, String database) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(database, "database");
    Driver driver =
        GraphDatabase.driver(uri, auth, Config.builder().withMaxConnectionPoolSize(16).build());
    try {
      driver.verifyConnectivity();
      return new BoltNeo4jStore(new BoltRunner(driver, database), uri, database);
    } catch (StoreException e) {
      driver.close();
      throw e;
    } catch (RuntimeException e) {
      driver.close();
      throw new StoreException(
          "cannot reach Neo4j at " + uri + " (database " + database + "): " + e.getMessage(),
          e,
          true);
    }
  }

  @Override
  protected void closeBackend() {
    // the runner closed the driver
  }
}
