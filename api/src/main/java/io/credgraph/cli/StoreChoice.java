package io.credgraph.cli;

import io.credgraph.cypher.BoltNeo4jStore;
import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.gremlin.GremlinGraphStore;
import io.credgraph.store.GraphStore;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which store {@code serve} and {@code load} open, from {@code --store}:
 *
 * <ul>
 *   <li>(absent) or {@code neo4j+embedded:DIR}: the embedded Neo4j database on disk (the default:
 *       in {@code --data});
 *   <li>{@code bolt://HOST:PORT[/DATABASE]}, {@code neo4j://HOST:PORT[/DATABASE]} (and their {@code
 *       +s}, {@code +ssc} forms): a Neo4j server or cluster over Bolt, database {@code neo4j}
 *       unless a path names another;
 *   <li>{@code gremlin://HOST:PORT[/TRAVERSAL_SOURCE]}: a Gremlin Server (TinkerGraph, JanusGraph;
 *       traversal source {@code g} unless named), GraphBinary, bytecode traversals;
 *   <li>{@code tinkergraph:} (in memory, gone at exit) or {@code tinkergraph:FILE} (a GraphSON
 *       file, read at start and written at a clean stop).
 * </ul>
 *
 * <p>Credentials never come from the command line: a user name and password in the URI are refused.
 * They come from the environment ({@value #USER_ENV}, {@value #PASSWORD_ENV}) or from {@code
 * --store-credentials FILE} (lines {@code user=NAME} and {@code password=SECRET}, {@code #}
 * comments), the file winning.
 */
record StoreChoice(String uri, Kind kind, Optional<Credentials> credentials) {
  static final String USER_ENV = "CREDGRAPH_STORE_USER";
  static final String PASSWORD_ENV = "CREDGRAPH_STORE_PASSWORD";

  enum Kind {
    NEO4J_EMBEDDED,
    NEO4J_BOLT,
    GREMLIN,
    TINKERGRAPH
  }

  /** A user name and a password; {@link #toString()} never shows the password. */
  record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=***]";
    }
  }

  /**
   * Parses {@code --store} ({@code null}: the embedded default in {@code data}) with credentials
   * from the file, else from {@code env}; a bad value is an {@link IllegalArgumentException} that
   * says what to write instead.
   */
  static StoreChoice parse(
      String store, Path data, Path credentialsFile, Function<String, String> env) {
    String s = store == null || store.isBlank() ? "neo4j+embedded:" + data : store.strip();
    Optional<Credentials> creds =
        credentialsFile != null
            ? Optional.of(readCredentials(credentialsFile))
            : Optional.ofNullable(env.apply(USER_ENV))
                .filter(u -> !u.isBlank())
                .map(
                    u ->
                        new Credentials(
                            u, Optional.ofNullable(env.apply(PASSWORD_ENV)).orElse("")));
    if (s.startsWith("neo4j+embedded:")) {
      String dir = s.substring("neo4j+embedded:".length());
      if (dir.isBlank()) {
        throw new IllegalArgumentException(
            "neo4j+embedded: needs a directory, e.g. neo4j+embedded:/var/lib/credgraph");
      }
      return new StoreChoice(s, Kind.NEO4J_EMBEDDED, Optional.empty());
    }
    if (s.startsWith("tinkergraph:")) {
      return new StoreChoice(s, Kind.TINKERGRAPH, Optional.empty());
    }
    URI u;
    try {
      u = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + redact(s) + "' is not a store URI: " + e.getReason());
    }
    if (u.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "credentials do not go on the command line: remove them from the URI and set "
              + USER_ENV
              + "/"
              + PASSWORD_ENV
              + " or use --store-credentials FILE");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme();
    Kind kind =
        switch (scheme) {
          case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc" -> Kind.NEO4J_BOLT;
          case "gremlin" -> Kind.GREMLIN;
          default ->
              throw new IllegalArgumentException(
                  "unknown store '"
                      + s
                      + "': use neo4j+embedded:DIR, bolt://HOST:PORT, "
                      + "neo4j://HOST:PORT, gremlin://HOST:8182 or tinkergraph:[FILE]");
        };
    if (u.getHost() == null) {
      throw new IllegalArgumentException(
          "'"
              + s
              + "' names no host, e.g. "
              + scheme
              + "://db.example.org"
              + (kind == Kind.GREMLIN ? ":8182" : ":7687"));
    }
    return new StoreChoice(s, kind, creds);
  }

  /** Opens the chosen store. */
  GraphStore open(EmbeddedNeo4jStore.Options embeddedOptions) {
    return switch (kind) {
      case NEO4J_EMBEDDED ->
          EmbeddedNeo4jStore.open(
              Path.of(uri.substring("neo4j+embedded:".length())), embeddedOptions);
      case TINKERGRAPH -> {
        String file = uri.substring("tinkergraph:".length());
        yield GremlinGraphStore.tinkerGraph(
            file.isBlank() ? Optional.empty() : Optional.of(Path.of(file)));
      }
      case NEO4J_BOLT -> {
        URI u = URI.create(uri);
        String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|/+$", "");
        URI server =
            URI.create(
                u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""));
        String database = path.isEmpty() ? "neo4j" : path;
        yield credentials
            .map(
                c ->
                    BoltNeo4jStore.connect(
                        server,
                        org.neo4j.driver.AuthTokens.basic(c.user(), c.password()),
                        database))
            .orElseGet(
                () -> BoltNeo4jStore.connect(server, org.neo4j.driver.AuthTokens.none(), database));
      }
      case GREMLIN -> {
        URI u = URI.create(uri);
        String source = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|/+$", "");
        yield GremlinGraphStore.connect(
            new GremlinGraphStore.Remote(
                u.getHost(),
                u.getPort() > 0 ? u.getPort() : 8182,
                source,
                credentials.map(Credentials::user),
                credentials.map(Credentials::password)));
      }
    };
  }

  /** What start-up prints: the URI (never a password) and where credentials came from. */
  String describe() {
    return uri + credentials.map(c -> " as " + c.user()).orElse("");
  }

  private static Credentials readCredentials(Path file) {
    String user = null;
    String password = null;
    java.util.List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the store credentials file " + file + ": " + e.getMessage());
    }
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? "" : line.substring(0, eq).strip();
      String value = eq < 0 ? "" : line.substring(eq + 1).strip();
      switch (key) {
        case "user" -> user = value;
        case "password" -> password = value;
        default ->
            throw new IllegalArgumentException(
                file
                    + " line "
                    + n
                    + ": expected user=NAME or password=SECRET"
                    + (eq < 0 ? "" : ", found the key '" + key + "'"));
      }
    }
    if (user == null || user.isEmpty()) {
      throw new IllegalArgumentException(file + ": no user=NAME line");
    }
    return new Credentials(user, password == null ? "" : password);
  }

  private static String redact(String s) {
    return s.replaceAll("//[^@/]*@", "//***@");
  }
}
