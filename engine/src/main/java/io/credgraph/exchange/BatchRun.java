package io.credgraph.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.StoreException;
import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.BatchWriter;
import io.credgraph.store.GraphStore;
import io.credgraph.store.PendingFact;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads one batch: reads its lines, turns each into write operations against the store plus what
 * this chunk has written so far, and commits every {@link LoadOptions#chunkLines()} lines with the
 * batch checkpoint in the same write. Rejections, conflicts and counts of a chunk are published
 * only once the chunk is committed, so a chunk that the store refuses can be redone line by line
 * (isolating the line at fault) without counting anything twice.
 */
final class BatchRun {
  private static final int MAX_OPS_PER_CHUNK = 50_000;
  private static final long PROGRESS_NANOS = 500_000_000L;

  private enum Result {
    ACCEPTED,
    PENDING
  }

  private final GraphStore store;
  private final BatchWriter writer;
  private final LineParser parser;
  private final LoadOptions options;
  private final LoadContext ctx;
  private final String name;
  private final String hash;
  private final String dept;
  private final LoadListener listener;
  private final long startNanos;
  private final long totalBytes;

  // the chunk being built
  private final List<WriteOp> ops = new ArrayList<>();
  private final Map<String, Subject> chunkSubjects = new HashMap<>();
  private final Map<String, CreditRecord> chunkRecords = new HashMap<>();
  private final Map<String, List<LocalDate>> chunkRelations = new HashMap<>();
  private final Map<String, List<PendingFact>> chunkPending = new HashMap<>();

  /** Pending fact id to the canonical key it awaits after this chunk ("" once removed). */
  private final Map<String, String> chunkFacts = new HashMap<>();

  /** The latest pending fact this chunk put under each id, and its operation. */
  private final Map<String, PendingFact> chunkFactObjects = new HashMap<>();

  private final Map<PendingFact, WriteOp> chunkPutOps = new java.util.IdentityHashMap<>();

  /** PutPending operations whose fact this same chunk applied: neither is written. */
  private final Set<WriteOp> cancelled =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private final Map<String, SubjectKey> touched = new LinkedHashMap<>();

  /**
   * Relations (type, from, to) this chunk ended: a later relation between them keeps the chunk in
   * line order.
   */
  private final Set<String> chunkEnded = new HashSet<>();

  private boolean keepLineOrder;
  private final List<Long> chunkLineNumbers = new ArrayList<>();
  private final List<byte[]> chunkLineBytes = new ArrayList<>();
  private final List<Long> chunkLineLengths = new ArrayList<>();
  private Staged staged = new Staged();

  // the batch so far (committed chunks only)
  private long lines;
  private long blank;
  private long accepted;
  private long rejected;
  private long pending;
  private long resolved;
  private long resumedAfter;
  private long lastCommitted;
  private boolean truncated;
  private final List<Rejection> reported = new ArrayList<>();
  private final List<Conflict> conflicts = new ArrayList<>();
  private long conflictsFound;
  private boolean conflictsTruncated;
  private final Set<String> conflictIds = new HashSet<>();
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
    this.parser = parser;
    this.options = options;
    this.ctx = ctx;
    this.name = name;
    this.hash = hash;
    this.dept = dept;
    this.listener = listener;
    this.startNanos = startNanos;
    this.totalBytes = totalBytes;
  }

  /** What a chunk found, published when it commits. */
  private static final class Staged {
    final List<Rejection> rejections = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();
    long accepted;
    long pending;
    long resolved;
    long blank;
  }

  long lastCommitted() {
    return lastCommitted;
  }

  void run(BatchSource source, boolean gzip, long resumeAfterLine) throws IOException {
    this.resumedAfter = resumeAfterLine;
    this.lastCommitted = resumeAfterLine;
    lastProgress = System.nanoTime();
    try (BatchScan.Counting counting = new BatchScan.Counting(source.open());
        InputStream in = BatchScan.content(counting, gzip)) {
      raw = counting;
      LineReader reader = new LineReader(in, options.maxLineBytes());
      LineReader.Line line;
      while ((line = reader.next()) != null) {
        lines = line.number();
        if (line.number() > resumeAfterLine) {
          if (chunkLineNumbers.isEmpty()) {
            ctx.checkForeignWrites();
          }
          chunkLineNumbers.add(line.number());
          chunkLineBytes.add(line.tooLong() ? null : Arrays.copyOf(line.bytes(), line.length()));
          chunkLineLengths.add(line.fullLength());
          handle(
              line.number(),
              line.tooLong() ? null : line.bytes(),
              line.length(),
              line.fullLength());
          if (chunkLineNumbers.size() >= options.chunkLines() || ops.size() >= MAX_OPS_PER_CHUNK) {
            commit(line.number(), false);
          }
        }
        if ((line.number() & 255) == 0) {
          maybeProgress(false);
        }
      }
      commit(lines, true);
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
              lines,
              raw == null ? 0 : raw.count(),
              totalBytes,
              (now - startNanos) / 1_000_000));
    }
  }

  BatchReport report(long millis, long versionBefore, long versionAfter) {
    return new BatchReport(
        name,
        hash,
        dept,
        BatchReport.Outcome.LOADED,
        resumedAfter,
        lines,
        blank,
        accepted,
        rejected,
        pending,
        resolved,
        conflicts,
        reported,
        truncated,
        conflictsFound,
        conflictsTruncated,
        "",
        millis,
        versionBefore,
        versionAfter);
  }

  // ---- one line

  private void handle(long no, byte[] bytes, int length, long fullLength) {
    if (bytes == null) {
      staged.rejections.add(
          new Rejection(
              name,
              no,
              LineParser.LINE,
              "the line has "
                  + fullLength
                  + " bytes, more than the limit of "
                  + options.maxLineBytes()
                  + " bytes; split the record or raise "
                  + "--max-line-bytes"));
      return;
    }
    if (isBlank(bytes, length)) {
      staged.blank++;
      return;
    }
    try {
      JsonNode node = parser.read(bytes, length);
      ParsedLine p = parser.parse(node, name, hash, no, dept);
      Result r =
          apply(p, hash + "#" + no, () -> new String(bytes, 0, length, StandardCharsets.UTF_8));
      if (r == Result.ACCEPTED) {
        staged.accepted++;
      } else {
        staged.pending++;
      }
    } catch (ValidationException e) {
      reject(name, no, e);
    }
  }

  private static boolean isBlank(byte[] b, int length) {
    for (int i = 0; i < length; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  private void reject(String file, long line, ValidationException e) {
    staged.rejections.add(
        new Rejection(file, line, e.field().orElse(LineParser.LINE), e.getMessage()));
  }

  private Result apply(ParsedLine p, String factId, Supplier<String> rawLine) {
    if (p instanceof ParsedLine.SubjectLine s) {
      return subject(s.subject());
    } else if (p instanceof ParsedLine.RelationLine r) {
      return relation(r.relation(), factId, rawLine);
    } else if (p instanceof ParsedLine.RecordLine r) {
      return record(r.record(), factId, rawLine);
    } else if (p instanceof ParsedLine.StatusLine s) {
      return status(s, factId, rawLine);
    } else if (p instanceof ParsedLine.EndLine e) {
      return end(e.end(), factId, rawLine);
    }
    throw new IllegalStateException("unexpected line " + p.getClass());
  }

  private Result subject(Subject s) {
    String c = s.key().canonical();
    Subject existing = chunkSubjects.get(c);
    if (existing == null && (!ctx.knowsAll() || ctx.kind(c) != null)) {
      existing = store.subject(s.key()).orElse(null);
    }
    Subject put = s;
    Subject view = s;
    if (existing != null) {
      if (existing.kind() != s.kind()) {
        throw new ValidationException(
            "kind",
            "subject "
                + s.key().masked()
                + " is stored as "
                + existing.kind()
                + ", this line says "
                + s.kind()
                + " (a subject's kind does not change)");
      }
      Map<String, String> attrs = new HashMap<>(s.attributes());
      if (!existing.name().equals(s.name())) {
        List<NameVariants.Variant> variants = NameVariants.merge(existing, s);
        attrs.put(NameVariants.ATTRIBUTE, NameVariants.encode(variants));
        Provenance in = s.provenance().get(0);
        staged.conflicts.add(
            new Conflict(
                Conflict.Kind.NAME,
                s.key().masked(),
                "",
                "delivered as '"
                    + s.name()
                    + "' by "
                    + in.department()
                    + " "
                    + in.batch()
                    + ":"
                    + in.line()
                    + ", stored as '"
                    + existing.name()
                    + "'",
                variants.stream().map(NameVariants.Variant::source).toList()));
        put = withAttributes(s, attrs);
      }
      Map<String, String> viewAttrs = new HashMap<>(existing.attributes());
      viewAttrs.putAll(attrs);
      List<Provenance> prov = new ArrayList<>(existing.provenance());
      prov.addAll(s.provenance());
      view =
          new Subject(
              existing.id(),
              s.kind(),
              s.key(),
              s.name(),
              s.legalForm().or(existing::legalForm),
              s.status().or(existing::status),
              s.registeredOn().or(existing::registeredOn),
              s.district().or(existing::district),
              s.industry().or(existing::industry),
              viewAttrs,
              prov);
    }
    ops.add(new WriteOp.PutSubject(put));
    chunkSubjects.put(c, view);
    ctx.kind(c, s.kind());
    if (ctx.awaited.contains(c)) {
      resolve(s.key());
    }
    return Result.ACCEPTED;
  }

  private static Subject withAttributes(Subject s, Map<String, String> attrs) {
    return new Subject(
        s.id(),
        s.kind(),
        s.key(),
        s.name(),
        s.legalForm(),
        s.status(),
        s.registeredOn(),
        s.district(),
        s.industry(),
        attrs,
        s.provenance());
  }

  private Result relation(Relation r, String factId, Supplier<String> rawLine) {
    SubjectKind from = kindOf(r.from());
    SubjectKind to = kindOf(r.to());
    if (from == null || to == null) {
      pend(r.provenance().get(0), from == null ? r.from() : r.to(), factId, rawLine);
      return Result.PENDING;
    }
    requireKinds(r.type(), from, to);
    ops.add(new WriteOp.PutRelation(r));
    String rk = relKey(r.type(), r.from(), r.to());
    chunkRelations.computeIfAbsent(rk, k -> new ArrayList<>()).add(r.since());
    if (chunkEnded.contains(rk)) {
      keepLineOrder = true;
    }
    if (r.type() == RelationType.LEGAL_REP || r.type() == RelationType.SHAREHOLDER) {
      touched.put(r.to().canonical(), r.to());
      ctx.relationStored(
          r.to().canonical(), r.type() == RelationType.LEGAL_REP, r.ratio().orElse(0));
    }
    return Result.ACCEPTED;
  }

  private static void requireKinds(RelationType type, SubjectKind from, SubjectKind to) {
    if (!type.fromKinds().contains(from)) {
      throw new ValidationException(
          "from", type + " goes from " + type.fromKinds() + ", but from is a " + from);
    }
    if (!type.toKinds().contains(to)) {
      throw new ValidationException(
          "to", type + " goes to " + type.toKinds() + ", but to is a " + to);
    }
  }

  private Result record(CreditRecord rec, String factId, Supplier<String> rawLine) {
    CreditRecord existing = currentRecord(rec.id());
    if (existing != null) {
      if (!existing.sameDecision(rec)) {
        Provenance in = rec.provenance().get(0);
        staged.conflicts.add(
            new Conflict(
                Conflict.Kind.RECORD_CONTENT,
                existing.subject().masked(),
                rec.decidedOn().toString(),
                "record "
                    + rec.id()
                    + " delivered again with a different decision (subject,"
                    + " list, dates, liable persons or crime); the first delivery is kept",
                List.of(
                    source(existing.provenance().isEmpty() ? in : existing.provenance().get(0)),
                    source(in))));
      }
      ops.add(new WriteOp.PutRecord(existing.withProvenance(rec.provenance())));
      return Result.ACCEPTED;
    }
    SubjectKey missing = kindOf(rec.subject()) == null ? rec.subject() : null;
    for (int i = 0; missing == null && i < rec.liablePersons().size(); i++) {
      SubjectKey k = rec.liablePersons().get(i);
      if (kindOf(k) == null) {
        missing = k;
      }
    }
    if (missing != null) {
      pend(rec.provenance().get(0), missing, factId, rawLine);
      ctx.pendingRecords.put(rec.id(), missing.canonical());
      return Result.PENDING;
    }
    for (int i = 0; i < rec.liablePersons().size(); i++) {
      if (kindOf(rec.liablePersons().get(i)) != SubjectKind.PERSON) {
        throw new ValidationException(
            "liablePersons[" + i + "]",
            "liable person " + rec.liablePersons().get(i).masked() + " is not a PERSON");
      }
    }
    ops.add(new WriteOp.PutRecord(rec));
    chunkRecords.put(rec.id(), rec);
    ctx.recordStored(rec.id());
    ctx.pendingRecords.remove(rec.id());
    return Result.ACCEPTED;
  }

  private Result status(ParsedLine.StatusLine s, String factId, Supplier<String> rawLine) {
    CreditRecord existing = currentRecord(s.recordId());
    if (existing == null) {
      String awaited = ctx.pendingRecords.get(s.recordId());
      if (awaited != null) {
        pend(s.change().provenance(), SubjectKey.fromCanonical(awaited), factId, rawLine);
        return Result.PENDING;
      }
      throw new ValidationException(
          "record",
          "unknown record '"
              + s.recordId()
              + "': no record with this id has been loaded (deliver its record line first)");
    }
    Optional<SubjectKey> person = s.change().person();
    if (person.isPresent() && kindOf(person.get()) == null) {
      pend(s.change().provenance(), person.get(), factId, rawLine);
      return Result.PENDING;
    }
    CreditRecord updated = existing.withStatusChange(s.change());
    ops.add(new WriteOp.AppendStatus(s.recordId(), s.change()));
    chunkRecords.put(s.recordId(), updated);
    return Result.ACCEPTED;
  }

  private Result end(WriteOp.EndRelation e, String factId, Supplier<String> rawLine) {
    SubjectKind from = kindOf(e.from());
    SubjectKind to = kindOf(e.to());
    if (from == null || to == null) {
      pend(e.provenance(), from == null ? e.from() : e.to(), factId, rawLine);
      return Result.PENDING;
    }
    boolean found =
        chunkRelations.getOrDefault(relKey(e.type(), e.from(), e.to()), List.of()).stream()
            .anyMatch(since -> !since.isAfter(e.until()));
    if (!found) {
      found =
          store
              .relations(
                  e.from(), GraphStore.Direction.OUTGOING, Set.of(e.type()), Optional.empty())
              .stream()
              .anyMatch(
                  r ->
                      r.from().equals(e.from())
                          && r.to().equals(e.to())
                          && !r.since().isAfter(e.until()));
    }
    if (!found) {
      throw new ValidationException(
          "until",
          "no "
              + e.type()
              + " relation from "
              + e.from().masked()
              + " to "
              + e.to().masked()
              + " began on or before "
              + e.until()
              + ": nothing to end (an until before since, or "
              + "the relation was never delivered)");
    }
    ops.add(e);
    chunkEnded.add(relKey(e.type(), e.from(), e.to()));
    return Result.ACCEPTED;
  }

  private CreditRecord currentRecord(String id) {
    CreditRecord r = chunkRecords.get(id);
    if (r != null || (ctx.knowsAll() && !ctx.recordKnown(id))) {
      return r;
    }
    return store.record(id).orElse(null);
  }

  private SubjectKind kindOf(SubjectKey key) {
    String c = key.canonical();
    Subject s = chunkSubjects.get(c);
    if (s != null) {
      return s.kind();
    }
    SubjectKind k = ctx.kind(c);
    if (k != null || ctx.knowsAll()) {
      return k;
    }
    Optional<Subject> stored = store.subject(key);
    if (stored.isPresent()) {
      ctx.kind(c, stored.get().kind());
      return stored.get().kind();
    }
    return null;
  }

  private static String relKey(RelationType type, SubjectKey from, SubjectKey to) {
    return type + "|" + from.canonical() + "|" + to.canonical();
  }

  private static String source(Provenance p) {
    return p.department() + " " + p.batch() + ":" + p.line();
  }

  // ---- pending facts

  private void pend(Provenance p, SubjectKey awaited, String factId, Supplier<String> rawLine) {
    PendingFact f = new PendingFact(factId, awaited, rawLine.get(), p);
    String c = awaited.canonical();
    WriteOp op = new WriteOp.PutPending(f);
    ops.add(op);
    chunkPutOps.put(f, op);
    chunkFactObjects.put(factId, f);
    chunkPending.computeIfAbsent(c, k -> new ArrayList<>()).add(f);
    chunkFacts.put(factId, c);
    ctx.awaited.add(c);
  }

  /**
   * Applies, in delivery order, every fact that waited for {@code key}, which this chunk has just
   * delivered.
   */
  private void resolve(SubjectKey key) {
    String c = key.canonical();
    ctx.awaited.remove(c);
    List<PendingFact> facts = new ArrayList<>();
    for (PendingFact f : ctx.knowsAll() ? ctx.committedPending(c) : store.pending(key)) {
      if (!chunkFacts.containsKey(f.id())) {
        facts.add(f);
      }
    }
    List<PendingFact> local = chunkPending.remove(c);
    if (local != null) {
      for (PendingFact f : local) {
        if (c.equals(chunkFacts.get(f.id()))) {
          facts.add(f);
        }
      }
    }
    facts.sort(
        Comparator.<PendingFact>comparingInt(f -> ctx.batchOrder(f.provenance().batchHash()))
            .thenComparingLong(f -> f.provenance().line())
            .thenComparing(PendingFact::id));
    for (PendingFact f : facts) {
      WriteOp put = chunkPutOps.get(f);
      if (put != null) {
        cancelled.add(put);
      } else {
        ops.add(new WriteOp.RemovePending(f.id()));
      }
      chunkFacts.put(f.id(), "");
      Provenance p = f.provenance();
      try {
        ParsedLine q =
            parser.parse(parser.read(f.line()), p.batch(), p.batchHash(), p.line(), p.department());
        if (apply(q, f.id(), f::line) == Result.ACCEPTED) {
          staged.resolved++;
        }
      } catch (ValidationException e) {
        reject(p.batch(), p.line(), e);
      }
    }
  }

  // ---- commits

  private void commit(long lastLine, boolean complete) {
    ops.add(checkpoint(lastLine, complete));
    try {
      write(new WriteBatch(keepLineOrder ? live(ops) : groupedByKind(live(ops))));
    } catch (ValidationException | StoreException e) {
      redoLineByLine(complete);
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

  /** The operations without pending facts that were put and applied in this same chunk. */
  private List<WriteOp> live(List<WriteOp> all) {
    if (cancelled.isEmpty()) {
      return all;
    }
    List<WriteOp> out = new ArrayList<>(all.size());
    for (WriteOp op : all) {
      if (!cancelled.contains(op)) {
        out.add(op);
      }
    }
    return out;
  }

  private WriteOp checkpoint(long lastLine, boolean complete) {
    return new WriteOp.Checkpoint(
        new BatchCheckpoint(hash, name, dept, lastLine, complete, Instant.now()));
  }

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
   * The store refused a chunk: redo it one line per write, rejecting the lines the store refuses.
   */
  private void redoLineByLine(boolean complete) {
    List<Long> numbers = new ArrayList<>(chunkLineNumbers);
    List<byte[]> bytes = new ArrayList<>(chunkLineBytes);
    List<Long> lengths = new ArrayList<>(chunkLineLengths);
    discardChunk();
    for (int i = 0; i < numbers.size(); i++) {
      long no = numbers.get(i);
      byte[] b = bytes.get(i);
      boolean last = complete && i == numbers.size() - 1;
      handle(no, b, b == null ? 0 : b.length, lengths.get(i));
      ops.add(checkpoint(no, last));
      try {
        write(new WriteBatch(live(ops)));
      } catch (ValidationException | StoreException e) {
        discardChunk();
        String field =
            e instanceof ValidationException v
                ? v.field().orElse(LineParser.LINE)
                : LineParser.LINE;
        staged.rejections.add(
            new Rejection(name, no, field, "the store refused this line: " + e.getMessage()));
        ops.add(checkpoint(no, last));
        write(new WriteBatch(ops));
      }
      published(no);
    }
    if (numbers.isEmpty()) {
      ops.add(checkpoint(lines, complete));
      write(new WriteBatch(ops));
      published(lines);
    }
  }

  private void discardChunk() {
    resetChunk();
    staged = new Staged();
    ctx.rebuild();
  }

  private void published(long lastLine) {
    lastCommitted = lastLine;
    if (ctx.knowsAll()) {
      for (Map.Entry<String, String> e : chunkFacts.entrySet()) {
        ctx.pendingRemoved(e.getKey());
        if (!e.getValue().isEmpty()) {
          ctx.pendingCommitted(chunkFactObjects.get(e.getKey()));
        }
      }
    }
    if (lastLine > 0) {
      ctx.batchesChanged();
    }
    for (Rejection r : staged.rejections) {
      rejected++;
      options.rejections().accept(r);
      if (reported.size() < options.maxReportedRejections()) {
        reported.add(r);
      } else {
        truncated = true;
      }
    }
    accepted += staged.accepted;
    pending += staged.pending;
    resolved += staged.resolved;
    blank += staged.blank;
    for (Conflict c : staged.conflicts) {
      addConflict(c);
    }
    for (SubjectKey org : touched.values()) {
      if (ctx.mayConflict(org.canonical())) {
        ConflictReport.forOrganisation(store, org).forEach(this::addConflict);
      }
    }
    resetChunk();
    staged = new Staged();
  }

  /** Counts every distinct conflict; lists them up to the report limit, like rejections. */
  private void addConflict(Conflict c) {
    if (conflictIds.add(c.identity())) {
      conflictsFound++;
      if (conflicts.size() < options.maxReportedRejections()) {
        conflicts.add(c);
      } else {
        conflictsTruncated = true;
      }
    }
  }

  private void resetChunk() {
    ops.clear();
    chunkSubjects.clear();
    chunkRecords.clear();
    chunkRelations.clear();
    chunkPending.clear();
    chunkFacts.clear();
    chunkFactObjects.clear();
    chunkPutOps.clear();
    cancelled.clear();
    touched.clear();
    chunkEnded.clear();
    keepLineOrder = false;
    chunkLineNumbers.clear();
    chunkLineBytes.clear();
    chunkLineLengths.clear();
  }
}
