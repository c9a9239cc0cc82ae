package io.credgraph.exchange;

import io.credgraph.StoreException;
import io.credgraph.ValidationException;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.BatchWriter;
import io.credgraph.store.GraphStore;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Commits the chunk being built with the batch checkpoint in the same write, then publishes what it
 * found to the {@link RunTally} (and the conflicts of the organisations it touched). A chunk the
 * store refuses is redone one line per write, the lines the store refuses rejected, so that the
 * line at fault is isolated and nothing is counted twice.
 */
final class ChunkCommitter {
  private final GraphStore store;
  private final BatchWriter writer;
  private final LoadContext ctx;
  private final ChunkState chunk;
  private final LineResolver resolver;
  private final RunTally tally;
  private final String name;
  private final String hash;
  private final String dept;

  ChunkCommitter(
      GraphStore store,
      BatchWriter writer,
      LoadContext ctx,
      ChunkState chunk,
      LineResolver resolver,
      RunTally tally,
      String name,
      String hash,
      String dept) {
    this.store = store;
    this.writer = writer;
    this.ctx = ctx;
    this.chunk = chunk;
    this.resolver = resolver;
    this.tally = tally;
    this.name = name;
    this.hash = hash;
    this.dept = dept;
  }

  /**
   * Commits the chunk as the batch's lines up to {@code lastLine} ({@code complete}: all of it).
   */
  void commit(long lastLine, boolean complete) {
    chunk.add(checkpoint(lastLine, complete));
    try {
      write(new WriteBatch(chunk.keepLineOrder() ? chunk.live() : groupedByKind(chunk.live())));
    } catch (ValidationException | StoreException e) {
      redoLineByLine(lastLine, complete);
      return;
    }
    published(lastLine);
  }

  /**
   * The chunk's operations grouped by kind (stores write a group of one kind in one statement):
   * subjects, relations, ends, records, status changes, pending facts, then the checkpoint, each
   * group in line order. The result is the same as in line order: relations and records only need
   * their subjects to exist, which earlier subjects ensure; a record precedes its status changes
   * within the groups as in the lines; pending facts keep their own order. The one exception, a
   * relation delivered after an end of the same (type, from, to) in the chunk, keeps line order.
   */
  static List<WriteOp> groupedByKind(List<WriteOp> ops) {
    List<List<WriteOp>> groups = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      groups.add(new ArrayList<>());
    }
    for (WriteOp op : ops) {
      int g;
      if (op instanceof WriteOp.PutSubject) {
        g = 0;
      } else if (op instanceof WriteOp.PutRelation) {
        g = 1;
      } else if (op instanceof WriteOp.EndRelation) {
        g = 2;
      } else if (op instanceof WriteOp.PutRecord) {
        g = 3;
      } else if (op instanceof WriteOp.AppendStatus) {
        g = 4;
      } else if (op instanceof WriteOp.Checkpoint) {
        g = 6;
      } else {
        g = 5;
      }
      groups.get(g).add(op);
    }
    List<WriteOp> out = new ArrayList<>(ops.size());
    groups.forEach(out::addAll);
    return out;
  }

  private WriteOp checkpoint(long lastLine, boolean complete) {
    return new WriteOp.Checkpoint(
        new BatchCheckpoint(hash, name, dept, lastLine, complete, Instant.now()));
  }

  /** Writes, retrying up to three times what the store says may succeed again. */
  private void write(WriteBatch batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        ctx.wrote(writer.write(batch).version());
        return;
      } catch (StoreException e) {
        if (!e.retryable() || attempt >= 3) {
          throw e;
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * The store refused a chunk: redo it one line per write, rejecting the lines the store refuses. A
   * chunk without lines of its own (only the end of the batch) writes its checkpoint alone.
   */
  private void redoLineByLine(long lastLine, boolean complete) {
    List<ChunkState.Line> lines = chunk.lines();
    discardChunk();
    for (int i = 0; i < lines.size(); i++) {
      ChunkState.Line line = lines.get(i);
      long no = line.number();
      byte[] b = line.bytes();
      boolean last = complete && i == lines.size() - 1;
      resolver.handle(no, b, b == null ? 0 : b.length, line.fullLength());
      chunk.add(checkpoint(no, last));
      try {
        write(new WriteBatch(chunk.live()));
      } catch (ValidationException | StoreException e) {
        discardChunk();
        String field =
            e instanceof ValidationException v
                ? v.field().orElse(LineParser.LINE)
                : LineParser.LINE;
        chunk.reject(
            new Rejection(name, no, field, "the store refused this line: " + e.getMessage()));
        chunk.add(checkpoint(no, last));
        write(new WriteBatch(chunk.ops()));
      }
      published(no);
    }
    if (lines.isEmpty()) {
      chunk.add(checkpoint(lastLine, complete));
      write(new WriteBatch(chunk.ops()));
      published(lastLine);
    }
  }

  /** Forgets a chunk that was not written, and what the context learnt from it. */
  private void discardChunk() {
    chunk.reset();
    ctx.rebuild();
  }

  private void published(long lastLine) {
    tally.committed(lastLine);
    if (ctx.knowsAll()) {
      for (Map.Entry<String, String> e : chunk.facts().entrySet()) {
        ctx.pendingRemoved(e.getKey());
        if (!e.getValue().isEmpty()) {
          ctx.pendingCommitted(chunk.factObject(e.getKey()));
        }
      }
    }
    if (lastLine > 0) {
      ctx.batchesChanged();
    }
    tally.add(chunk.outcome());
    for (SubjectKey org : chunk.touched()) {
      if (ctx.mayConflict(org.canonical())) {
        tally.conflicts(ConflictReport.forOrganisation(store, org));
      }
    }
    chunk.reset();
  }
}
