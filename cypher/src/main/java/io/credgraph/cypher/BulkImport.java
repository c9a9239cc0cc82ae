package io.credgraph.cypher;

import io.credgraph.StoreException;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.GraphStore;
import io.credgraph.store.codec.PropertyCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * Writes the whole content of a store (in practice an {@link
 * io.credgraph.store.memory.InMemoryGraphStore} that the exchange loader filled) as a new embedded
 * database under a data directory, with Neo4j's offline importer (the library behind {@code
 * neo4j-admin database import full}, run in-process) instead of transactions. The graph is the one
 * {@link CypherGraphStore} writes: the same labels, relationship types and properties, encoded by
 * the same {@link PropertyCodec}, with the {@code Meta} node's version and checkpoint sequence and
 * the checkpoints' sequence numbers as a transactional load would have left them. The indexes and
 * constraints of {@code schema.cypher} are created when the store is opened afterwards.
 *
 * <p>Only for a data directory without a database ({@link #isFresh(Path)}). The import runs in a
 * work directory inside the data directory ({@value #WORK}); the database appears in its place only
 * when the import succeeded, so an interrupted or failed import leaves no half database, and the
 * next run starts again (it removes what an interrupted one left).
 *
 * <p>One difference a Cypher query could see, none the store's reads can: a record without liable
 * persons has no {@code liablePersons} property (a transactional load stores an empty list); both
 * read back as no liable persons.
 */
public final class BulkImport {
  /** The work directory, inside the data directory, removed after the import. */
  public static final String WORK = ".bulk-import";

  private static final PropertyCodec CODEC = CypherGraphStore.CODEC;
  private static final String DATABASE = "neo4j";

  private BulkImport() {}

  /** What the importer wrote and how long each step took. */
  public record Result(
      long subjects,
      long relations,
      long records,
      long pending,
      long checkpoints,
      long version,
      long csvMillis,
      long importMillis) {
    public long nodes() {
      return subjects + records + pending + checkpoints + 1;
    }
  }

  /**
   * Whether {@code dataDir} holds no embedded database yet (a new or missing directory, or one
   * where an earlier bulk import was interrupted).
   */
  public static boolean isFresh(Path dataDir) {
    return !Files.exists(databaseDir(dataDir.toAbsolutePath().normalize()));
  }

  /**
   * Writes {@code source}'s subjects, relations, records, pending facts, checkpoints and version as
   * the embedded database of {@code dataDir}, which must be {@link #isFresh fresh}. The importer's
   * own output goes to {@code log} (its report of bad entries too, though there are none: the
   * source holds only validated facts).
   */
  public static Result write(GraphStore source, Path dataDir, OutputStream log) {
    return write(source, dataDir, log, false);
  }

  /**
   * As {@link #write(GraphStore, Path, OutputStream)}, into a data directory whose database the
   * caller has opened, seen empty (version 0, nothing stored) and closed: that database is replaced
   * by the imported one, once the import succeeded (until then it stays as it was).
   */
  public static Result replaceEmpty(GraphStore source, Path dataDir, OutputStream log) {
    return write(source, dataDir, log, true);
  }

  private static Result write(
      GraphStore source, Path dataDir, OutputStream log, boolean replaceEmpty) {
    Objects.requireNonNull(source, "source");
    Path dir = dataDir.toAbsolutePath().normalize();
    if (!replaceEmpty && !isFresh(dir)) {
      throw new StoreException(
          "a bulk import needs a data directory without a database, and "
              + databaseDir(dir)
              + " exists: load into it transactionally");
    }
    Path work = dir.resolve(WORK);
    try {
      deleteTree(work);
      if (isFresh(dir)) {
        // an interrupted import may have moved the transaction logs but not the database
        deleteTree(transactionsDir(dir));
      }
      Path csv = Files.createDirectories(work.resolve("csv"));
      long t0 = System.nanoTime();
      Csv files = writeCsv(source, csv);
      long csvMillis = (System.nanoTime() - t0) / 1_000_000;
      long t1 = System.nanoTime();
      runImporter(work, csv, files.multiline, log);
      long importMillis = (System.nanoTime() - t1) / 1_000_000;
      if (!isFresh(dir)) {
        // the empty database goes aside (and then with the work directory): from here until the
        // imported one is in place the directory is fresh, so an interruption means a new import
        Path aside = Files.createDirectories(work.resolve("replaced"));
        Files.move(databaseDir(dir), aside.resolve("database"));
        deleteTree(transactionsDir(dir));
      }
      Files.createDirectories(transactionsDir(dir).getParent());
      Files.createDirectories(databaseDir(dir).getParent());
      Files.move(transactionsDir(work), transactionsDir(dir));
      // the database's own directory appears last: until it does, the directory is still fresh
      Files.move(databaseDir(work), databaseDir(dir));
      deleteTree(work);
      return new Result(
          files.subjects,
          files.relations,
          files.records,
          files.pending,
          files.checkpoints,
          files.version,
          csvMillis,
          importMillis);
    } catch (IOException e) {
      throw new StoreException(
          "the bulk import into " + dir + " failed: " + e.getMessage(), e, false);
    } finally {
      try {
        deleteTree(work);
      } catch (IOException ignored) {
        // the next import removes it
      }
    }
  }

  private static Path databaseDir(Path home) {
    return home.resolve("data").resolve("databases").resolve(DATABASE);
  }

  private static Path transactionsDir(Path home) {
    return home.resolve("data").resolve("transactions").resolve(DATABASE);
  }

  private static void runImporter(Path work, Path csv, boolean multiline, OutputStream log)
      throws IOException {
    Path home = Files.createDirectories(work.resolve("home"));
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.writeString(
        conf.resolve("neo4j.conf"), "server.directories.data=" + work.resolve("data") + "\n");
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    ExecutionContext context =
        new ExecutionContext(home, conf, out, out, new DefaultFileSystemAbstraction());
    // "import full" under its parent command, as neo4j-admin builds it (the parent says which
    // features the edition has)
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == ImportCommand.Full.class
                ? type.cast(new ImportCommand.Full(context))
                : CommandLine.defaultFactory().create(type);
          }
        };
    List<String> argv = new ArrayList<>();
    // the database is the importer's default one, neo4j (DATABASE)
    // node ids given, as the importer's own: no id mapping (it sorts string ids, a large part of
    // its time)
    argv.add("full");
    argv.add("--verbose");
    argv.add("--id-type=actual");
    argv.add("--multiline-fields=" + multiline);
    argv.add("--report-file=" + work.resolve("import.report"));
    // no --schema: in Neo4j 5 Community the importer cannot build indexes ("Record format batch
    // import does not support schema changes"; only the Enterprise block format can), so the first
    // open of the store builds those of schema.cypher
    argv.add("--nodes=Subject=" + csv.resolve("subjects.csv"));
    argv.add("--nodes=Record=" + csv.resolve("records.csv"));
    argv.add("--nodes=Pending=" + csv.resolve("pending.csv"));
    argv.add("--nodes=Checkpoint=" + csv.resolve("checkpoints.csv"));
    argv.add("--nodes=Meta=" + csv.resolve("meta.csv"));
    argv.add("--relationships=" + csv.resolve("relations.csv"));
    argv.add("--relationships=HAS_RECORD=" + csv.resolve("has-record.csv"));
    java.io.PrintWriter writer =
        new java.io.PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    int exit =
        new CommandLine(new ImportCommand(), factory)
            .setOut(writer)
            .setErr(writer)
            .execute(argv.toArray(String[]::new));
    writer.flush();
    out.flush();
    if (exit != 0) {
      throw new IOException("Neo4j's importer exited with status " + exit);
    }
  }

  private static final class Csv {
    long subjects;
    long relations;
    long records;
    long pending;
    long checkpoints;
    long version;

    /** Set by any writer thread that wrote a value with a line break. */
    volatile boolean multiline;
  }

  private static Csv writeCsv(GraphStore source, Path csv) throws IOException {
    Csv c = new Csv();
    try (Writer subjects = new Writer(csv.resolve("subjects.csv"), c);
        Writer records = new Writer(csv.resolve("records.csv"), c);
        Writer hasRecord = new Writer(csv.resolve("has-record.csv"), c);
        Writer relations = new Writer(csv.resolve("relations.csv"), c);
        Writer pending = new Writer(csv.resolve("pending.csv"), c);
        Writer checkpoints = new Writer(csv.resolve("checkpoints.csv"), c);
        Writer meta = new Writer(csv.resolve("meta.csv"), c)) {
      List<String> subjectCols =
          List.of(
              "key",
              "id",
              "kind",
              "name",
              "legalForm",
              "status",
              "registeredOn",
              "district",
              "industry",
              "attributes",
              "provenance");
      subjects.header(":ID", subjectCols, Map.of("registeredOn", "date"));
      List<String> recordCols =
          List.of(
              "id",
              "subject",
              "list",
              "department",
              "decisionNo",
              "basis",
              "decidedOn",
              "effectiveFrom",
              "effectiveUntil",
              "liablePersons",
              "profession",
              "crime",
              "sentenceCompletedOn",
              "probationEndsOn",
              "politicalRightsDeprivedUntil",
              "attributes",
              "history",
              "provenance");
      records.header(
          ":ID",
          recordCols,
          Map.of(
              "decidedOn", "date",
              "effectiveFrom", "date",
              "effectiveUntil", "date",
              "liablePersons", "string[]",
              "sentenceCompletedOn", "date",
              "probationEndsOn", "date",
              "politicalRightsDeprivedUntil", "date"));
      hasRecord.line(":START_ID,:END_ID");
      List<String> relationCols = List.of("since", "until", "ratio", "attributes", "provenance");
      relations.line(
          ":START_ID,:END_ID,:TYPE,since:date,until:date,ratio:double,attributes,provenance");
      List<String> pendingCols = List.of("id", "awaited", "line", "provenance");
      pending.header(":ID", pendingCols, Map.of());
      List<String> checkpointCols =
          List.of("batchHash", "name", "department", "lastLine", "complete", "updatedAt", "seq");
      checkpoints.header(
          ":ID", checkpointCols, Map.of("lastLine", "long", "complete", "boolean", "seq", "long"));
      meta.line(":ID,id,version:long,checkpointSeq:long");

      // node ids: subjects from 0, then records, pending facts, checkpoints and the Meta node
      List<Subject> all = new ArrayList<>();
      source.forEachSubject(all::add);
      Map<SubjectKey, Long> ids = new HashMap<>(all.size() * 2);
      for (int i = 0; i < all.size(); i++) {
        ids.put(all.get(i).key(), (long) i);
      }
      c.subjects = all.size();
      long[] next = {all.size()};
      // subjects and relations are written beside the rest (encoding the facts is most of the work)
      ExecutorService pool =
          Executors.newFixedThreadPool(
              2,
              task -> {
                Thread t = new Thread(task, "credgraph-bulk-csv");
                t.setDaemon(true);
                return t;
              });
      try {
        Future<?> subjectsDone =
            pool.submit(
                () -> {
                  for (int i = 0; i < all.size(); i++) {
                    subjects.row((long) i, CODEC.subjectProps(all.get(i)), subjectCols);
                  }
                  return null;
                });
        Future<Long> relationsDone =
            pool.submit(
                () -> {
                  long[] n = {0};
                  source.forEachRelation(
                      r -> {
                        relations.cell(node(ids, r.from()));
                        relations.cell(node(ids, r.to()));
                        relations.cell(r.type().name());
                        Map<String, Object> p = CODEC.relationProps(r);
                        for (String col : relationCols) {
                          relations.cell(p.get(col));
                        }
                        relations.end();
                        n[0]++;
                      });
                  return n[0];
                });
        source.forEachRecord(
            r -> {
              long id = next[0]++;
              records.row(id, CODEC.recordProps(r), recordCols);
              hasRecord.cell(node(ids, r.subject()));
              hasRecord.cell(id);
              hasRecord.end();
              c.records++;
            });
        source.forEachPending(
            f -> {
              pending.row(next[0]++, CODEC.pendingProps(f), pendingCols);
              c.pending++;
            });
        subjectsDone.get();
        c.relations = relationsDone.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing the import's CSV files", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UncheckedIOException u) {
          throw u.getCause();
        }
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IOException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
      long seq = 0;
      for (BatchCheckpoint cp : source.checkpoints()) {
        checkpoints.row(next[0]++, CODEC.checkpointProps(cp, ++seq), checkpointCols);
        c.checkpoints++;
      }
      c.version = source.version();
      meta.cell(next[0]++);
      meta.cell(CypherGraphStore.META_ID);
      meta.cell(c.version);
      meta.cell(seq);
      meta.end();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return c;
  }

  private static long node(Map<SubjectKey, Long> ids, SubjectKey key) {
    Long id = ids.get(key);
    if (id == null) {
      throw new StoreException(
          "the store to import has a fact of subject " + key + ", which it does not hold");
    }
    return id;
  }

  /**
   * One CSV file in the importer's dialect: comma separated, strings in double quotes (a quote
   * doubled), absent values as empty unquoted cells, lists separated by {@code ;}.
   */
  private static final class Writer implements AutoCloseable {
    private final BufferedWriter out;
    private final Csv csv;
    private boolean first = true;

    Writer(Path file, Csv csv) throws IOException {
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      this.csv = csv;
    }

    void header(String idColumn, List<String> cols, Map<String, String> types) {
      StringBuilder b = new StringBuilder();
      if (idColumn != null) {
        b.append(idColumn);
      }
      for (String col : cols) {
        if (!b.isEmpty()) {
          b.append(',');
        }
        b.append(col);
        String type = types.get(col);
        if (type != null) {
          b.append(':').append(type);
        }
      }
      line(b.toString());
    }

    void line(String text) {
      try {
        out.write(text);
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void row(Object id, Map<String, Object> props, List<String> cols) {
      if (props.size() != cols.size() || !props.keySet().containsAll(cols)) {
        // the codec writes a property the CSV header does not name (or the other way round)
        throw new IllegalStateException(
            "the CSV columns " + cols + " are not the stored properties " + props.keySet());
      }
      cell(id);
      for (String col : cols) {
        cell(props.get(col));
      }
      end();
    }

    void cell(Object value) {
      try {
        if (!first) {
          out.write(',');
        }
        first = false;
        if (value == null) {
          return;
        }
        if (value instanceof String s) {
          quoted(s);
        } else if (value instanceof List<?> list) {
          if (!list.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (Object o : list) {
              if (!b.isEmpty()) {
                b.append(';');
              }
              b.append(o);
            }
            quoted(b.toString());
          }
        } else if (value instanceof LocalDate
            || value instanceof Number
            || value instanceof Boolean) {
          out.write(value.toString());
        } else {
          throw new IllegalArgumentException(
              "no CSV form for a " + value.getClass().getSimpleName());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void quoted(String s) throws IOException {
      if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        csv.multiline = true;
      }
      out.write('"');
      if (s.indexOf('"') < 0) {
        out.write(s);
      } else {
        out.write(s.replace("\"", "\"\""));
      }
      out.write('"');
    }

    void end() {
      try {
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      first = true;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
