package io.credgraph.cypher;

import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A real Neo4j server for tests, run in its own JVM by {@link BoltServer}: the database under
 * {@code args[0]} with a Bolt listener on {@code localhost:args[1]}, no authentication. Prints
 * {@code READY <port>} once started and shuts down on SIGTERM.
 */
public final class BoltServerMain {
  private BoltServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(dir)
            .setConfig(BoltConnector.enabled, true)
            // the in-JVM loopback connector uses a Netty channel type that Netty 4.2 (the driver's)
            // no longer supports
            .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", port))
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(32))
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
            .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    System.out.println("READY " + port);
    System.out.flush();
    Thread.currentThread().join();
  }
}
