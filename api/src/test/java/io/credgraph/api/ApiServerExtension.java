package io.credgraph.api;

import io.credgraph.api.web.Browser;
import io.credgraph.api.web.WebCity;
import io.credgraph.fixtures.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way an HTTP test starts its server: a real {@link ApiServer} on a free port over a real
 * store in a fresh folder under {@code target/}, with a city loaded, started before the class's
 * {@code @BeforeAll} methods and closed (its folder deleted) after its {@code @AfterAll} methods.
 * Declare it as {@code @RegisterExtension static final ApiServerExtension SERVER =
 * ApiServerExtension.fixtures();} and reach the server with {@link #server()}.
 */
public final class ApiServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final Function<Path, ApiServer> start;
  private final boolean withBrowser;
  private Path dir;
  private ApiServer server;
  private Browser browser;

  private ApiServerExtension(Function<Path, ApiServer> start, boolean withBrowser) {
    this.start = start;
    this.withBrowser = withBrowser;
  }

  /** A server over an empty in-memory store. */
  public static ApiServerExtension empty() {
    return new ApiServerExtension(ApiServer::new, false);
  }

  /** A server over the small fixture city of {@link Fixtures}, written through the engine. */
  public static ApiServerExtension fixtures() {
    return new ApiServerExtension(
        dir -> {
          ApiServer s = new ApiServer(dir);
          Fixtures.load(s.engine.writer());
          return s;
        },
        false);
  }

  /**
   * A server with the sample city, every batch posted through {@code POST /api/v1/batches} without
   * a rejection.
   */
  public static ApiServerExtension sampleCity() {
    return new ApiServerExtension(WebCity::start, false);
  }

  /**
   * The same server with a headless Chromium opened first (the class is skipped, before any city is
   * loaded, where Chromium is missing) and closed after the class.
   */
  public ApiServerExtension withBrowser() {
    return new ApiServerExtension(start, true);
  }

  /** The browser of {@link #withBrowser()}. */
  public Browser browser() {
    if (browser == null) {
      throw new IllegalStateException("no browser: declare the extension withBrowser()");
    }
    return browser;
  }

  /** The running server (between the class's first and last test). */
  public ApiServer server() {
    if (server == null) {
      throw new IllegalStateException(
          "the server starts before the class's @BeforeAll methods: register this "
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
    if (withBrowser) {
      browser = Browser.open(dir);
    }
    server = start.apply(dir);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      try {
        if (server != null) {
          server.close();
        }
      } finally {
        browser = null;
        server = null;
        Folders.delete(dir);
      }
    }
  }
}
