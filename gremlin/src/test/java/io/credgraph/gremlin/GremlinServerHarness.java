package io.credgraph.gremlin;

import io.credgraph.fixtures.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A Gremlin Server in a child JVM ({@link GremlinServerMain}) on a free port, for the tests of this
 * module and of others (through this module's test-jar). {@link #close()} stops it with SIGTERM.
 */
public final class GremlinServerHarness implements AutoCloseable {
  private final ChildJvm jvm;
  private final int port;

  private GremlinServerHarness(ChildJvm jvm, int port) {
    this.jvm = jvm;
    this.port = port;
  }

  /** Starts the server with its files under {@code dir} and waits until it answers a traversal. */
  public static GremlinServerHarness start(Path dir) throws Exception {
    int port = freePort();
    ChildJvm jvm = ChildJvm.start(GremlinServerMain.class, dir.toString(), String.valueOf(port));
    try {
      jvm.await(("READY " + port)::equals, Duration.ofMinutes(3));
      GremlinServerHarness h = new GremlinServerHarness(jvm, port);
      if (!GremlinGraphStore.ping(h.remote(), Duration.ofMinutes(1))) {
        throw new AssertionError(
            "the Gremlin Server on port " + port + " printed READY but answers no traversal");
      }
      return h;
    } catch (Exception | AssertionError e) {
      jvm.close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** How to reach it: {@code gremlin://localhost:PORT/g}, no credentials. */
  public GremlinGraphStore.Remote remote() {
    return new GremlinGraphStore.Remote("localhost", port, "g", Optional.empty(), Optional.empty());
  }

  public String uri() {
    return "gremlin://localhost:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    jvm.terminate(Duration.ofMinutes(1));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
