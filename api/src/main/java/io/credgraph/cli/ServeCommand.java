package io.credgraph.cli;

import io.credgraph.api.ApiConfig;
import io.credgraph.api.auth.ApiKeys;
import io.credgraph.store.GraphStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code credgraph serve}: the HTTP API over the embedded Neo4j store in a data directory. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the HTTP API over the embedded store in --data (created when missing).",
        "API keys: --keys FILE (one key:ROLE per line, # comments) and/or the environment variable "
            + ApiKeys.ENV + " (key:ROLE pairs separated by commas).",
        "Roles: DEPARTMENT < REGISTRY < INVESTIGATOR < STEWARD < ADMIN. Stops cleanly on SIGTERM."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8080", description = "port to listen on (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--data", required = true, description = "data directory (the database and the audit log)")
  Path data;

  @Option(names = "--keys", description = "keys file: one key:ROLE (or name:key:ROLE) per line")
  Path keys;

  @Mixin
  ServerOptions options;

  @Mixin
  StoreOptions storeOptions;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        java.nio.charset.StandardCharsets.UTF_8);
    ApiKeys apiKeys = keys(keys, System.getenv(ApiKeys.ENV));
    if (apiKeys.isEmpty()) {
      out.println("credgraph: no API keys configured (--keys or " + ApiKeys.ENV
          + "): only the public routes (lists, /health, /docs) can be used");
    } else {
      out.println("credgraph: API keys: " + String.join(", ", apiKeys.describe()));
    }
    ApiConfig config = options.apply(ApiConfig.defaults(apiKeys));
    long t0 = System.nanoTime();
    out.println("credgraph: opening the embedded store in " + data.toAbsolutePath() + " ...");
    GraphStore store = storeOptions.open(data, spec);
    io.credgraph.api.Protections protections = options.protections();
    io.credgraph.api.guard.Tls.check(protections);
    if (!protections.tls()) {
      out.println("credgraph: plain HTTP (no --tls-cert/--tls-key): keys and personal data cross the network "
          + "in clear text; run it only behind a TLS proxy");
    }
    RunningServer server = RunningServer.start(store, data, config, protections, options.host, port, out, t0);
    server.await();
    return 0;
  }

  static ApiKeys keys(Path file, String env) {
    ApiKeys k = ApiKeys.parse(env, ApiKeys.ENV);
    return file == null ? k : k.and(ApiKeys.read(file));
  }
}
