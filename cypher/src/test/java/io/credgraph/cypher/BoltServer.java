package io.credgraph.cypher;

import io.credgraph.fixtures.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * A real Neo4j server with a Bolt listener for tests: {@link BoltServerMain} in a separate JVM, its
 * database in a folder of the test, on a free port of localhost, no authentication. It can be
 * killed (SIGKILL) and started again on the same folder and port, as a server that crashed and came
 * back. Used by the cypher ITs and, through the test-jar, by the api module's serve tests.
 */
public final class BoltServer implements AutoCloseable {
  private static final Duration START = Duration.ofMinutes(4);
  private final Path dir;
  private final int port;
  private ChildJvm child;

  private BoltServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server on {@code dir} and waits until it answers on Bolt. */
  public static BoltServer start(Path dir) throws IOException, InterruptedException {
    BoltServer server = new BoltServer(dir, freePort());
    server.startChild();
    return server;
  }

  /**
   * The server's address with {@code scheme} ({@code bolt} for one server, {@code neo4j} routed).
   */
  public URI uri(String scheme) {
    return URI.create(scheme + "://localhost:" + port);
  }

  /** SIGKILL: the server dies at once, in the middle of whatever it was doing. */
  public void kill() throws InterruptedException {
    child.kill();
  }

  /** Starts the server again on the same folder and port (Neo4j recovers what a kill left). */
  public void restart() throws IOException, InterruptedException {
    if (child != null) {
      child.close();
    }
    startChild();
  }

  private void startChild() throws IOException, InterruptedException {
    child = ChildJvm.start(BoltServerMain.class, dir.toString(), String.valueOf(port));
    child.await(("READY " + port)::equals, START);
    awaitBolt(Duration.ofMinutes(2));
  }

  @Override
  public void close() throws InterruptedException {
    if (child != null) {
      child.terminate(Duration.ofMinutes(2));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Waits until the server answers on Bolt (it prints READY once started; the listener may lag).
   */
  private void awaitBolt(Duration timeout) throws InterruptedException {
    URI uri = uri("bolt");
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
