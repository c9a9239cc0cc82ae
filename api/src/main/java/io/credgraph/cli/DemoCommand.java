package io.credgraph.cli;

import io.credgraph.api.ApiConfig;
import io.credgraph.api.auth.ApiKeys;
import io.credgraph.api.auth.Role;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.store.GraphStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code credgraph demo}: a fresh data directory, the sample city loaded into it, the server
 * started, and the URLs, an example request and one demo key per role printed.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a demo server on a fresh data directory, with one printed key per role.",
      "Stop it with Ctrl-C; the data directory is kept (its path is printed)."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "port to listen on (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--data",
      description =
          "data directory to create (default: a new temporary directory); "
              + "must not exist or be empty")
  Path data;

  @Mixin ServerOptions options;

  @Override
  public Integer call() throws Exception {
    PrintStream out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out),
            true,
            java.nio.charset.StandardCharsets.UTF_8);
    Path dir = fresh(data);
    Map<Role, String> demoKeys = new LinkedHashMap<>();
    ApiKeys keys = ApiKeys.none();
    for (Role r : Role.values()) {
      if (r == Role.SUBJECT) {
        continue; // a SUBJECT key is bound to one subject: ./credgraph keys issue --role SUBJECT
        // --subject ...
      }
      String key = ApiKeys.newKey();
      demoKeys.put(r, key);
      keys =
          keys.and(
              ApiKeys.of(
                  "demo-" + r.name().toLowerCase(Locale.ROOT),
                  key,
                  r,
                  r == Role.DEPARTMENT ? Optional.of("MARKET_REGULATION") : Optional.empty()));
    }
    long t0 = System.nanoTime();
    out.println("credgraph demo: data directory " + dir);
    GraphStore store = EmbeddedNeo4jStore.open(dir);
    out.println("credgraph demo: " + DemoData.load(store));
    ApiConfig config = options.apply(ApiConfig.defaults(keys));
    Path auditKeyFile = DemoAuditKey.create(dir);
    out.println("credgraph demo: audit key file " + auditKeyFile + " (outside the data directory)");
    RunningServer server =
        RunningServer.start(
            store,
            dir,
            config,
            options.protections(),
            java.util.Optional.of(io.credgraph.api.audit.AuditKey.read(auditKeyFile, dir)),
            options.host,
            port,
            out,
            t0);
    String base = "http://localhost:" + server.port();
    out.println();
    out.println(
        "  web pages    "
            + base
            + "/   (open it, paste a key below into the sign-in box at the top right)");
    out.println(
        "               "
            + base
            + "/public needs no key; /counter REGISTRY, /checks DEPARTMENT, /steward "
            + "STEWARD, /admin ADMIN");
    out.println("  API docs     " + base + "/docs");
    out.println("  health       " + base + "/health");
    out.println("  OpenAPI      " + base + "/openapi.json");
    out.println("  public list  " + base + "/api/v1/lists/DISHONEST_JUDGMENT_DEBTOR");
    out.println();
    out.println(
        "  demo keys (paste one into the web page's sign-in, or send Authorization: Bearer <key>):");
    demoKeys.forEach((r, k) -> out.printf("    %-13s %s%n", r, k));
    out.println();
    out.println("  try:");
    DemoData.examples(base, demoKeys).forEach(line -> out.println("    " + line));
    out.println();
    out.println("  Ctrl-C stops the server.");
    server.await();
    return 0;
  }

  private static Path fresh(Path requested) throws java.io.IOException {
    if (requested == null) {
      return Files.createTempDirectory("credgraph-demo-");
    }
    if (Files.exists(requested)) {
      try (var s = Files.list(requested)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(
              "--data "
                  + requested
                  + " is not empty; the demo needs a fresh "
                  + "directory (give a new path, or leave --data out for a temporary one)");
        }
      }
    }
    return Files.createDirectories(requested);
  }
}
