package io.credgraph.api;

import io.credgraph.api.web.WebCity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way an HTTP test starts its server: a real {@link ApiServer} on a free port over a real store in a fresh
 * folder under {@code target/}, with a city loaded, started before the class's {@code @BeforeAll} methods and closed
 * (its folder deleted) after its {@code @AfterAll} methods. Declare it as
 * {@code @RegisterExtension static final ApiServerExtension SERVER = ApiServerExtension.fixtures();} and reach the
 * server with {@link #server()}.
 */
public final class ApiServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final Function<Path, ApiServer> start;
  private Path dir;
  private ApiServer server;

  private ApiServerExtension(Function<Path, ApiServer> start) {
    this.start = start;
  }

  /** A server over an empty in-memory store. */
  public static ApiServerExtension empty() {
    return new ApiServerExtension(ApiServer::new);
  }

  /** A server over the small fixture city of {@link Fixtures}, written through the engine. */
  public static ApiServerExtension fixtures() {
    return new ApiServerExtension(dir -> {
      ApiServer s = new ApiServer(dir);
      Fixtures.load(s.engine.writer());
      return s;
    });
  }

  /** A server with the sample city, every batch posted through {@code POST /api/v1/batches} without a rejection. */
  public static ApiServerExtension sampleCity() {
    return new ApiServerExtension(WebCity::start);
  }

  /** The running server (between the class's first and last test). */
  public ApiServer server() {
    if (server == null) {
      throw new IllegalStateException("the server starts before the class's @BeforeAll methods: register this "
          + "extension on a static field");
    }
    return server;
  }

  /** The server's folder (audit log, keys, watchlists). */
  public Path dir() {
    return dir;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Path target = Files.createDirectories(Path.of("target"));
    dir = Files.createTempDirectory(target, context.getRequiredTestClass().getSimpleName() + "-");
    server = start.apply(dir);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      server = null;
      delete(dir);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
