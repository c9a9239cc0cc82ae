package io.credgraph.exchange;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.PendingFact;
import io.credgraph.store.WriteOp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chunk being built: its raw lines (kept so that a chunk the store refuses can be redone line
 * by line), the write operations its lines produced, what those operations will have stored (so
 * that later lines of the same chunk see it before it is written), and what its lines found
 * (counts, rejections, conflicts). Nothing here is published until the chunk commits: {@link
 * #outcome} hands the findings over as an immutable {@link ChunkOutcome}, then {@link #reset()}
 * starts the next chunk.
 */
final class ChunkState {
  /** One line of the chunk as read; {@code bytes} is null for a line over the length limit. */
  record Line(long number, byte[] bytes, long fullLength) {}

  private final List<Line> lines = new ArrayList<>();
  private final List<WriteOp> ops = new ArrayList<>();
  private final Map<String, Subject> subjects = new HashMap<>();
  private final Map<String, CreditRecord> records = new HashMap<>();
  private final Map<String, List<LocalDate>> relations = new HashMap<>();
  private final Map<String, List<PendingFact>> pending = new HashMap<>();

  /** Pending fact id to the canonical key it awaits after this chunk ("" once removed). */
  private final Map<String, String> facts = new HashMap<>();

  /** The latest pending fact this chunk put under each id, and its operation. */
  private final Map<String, PendingFact> factObjects = new HashMap<>();

  private final Map<PendingFact, WriteOp> putOps = new IdentityHashMap<>();

  /** PutPending operations whose fact this same chunk applied: neither is written. */
  private final Set<WriteOp> cancelled = Collections.newSetFromMap(new IdentityHashMap<>());

  private final Map<String, SubjectKey> touched = new LinkedHashMap<>();

  /**
   * Relations (type, from, to) this chunk ended: a later relation between them keeps the chunk in
   * line order.
   */
  private final Set<String> ended = new HashSet<>();

  private boolean keepLineOrder;

  // what the chunk's lines found
  private final List<Rejection> rejections = new ArrayList<>();
  private final List<Conflict> conflicts = new ArrayList<>();
  private long accepted;
  private long pendingLines;
  private long resolved;
  private long blank;

  // ---- lines and operations

  void addLine(long number, byte[] bytes, long fullLength) {
    lines.add(new Line(number, bytes, fullLength));
  }

  int lineCount() {
    return lines.size();
  }

  /** The chunk's lines, a copy that outlives {@link #reset()}. */
  List<Line> lines() {
    return List.copyOf(lines);
  }

  void add(WriteOp op) {
    ops.add(op);
  }

  int opCount() {
    return ops.size();
  }

  /** Every operation in line order, cancelled ones included. */
  List<WriteOp> ops() {
    return ops;
  }

  /** The operations without pending facts that were put and applied in this same chunk. */
  List<WriteOp> live() {
    if (cancelled.isEmpty()) {
      return ops;
    }
    List<WriteOp> out = new ArrayList<>(ops.size());
    for (WriteOp op : ops) {
      if (!cancelled.contains(op)) {
        out.add(op);
      }
    }
    return out;
  }

  /** Whether the chunk must be written in line order (see {@link ChunkCommitter#groupedByKind}). */
  boolean keepLineOrder() {
    return keepLineOrder;
  }

  // ---- what the chunk stores

  Subject subject(String canonical) {
    return subjects.get(canonical);
  }

  void subject(String canonical, Subject view) {
    subjects.put(canonical, view);
  }

  CreditRecord record(String id) {
    return records.get(id);
  }

  void record(String id, CreditRecord r) {
    records.put(id, r);
  }

  void relationPut(String relKey, LocalDate since) {
    relations.computeIfAbsent(relKey, k -> new ArrayList<>()).add(since);
    if (ended.contains(relKey)) {
      keepLineOrder = true;
    }
  }

  /** Whether this chunk put a relation {@code relKey} that began on or before {@code until}. */
  boolean relationBegan(String relKey, LocalDate until) {
    return relations.getOrDefault(relKey, List.of()).stream()
        .anyMatch(since -> !since.isAfter(until));
  }

  void relationEnded(String relKey) {
    ended.add(relKey);
  }

  /** Notes an organisation whose legal representatives or shareholders this chunk changed. */
  void touched(SubjectKey org) {
    touched.put(org.canonical(), org);
  }

  Collection<SubjectKey> touched() {
    return touched.values();
  }

  // ---- pending facts

  /** Notes a pending fact this chunk puts, awaiting {@code canonical}, and its operation. */
  void pend(PendingFact f, String canonical, WriteOp op) {
    ops.add(op);
    putOps.put(f, op);
    factObjects.put(f.id(), f);
    pending.computeIfAbsent(canonical, k -> new ArrayList<>()).add(f);
    facts.put(f.id(), canonical);
  }

  /** Whether this chunk put or removed the pending fact {@code id}. */
  boolean holdsFact(String id) {
    return facts.containsKey(id);
  }

  /** Removes and returns the facts this chunk put that still await {@code canonical}. */
  List<PendingFact> takeAwaiting(String canonical) {
    List<PendingFact> out = new ArrayList<>();
    List<PendingFact> local = pending.remove(canonical);
    if (local != null) {
      for (PendingFact f : local) {
        if (canonical.equals(facts.get(f.id()))) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /**
   * Notes that a pending fact is applied now: a fact this chunk put is not written at all, an
   * earlier one is removed.
   */
  void factApplied(PendingFact f) {
    WriteOp put = putOps.get(f);
    if (put != null) {
      cancelled.add(put);
    } else {
      ops.add(new WriteOp.RemovePending(f.id()));
    }
    facts.put(f.id(), "");
  }

  /** Pending fact id to the canonical key it awaits after this chunk ("" once removed). */
  Map<String, String> facts() {
    return facts;
  }

  PendingFact factObject(String id) {
    return factObjects.get(id);
  }

  // ---- findings

  void reject(Rejection r) {
    rejections.add(r);
  }

  void conflict(Conflict c) {
    conflicts.add(c);
  }

  void accepted() {
    accepted++;
  }

  void pendingLine() {
    pendingLines++;
  }

  void resolved() {
    resolved++;
  }

  void blank() {
    blank++;
  }

  /** What the chunk's lines found, handed over when it commits. */
  ChunkOutcome outcome() {
    return new ChunkOutcome(rejections, conflicts, accepted, pendingLines, resolved, blank);
  }

  /** Forgets the chunk (committed or discarded). */
  void reset() {
    lines.clear();
    ops.clear();
    subjects.clear();
    records.clear();
    relations.clear();
    pending.clear();
    facts.clear();
    factObjects.clear();
    putOps.clear();
    cancelled.clear();
    touched.clear();
    ended.clear();
    keepLineOrder = false;
    rejections.clear();
    conflicts.clear();
    accepted = 0;
    pendingLines = 0;
    resolved = 0;
    blank = 0;
  }
}
