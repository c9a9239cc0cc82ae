package io.credgraph.gremlin;

import io.credgraph.fixtures.ChildJvm;
import io.credgraph.fixtures.Folders;
import io.credgraph.store.GraphStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Gremlin Server in a child JVM ({@link GremlinServerMain}) on a free port, for the tests of this
 * module and of others (through this module's test-jar). {@link #close()} stops it with SIGTERM;
 * {@link #perClass()} starts one for a test class and stops it after. {@link #freshStore()} is the
 * stores' contract's fresh store: the server's graph emptied, then connected.
 */
public final class GremlinServerHarness implements AutoCloseable {
  private final ChildJvm jvm;
  private final int port;
  private Path folder;

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

  /** Stops the server (SIGTERM); deletes its folder when {@link #perClass()} made it. */
  @Override
  public void close() throws InterruptedException, IOException {
    try {
      jvm.terminate(Duration.ofMinutes(1));
    } finally {
      Folders.delete(folder);
    }
  }

  /** A fresh store: this server's graph emptied ({@link #dropAll}), then connected. */
  public GraphStore freshStore() {
    dropAll(remote());
    return GremlinGraphStore.connect(remote());
  }

  /** Empties the graph behind {@code remote}: a traversal that drops every vertex. */
  public static void dropAll(GremlinGraphStore.Remote remote) {
    try (GremlinGraphStore store = GremlinGraphStore.connect(remote)) {
      store.traversal().V().drop().iterate();
    }
  }

  /**
   * A Gremlin Server for one test class ({@code @RegisterExtension static}): started before its
   * tests with its files in a temporary folder, stopped and the folder deleted after them.
   */
  public static PerClass perClass() {
    return new PerClass();
  }

  /** See {@link #perClass()}. */
  public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
    private GremlinServerHarness server;

    private PerClass() {}

    public GremlinServerHarness server() {
      if (server == null) {
        throw new IllegalStateException("the Gremlin Server starts before the class's tests");
      }
      return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
      Path dir = Files.createTempDirectory("gremlin-server");
      server = start(dir);
      server.folder = dir;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
      if (server != null) {
        server.close();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
