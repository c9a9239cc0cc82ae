package io.credgraph.exchange;

import io.credgraph.store.BatchWriter;
import io.credgraph.store.GraphStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Loads one batch: reads its lines, turns each into write operations against the store plus what
 * this chunk has written so far ({@link LineResolver}), and commits every {@link
 * LoadOptions#chunkLines()} lines with the batch checkpoint in the same write ({@link
 * ChunkCommitter}). Rejections, conflicts and counts of a chunk are published ({@link RunTally})
 * only once the chunk is committed, so a chunk that the store refuses can be redone line by line
 * (isolating the line at fault) without counting anything twice.
 */
final class BatchRun {
  /** A chunk is committed early when its lines produced this many operations. */
  private static final int MAX_OPS_PER_CHUNK = 50_000;

  private static final long PROGRESS_NANOS = 500_000_000L;

  private final GraphStore store;
  private final BatchWriter writer;
  private final LoadOptions options;
  private final LoadContext ctx;
  private final String name;
  private final String hash;
  private final String dept;
  private final LoadListener listener;
  private final long startNanos;
  private final long totalBytes;
  private final ChunkState chunk = new ChunkState();
  private final LineResolver resolver;

  /** The batch so far (committed chunks only); made when the run begins. */
  private RunTally tally;

  private BatchScan.Counting raw;
  private long lastProgress;

  BatchRun(
      GraphStore store,
      BatchWriter writer,
      LineParser parser,
      LoadOptions options,
      LoadContext ctx,
      String name,
      String hash,
      String dept,
      LoadListener listener,
      long startNanos,
      long totalBytes) {
    this.store = store;
    this.writer = writer;
    this.options = options;
    this.ctx = ctx;
    this.name = name;
    this.hash = hash;
    this.dept = dept;
    this.listener = listener;
    this.startNanos = startNanos;
    this.totalBytes = totalBytes;
    this.resolver =
        new LineResolver(
            parser,
            ctx,
            chunk,
            new KnownFacts(store, ctx, chunk),
            name,
            hash,
            dept,
            options.maxLineBytes());
  }

  /** The last line whose chunk is committed (the lines to skip when the load is run again). */
  long lastCommitted() {
    return tally == null ? 0 : tally.lastCommitted();
  }

  void run(BatchSource source, boolean gzip, long resumeAfterLine) throws IOException {
    tally = new RunTally(options, name, hash, dept, resumeAfterLine);
    ChunkCommitter committer =
        new ChunkCommitter(store, writer, ctx, chunk, resolver, tally, name, hash, dept);
    lastProgress = System.nanoTime();
    try (BatchScan.Counting counting = new BatchScan.Counting(source.open());
        InputStream in = BatchScan.content(counting, gzip)) {
      raw = counting;
      LineReader reader = new LineReader(in, options.maxLineBytes());
      LineReader.Line line;
      while ((line = reader.next()) != null) {
        tally.read(line.number());
        if (line.number() > resumeAfterLine) {
          if (chunk.lineCount() == 0) {
            ctx.checkForeignWrites();
          }
          chunk.addLine(
              line.number(),
              line.tooLong() ? null : Arrays.copyOf(line.bytes(), line.length()),
              line.fullLength());
          resolver.handle(
              line.number(),
              line.tooLong() ? null : line.bytes(),
              line.length(),
              line.fullLength());
          if (chunk.lineCount() >= options.chunkLines() || chunk.opCount() >= MAX_OPS_PER_CHUNK) {
            committer.commit(line.number(), false);
          }
        }
        if ((line.number() & 255) == 0) {
          maybeProgress(false);
        }
      }
      committer.commit(tally.lines(), true);
      maybeProgress(true);
    }
  }

  private void maybeProgress(boolean force) {
    long now = System.nanoTime();
    if (force || now - lastProgress >= PROGRESS_NANOS) {
      lastProgress = now;
      listener.progress(
          new LoadProgress(
              name,
              tally.lines(),
              raw == null ? 0 : raw.count(),
              totalBytes,
              (now - startNanos) / 1_000_000));
    }
  }

  BatchReport report(long millis, long versionBefore, long versionAfter) {
    return tally.report(millis, versionBefore, versionAfter);
  }
}
