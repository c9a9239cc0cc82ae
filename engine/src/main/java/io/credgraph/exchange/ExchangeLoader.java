package io.credgraph.exchange;

import io.credgraph.CredgraphException;
import io.credgraph.ValidationException;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.BatchWriter;
import io.credgraph.store.GraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads departmental batches in the exchange format (EXCHANGE.md) into a store: validated line by
 * line, committed in chunks with the batch checkpoint in the same transaction (a load killed at any
 * moment and run again resumes after the last committed line), idempotent by content hash (the same
 * batch again writes nothing), with pending facts for subjects not yet delivered, provenance per
 * fact and a conflict check of the organisations each chunk touched.
 *
 * <p>Reads go to {@link GraphStore}; every write goes through the {@link BatchWriter} (the engine
 * passes one that keeps its projection current). Loads into one store are serialised (on the store
 * object), whichever loader runs them; other writers (API status changes) may write meanwhile.
 *
 * <p>Department of a fact: the line's own {@code department}, else {@link
 * LoadOptions#department()}, else the batch's file name ({@link Departments#fromBatchName}).
 */
public final class ExchangeLoader {
  private final GraphStore store;
  private final BatchWriter writer;
  private final LoadOptions options;
  private final LineParser parser;

  public ExchangeLoader(GraphStore store, BatchWriter writer, LoadOptions options) {
    this.store = Objects.requireNonNull(store, "store");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.options = Objects.requireNonNull(options, "options");
    this.parser = new LineParser(options.lists());
  }

  /** A loader that writes straight to {@code store}. */
  public ExchangeLoader(GraphStore store, LoadOptions options) {
    this(store, store::write, options);
  }

  public LoadOptions options() {
    return options;
  }

  /**
   * Loads a batch file, or every batch of a folder ({@code *.jsonl}, {@code *.jsonl.gz}, not
   * recursive) in file-name order. A folder without batches, or a path that does not exist, is an
   * error.
   */
  public synchronized LoadReport load(Path path, LoadListener listener) {
    return loadAll(batchesAt(path).stream().map(BatchSource::file).toList(), listener);
  }

  /** Loads the batches in order. */
  public synchronized LoadReport loadAll(List<BatchSource> sources, LoadListener listener) {
    return loadAll(sources, options.department(), listener);
  }

  private LoadReport loadAll(
      List<BatchSource> sources, Optional<String> department, LoadListener listener) {
    synchronized (store) {
      return loadAllLocked(sources, department, listener);
    }
  }

  private LoadReport loadAllLocked(
      List<BatchSource> sources, Optional<String> department, LoadListener listener) {
    long start = System.nanoTime();
    LoadListener l = listener == null ? LoadListener.NONE : listener;
    LoadContext ctx = new LoadContext(store);
    List<BatchReport> reports = new ArrayList<>();
    for (BatchSource s : sources) {
      reports.add(loadOne(s, department, ctx, l));
    }
    return LoadReport.of(
        reports,
        store.counts().pending(),
        (System.nanoTime() - start) / 1_000_000,
        store.version());
  }

  /**
   * Loads one batch from a stream (plain or gzipped), as {@code POST /api/v1/batches} does: the
   * stream is first copied to a temporary file (the load reads a batch twice: hash, then lines),
   * which is deleted afterwards.
   */
  public synchronized LoadReport load(InputStream in, String batchName, LoadListener listener) {
    return load(in, batchName, options.department(), listener);
  }

  /**
   * As {@link #load(InputStream, String, LoadListener)}, with the department of lines without their
   * own (e.g. the caller's department); when empty, the options' or the batch name's.
   */
  public synchronized LoadReport load(
      InputStream in, String batchName, Optional<String> department, LoadListener listener) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(department, "department");
    if (batchName == null || batchName.isBlank()) {
      throw new ValidationException("name", "a batch needs a name (e.g. the department and date)");
    }
    String name = batchName.strip();
    Path tmp = null;
    try {
      tmp = Files.createTempFile("credgraph-batch-", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        in.transferTo(out);
      }
      Path file = tmp;
      BatchSource source = BatchSource.of(name, Files.size(file), () -> Files.newInputStream(file));
      return loadAll(
          List.of(source),
          department.map(String::strip).filter(d -> !d.isEmpty()).or(options::department),
          listener);
    } catch (IOException e) {
      throw new CredgraphException("cannot receive batch " + name + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  private BatchReport loadOne(
      BatchSource source, Optional<String> department, LoadContext ctx, LoadListener l) {
    long start = System.nanoTime();
    String dept = department.orElseGet(() -> Departments.fromBatchName(source.name()));
    long version = store.version();
    BatchScan scan;
    try {
      scan = BatchScan.of(source);
    } catch (ValidationException e) {
      BatchReport r =
          BatchReport.refused(source.name(), "", dept, e.getMessage(), millisSince(start), version);
      options.rejections().accept(r.rejections().get(0));
      l.batchFinished(r);
      return r;
    }
    Optional<BatchCheckpoint> cp = store.checkpoint(scan.hash());
    if (cp.isPresent() && cp.get().complete()) {
      BatchReport r =
          new BatchReport(
              source.name(),
              scan.hash(),
              dept,
              BatchReport.Outcome.ALREADY_LOADED,
              cp.get().lastLine(),
              cp.get().lastLine(),
              0,
              0,
              0,
              0,
              0,
              List.of(),
              List.of(),
              false,
              0,
              false,
              "",
              millisSince(start),
              version,
              version);
      l.batchFinished(r);
      return r;
    }
    l.batchStarted(source.name(), source.size());
    long resumeAfter = cp.map(BatchCheckpoint::lastLine).orElse(0L);
    BatchRun run =
        new BatchRun(
            store,
            writer,
            parser,
            options,
            ctx,
            source.name(),
            scan.hash(),
            dept,
            l,
            start,
            source.size());
    try {
      run.run(source, scan.gzip(), resumeAfter);
    } catch (IOException e) {
      throw new CredgraphException(
          "batch "
              + source.name()
              + ": read failed after line "
              + run.lastCommitted()
              + " ("
              + e.getMessage()
              + "); lines up to "
              + run.lastCommitted()
              + " are stored, run the load again to resume",
          e);
    }
    BatchReport r = run.report(millisSince(start), version, store.version());
    l.batchFinished(r);
    return r;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /**
   * The batches a path names: the file itself, or the folder's {@code *.jsonl} and {@code
   * *.jsonl.gz} files sorted by name. Throws when there are none.
   */
  public static List<Path> batchesAt(Path path) {
    if (!Files.exists(path)) {
      throw new ValidationException(
          "path", path + " does not exist (give a batch file or a folder of batches)");
    }
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.list(path)) {
      List<Path> out =
          s.filter(Files::isRegularFile)
              .filter(p -> isBatchName(p.getFileName().toString()))
              .sorted()
              .toList();
      if (out.isEmpty()) {
        throw new ValidationException(
            "path",
            "folder " + path + " holds no batches: expected files named *.jsonl or *.jsonl.gz");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }

  static boolean isBatchName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return !n.startsWith(".") && (n.endsWith(".jsonl") || n.endsWith(".jsonl.gz"));
  }
}
