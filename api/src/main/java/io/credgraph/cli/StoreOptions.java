package io.credgraph.cli;

import io.credgraph.cypher.EmbeddedNeo4jStore;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options of the embedded store shared by {@code serve} and {@code load}. */
final class StoreOptions {
  @Option(
      names = "--page-cache",
      paramLabel = "SIZE",
      description =
          "Neo4j page cache, e.g. 512m or 3g (default 128m, or CREDGRAPH_NEO4J_PAGECACHE); give large "
              + "cities a page cache that holds the store")
  String pageCache;

  /**
   * The options to open the store with; a size that does not parse is a usage error naming the
   * option.
   */
  EmbeddedNeo4jStore.Options storeOptions(CommandSpec spec) {
    EmbeddedNeo4jStore.Options defaults = EmbeddedNeo4jStore.Options.defaults();
    if (pageCache == null) {
      return defaults;
    }
    try {
      return defaults.withPageCache(EmbeddedNeo4jStore.Options.parseSize(pageCache));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--page-cache: " + e.getMessage());
    }
  }

  EmbeddedNeo4jStore open(Path data, CommandSpec spec) {
    return EmbeddedNeo4jStore.open(data, storeOptions(spec));
  }

  @Option(
      names = "--store",
      paramLabel = "URI",
      description =
          "the store: neo4j+embedded:DIR (default: the embedded store in --data), bolt://HOST:PORT[/DB], "
              + "neo4j://HOST:PORT[/DB] (a cluster), gremlin://HOST:8182[/SOURCE] (a Gremlin Server), tinkergraph:[FILE]; "
              + "credentials from "
              + StoreChoice.USER_ENV
              + "/"
              + StoreChoice.PASSWORD_ENV
              + " or --store-credentials")
  String store;

  @Option(
      names = "--store-credentials",
      paramLabel = "FILE",
      description =
          "the store's user and password: lines user=NAME and password=SECRET (never on the command line)")
  Path storeCredentials;

  /**
   * The store that --store names (the embedded store in {@code data} without it); a bad value is a
   * usage error.
   */
  StoreChoice choice(Path data, CommandSpec spec) {
    try {
      return StoreChoice.parse(store, data, storeCredentials, System::getenv);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--store: " + e.getMessage());
    }
  }

  /** Opens the store that --store names. */
  io.credgraph.store.GraphStore openChosen(Path data, CommandSpec spec) {
    return choice(data, spec).open(storeOptions(spec));
  }
}
