package io.credgraph.gremlin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tinkerpop.gremlin.server.GremlinServer;
import org.apache.tinkerpop.gremlin.server.Settings;
import org.apache.tinkerpop.gremlin.server.util.ServerGremlinExecutor;
import org.apache.tinkerpop.gremlin.structure.Graph;

/**
 * A real Gremlin Server for tests, run in its own JVM ({@link GremlinServerHarness}): it writes a
 * server YAML and a graph properties file under {@code args[0]}, hosts a {@link
 * org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTransactionGraph} (transactions, as the
 * store needs) on {@code localhost:args[1]} with GraphBinary over WebSocket, binds the traversal
 * source {@code g}, prints {@code READY <port>} and serves until SIGTERM. No script engine is
 * configured: the server takes bytecode only, so TinkerPop's string parser (antlr 4.9) is never
 * loaded.
 */
public final class GremlinServerMain {
  private GremlinServerMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    Files.createDirectories(dir);
    Path graphProps = dir.resolve("tinkergraph.properties");
    Files.writeString(
        graphProps,
        String.join(
            "\n",
            "gremlin.graph=org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTransactionGraph",
            "gremlin.tinkergraph.vertexIdManager=LONG",
            "gremlin.tinkergraph.edgeIdManager=LONG",
            ""),
        StandardCharsets.UTF_8);
    Path yaml = dir.resolve("gremlin-server.yaml");
    Files.writeString(
        yaml,
        String.join(
            "\n",
            "host: localhost",
            "port: " + port,
            "evaluationTimeout: 60000",
            "channelizer: org.apache.tinkerpop.gremlin.server.channel.WebSocketChannelizer",
            "graphs: {",
            "  graph: '" + graphProps.toAbsolutePath() + "'}",
            "scriptEngines: {}",
            "serializers:",
            "  - { className: org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1 }",
            "maxContentLength: 67108864",
            ""),
        StandardCharsets.UTF_8);
    Settings settings = Settings.read(yaml.toString());
    GremlinServer server = new GremlinServer(settings);
    ServerGremlinExecutor executor = server.start().join();
    Graph graph = executor.getGraphManager().getGraph("graph");
    executor.getGraphManager().putTraversalSource("g", graph.traversal());
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> server.stop().join(), "gremlin-server-shutdown"));
    System.out.println("READY " + port);
    System.out.flush();
    Thread.currentThread().join();
  }
}
