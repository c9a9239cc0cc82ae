package io.credgraph.cypher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The whole storage contract against {@link BoltNeo4jStore} and the official {@code neo4j} image
 * run by Testcontainers. Where no Docker engine answers, every test is skipped with that reason;
 * the child-JVM Neo4j of {@link BoltNeo4jStoreContractIT} is what runs on such machines.
 */
class Neo4jContainerContractIT extends BoltStoreContract {
  static final String IMAGE = "neo4j:5.26.16-community";
  private static GenericContainer<?> neo4j;
  private static URI uri;

  @BeforeAll
  static void startContainer() {
    assumeTrue(
        dockerAvailable(),
        "no Docker engine is reachable here, so the "
            + IMAGE
            + " container is not run "
            + "(BoltNeo4jStoreContractIT runs the same contract against a Neo4j in a child JVM)");
    neo4j =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withEnv("NEO4J_AUTH", "none")
            .withExposedPorts(7687)
            .waitingFor(
                Wait.forLogMessage(".*Started.*\\n", 1).withStartupTimeout(Duration.ofMinutes(3)));
    neo4j.start();
    uri = URI.create("bolt://" + neo4j.getHost() + ":" + neo4j.getMappedPort(7687));
  }

  @AfterAll
  static void stopContainer() {
    if (neo4j != null) {
      neo4j.stop();
    }
  }

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  protected URI uri() {
    return uri;
  }
}
