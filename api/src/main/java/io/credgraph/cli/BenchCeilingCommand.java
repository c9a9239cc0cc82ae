package io.credgraph.cli;

import io.javalin.Javalin;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code credgraph bench-ceiling}: a bare Javalin server with one endpoint returning a small JSON
 * document, the ceiling the HTTP benchmark (api/bench/run.sh) compares the checks against. Same
 * Javalin, Jetty and JSON mapper as the API, no auth, no audit, no engine.
 */
@Command(
    name = "bench-ceiling",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Serves GET /ping (a small JSON document) for the HTTP benchmark's ceiling.")
final class BenchCeilingCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8081", description = "port (default ${DEFAULT-VALUE})")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, Object> doc = Map.of("status", "ok", "service", "credgraph", "version", 1);
    Javalin app =
        Javalin.create(
                cfg -> {
                  cfg.showJavalinBanner = false;
                  cfg.jsonMapper(
                      new io.javalin.json.JavalinJackson(io.credgraph.api.Json.mapper(), false));
                })
            .get("/ping", ctx -> ctx.json(doc))
            .start(port);
    System.out.println("bench-ceiling: http://localhost:" + app.port() + "/ping");
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  done.countDown();
                }));
    done.await();
    return 0;
  }
}
