package io.credgraph.cypher;

import io.credgraph.StoreException;
import io.credgraph.store.Capability;
import io.credgraph.store.StoreInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * The default store: an embedded Neo4j database on disk under a data directory, with no network
 * listener. Batches are Neo4j transactions, so a batch interrupted by a crash is rolled back by
 * Neo4j's transaction log when the database opens next. The database shuts down cleanly on {@link
 * #close()}, on SIGTERM and at JVM exit (a shutdown hook).
 *
 * <p>Memory stays modest: the page cache is 128 MiB unless {@link Options} say otherwise (also
 * settable with the system property {@code credgraph.neo4j.pagecache} or the environment variable
 * {@code CREDGRAPH_NEO4J_PAGECACHE}, e.g. {@code 512m} or {@code 2g}).
 */
public final class EmbeddedNeo4jStore extends CypherGraphStore {
  private final DatabaseManagementService dbms;
  private final Thread shutdownHook;

  private EmbeddedNeo4jStore(
      DatabaseManagementService dbms, GraphDatabaseService db, Path dataDir) {
    super(
        new EmbeddedRunner(db),
        new StoreInfo(
            "neo4j-embedded " + neo4jVersion(),
            dataDir.toString(),
            EnumSet.of(
                Capability.PERSISTENCE,
                Capability.CRASH_SAFE_BATCHES,
                Capability.CONCURRENT_READS)));
    this.dbms = dbms;
    this.shutdownHook = new Thread(dbms::shutdown, "credgraph-neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Opens (creating when missing) the store under {@code dataDir} with the default {@link Options}.
   */
  public static EmbeddedNeo4jStore open(Path dataDir) {
    return open(dataDir, Options.defaults());
  }

  /** Opens (creating when missing) the store under {@code dataDir}. */
  public static EmbeddedNeo4jStore open(Path dataDir, Options options) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(options, "options");
    Path dir = dataDir.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new StoreException(
          "data directory " + dir + " is a file; give a directory (it is created if missing)");
    }
    DatabaseManagementService dbms;
    try {
      Files.createDirectories(dir);
      dbms =
          new DatabaseManagementServiceBuilder(dir)
              .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes())
              .setConfig(GraphDatabaseSettings.preallocate_logical_logs, options.preallocateFiles())
              .setConfig(GraphDatabaseSettings.preallocate_store_files, options.preallocateFiles())
              .setConfig(BoltConnector.enabled, false)
              .build();
    } catch (java.io.IOException | RuntimeException e) {
      throw new StoreException(
          "cannot open the Neo4j database in "
              + dir
              + ": "
              + e.getMessage()
              + " (is another credgraph process using this directory?)",
          e,
          false);
    }
    try {
      GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      return new EmbeddedNeo4jStore(dbms, db, dir);
    } catch (RuntimeException e) {
      dbms.shutdown();
      throw e instanceof StoreException s
          ? s
          : new StoreException(
              "cannot open the Neo4j database in " + dir + ": " + e.getMessage(), e, false);
    }
  }

  @Override
  protected void closeBackend() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException jvmShuttingDown) {
      // the hook shuts the database down itself
      return;
    }
    dbms.shutdown();
  }

  private static String neo4jVersion() {
    String v = DatabaseManagementService.class.getPackage().getImplementationVersion();
    return v == null ? "5" : v;
  }

  /**
   * Settings of the embedded database.
   *
   * @param pageCacheBytes the page cache (Neo4j's cache of store files), at least 8 MiB
   * @param preallocateFiles whether Neo4j reserves disk space for transaction logs and store files
   *     ahead (faster sustained writes; off for small, short-lived databases)
   */
  public record Options(long pageCacheBytes, boolean preallocateFiles) {
    public static final long DEFAULT_PAGE_CACHE = ByteUnit.mebiBytes(128);

    public Options {
      if (pageCacheBytes < ByteUnit.mebiBytes(8)) {
        throw new IllegalArgumentException(
            "page cache of "
                + pageCacheBytes
                + " bytes is too small: give at least 8 MiB (e.g. 128m)");
      }
    }

    /**
     * 128 MiB of page cache, or {@code credgraph.neo4j.pagecache} / {@code
     * CREDGRAPH_NEO4J_PAGECACHE}.
     */
    public static Options defaults() {
      String configured =
          System.getProperty(
              "credgraph.neo4j.pagecache", System.getenv("CREDGRAPH_NEO4J_PAGECACHE"));
      return new Options(
          configured == null || configured.isBlank() ? DEFAULT_PAGE_CACHE : parseSize(configured),
          true);
    }

    /** A small database for tests and demos: 16 MiB of page cache, nothing preallocated. */
    public static Options small() {
      return new Options(ByteUnit.mebiBytes(16), false);
    }

    public Options withPageCache(long bytes) {
      return new Options(bytes, preallocateFiles);
    }

    /** Parses {@code 512m}, {@code 2g}, {@code 65536k} or a number of bytes. */
    public static long parseSize(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      long unit = 1;
      char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
      switch (last) {
        case 'k' -> unit = ByteUnit.kibiBytes(1);
        case 'm' -> unit = ByteUnit.mebiBytes(1);
        case 'g' -> unit = ByteUnit.gibiBytes(1);
        default -> unit = 1;
      }
      String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
      try {
        return Math.multiplyExact(Long.parseLong(digits.strip()), unit);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException(
            "page cache size '"
                + text
                + "' is not a size: write a number with k, m or g (e.g. 512m)");
      }
    }
  }
}
