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
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the HTTP API over the embedded store in --data (created when missing), or the store that "
          + "--store names (its audit log and watchlists stay in --data).",
      "API keys: --keys FILE (one name:key:ROLE per line, # comments; read again when it changes) and/or the "
          + "environment variable "
          + ApiKeys.ENV
          + " (key:ROLE pairs separated by commas); keys have at least 32 "
          + "characters (./credgraph keys issue makes them).",
      "Roles: DEPARTMENT < REGISTRY < INVESTIGATOR < STEWARD < ADMIN, and SUBJECT (a subject's own file only). "
          + "Stops cleanly on SIGTERM."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "port to listen on (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--data",
      required = true,
      description = "data directory (the database and the audit log)")
  Path data;

  @Option(
      names = "--keys",
      description =
          "keys file: one name:key:ROLE (or key:ROLE) per line, followed while " + "running")
  Path keys;

  @Mixin ServerOptions options;

  @Mixin StoreOptions storeOptions;

  @Mixin AuditOptions auditOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintStream out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out),
            true,
            java.nio.charset.StandardCharsets.UTF_8);
    ApiKeys apiKeys = keys(keys, System.getenv(ApiKeys.ENV));
    if (apiKeys.isEmpty()) {
      out.println(
          "credgraph: no API keys configured (--keys or "
              + ApiKeys.ENV
              + "): only the public routes (lists, /health, /docs) can be used");
    } else {
      out.println("credgraph: API keys: " + String.join(", ", apiKeys.describe()));
    }
    ApiConfig config = options.apply(ApiConfig.defaults(apiKeys));
    java.util.Optional<io.credgraph.api.audit.AuditKey> auditKey =
        auditOptions.key(data, out::println);
    long t0 = System.nanoTime();
    io.credgraph.api.Protections protections = options.protections();
    io.credgraph.api.guard.Tls.check(
        protections); // a wrong key file stops serve before the store is opened
    out.println(
        "credgraph: opening the store "
            + storeOptions.choice(data.toAbsolutePath(), spec).describe()
            + " ...");
    GraphStore store = storeOptions.openChosen(data.toAbsolutePath(), spec);
    if (!protections.tls()) {
      out.println(
          "credgraph: plain HTTP (no --tls-cert/--tls-key): keys and personal data cross the network "
              + "in clear text; run it only behind a TLS proxy");
    }
    RunningServer server =
        RunningServer.start(
            store, data, config, protections, auditKey, options.host, port, out, t0);
    server.await();
    return 0;
  }

  static ApiKeys keys(Path file, String env) {
    ApiKeys k = ApiKeys.parse(env, ApiKeys.ENV);
    return file == null ? k : ApiKeys.watching(k, file);
  }
}
