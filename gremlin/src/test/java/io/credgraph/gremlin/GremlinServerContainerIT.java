package io.credgraph.gremlin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.credgraph.store.GraphStore;
import io.credgraph.store.GraphStoreContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The whole storage contract against the official {@code tinkerpop/gremlin-server} image run by
 * Testcontainers, with a configuration that hosts a TinkerTransactionGraph (the image's default
 * TinkerGraph has no transactions). Where no Docker engine answers, every test is skipped with that
 * reason; the child-JVM server of {@link GremlinServerStoreContractIT} is what runs on such
 * machines.
 */
class GremlinServerContainerIT extends GraphStoreContract {
  static final String IMAGE = "tinkerpop/gremlin-server:3.7.3";
  private static GenericContainer<?> server;

  @BeforeAll
  static void startContainer(@TempDir Path dir) throws Exception {
    assumeTrue(
        dockerAvailable(),
        "no Docker engine is reachable here, so the "
            + IMAGE
            + " container is not run "
            + "(GremlinServerStoreContractIT runs the same contract against a Gremlin Server in a child JVM)");
    Path props = dir.resolve("credgraph-tinkergraph.properties");
    Files.writeString(
        props,
        "gremlin.graph=org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTransactionGraph\n",
        StandardCharsets.UTF_8);
    Path yaml = dir.resolve("credgraph.yaml");
    Files.writeString(
        yaml,
        String.join(
            "\n",
            "host: 0.0.0.0",
            "port: 8182",
            "graphs: { graph: conf/credgraph-tinkergraph.properties }",
            "scriptEngines: {",
            "  gremlin-groovy: {",
            "    plugins: { org.apache.tinkerpop.gremlin.server.jsr223.GremlinServerGremlinPlugin: {},",
            "               org.apache.tinkerpop.gremlin.tinkergraph.jsr223.TinkerGraphGremlinPlugin: {},",
            "               org.apache.tinkerpop.gremlin.jsr223.ScriptFileGremlinPlugin: "
                + "{files: [scripts/empty-sample.groovy]}}}}",
            "serializers:",
            "  - { className: org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1 }",
            ""),
        StandardCharsets.UTF_8);
    server =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withCopyFileToContainer(
                MountableFile.forHostPath(props), "/opt/gremlin-server/conf/" + props.getFileName())
            .withCopyFileToContainer(
                MountableFile.forHostPath(yaml), "/opt/gremlin-server/conf/" + yaml.getFileName())
            .withCommand("conf/" + yaml.getFileName())
            .withExposedPorts(8182)
            .waitingFor(Wait.forListeningPort());
    server.start();
  }

  @AfterAll
  static void stopContainer() {
    if (server != null) {
      server.stop();
    }
  }

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static GremlinGraphStore.Remote remote() {
    return new GremlinGraphStore.Remote(
        server.getHost(), server.getMappedPort(8182), "g", Optional.empty(), Optional.empty());
  }

  @Override
  protected GraphStore createStore(Path dir) {
    GremlinServerHarness.dropAll(remote());
    return GremlinGraphStore.connect(remote());
  }

  @Override
  protected GraphStore reopenStore(Path dir) {
    return GremlinGraphStore.connect(remote());
  }
}
