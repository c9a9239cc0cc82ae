package io.credgraph.engine;

import io.credgraph.NotFoundException;
import io.credgraph.ValidationException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.grades.CreditGrade;
import io.credgraph.grades.GradeCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.LegalForm;
import io.credgraph.model.ListKind;
import io.credgraph.model.RecordStatus;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.risk.AssociatedRiskSearch;
import io.credgraph.rules.AlertCategory;
import io.credgraph.rules.Domain;
import io.credgraph.rules.Measure;
import io.credgraph.rules.MeasureKind;
import io.credgraph.rules.Role;
import io.credgraph.rules.Rule;
import io.credgraph.rules.RuleCatalogue;
import io.credgraph.rules.RuleScope;
import io.credgraph.store.BatchWriter;
import io.credgraph.store.GraphStore;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.WriteResult;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The credgraph engine: appointment and sanctions checks that explain themselves, alerts,
 * associated risk and what-if, answered from an in-memory {@link Projection projection} of the
 * store (never through the store per request).
 *
 * <p>At {@link #open} the engine reads the store once (forEachSubject, forEachRelation,
 * forEachRecord), builds the projection and derives every measure of every record (full
 * propagation). Writes go through {@link #write} (or {@link #writer()}): the batch is committed to
 * the store first (the source of truth); then the projection takes the changed facts as the store
 * now holds them, and only the records whose measures can have changed are derived again: a changed
 * record; the records held by subjects within (longest rule path - 1) hops of a changed relation;
 * the records held within (longest rule path) hops of a subject whose kind changed. A full
 * recomputation ({@link #rebuild()}) gives exactly the same derived measures.
 *
 * <p>Derived measures are independent of the day asked about: each carries the span of days it
 * holds, with the record's lifecycle, the period and the path's relation conditions folded in. A
 * check filters them by its asOf and by the rules in force on it. All writes to the store must go
 * through the engine, or the projection goes stale.
 *
 * <p>Thread-safe: checks run concurrently; a write excludes them while it updates the projection.
 */
public final class CredgraphEngine {
  /** The most subjects one sanctions check takes. */
  public static final int MAX_SANCTION_SUBJECTS = 1_000;

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(CredgraphEngine.class);

  private final GraphStore store;
  private final ListCatalogue lists;
  private final RuleCatalogue rules;
  private final Map<Rule, Integer> ruleOrder = new HashMap<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile RuntimeException outOfSync;
  // one writer at a time: a store commit and its application to the projection, or a rebuild
  private final java.util.concurrent.locks.ReentrantLock writing =
      new java.util.concurrent.locks.ReentrantLock();
  private Projection p;
  private Deriver deriver;
  private final HashMap<Integer, List<Entry>> byTarget = new HashMap<>();
  private final ArrayList<List<Entry>> byRecord = new ArrayList<>();
  private long derivedCount;
  private long projectionMillis;
  private long propagationMillis;
  private volatile long version;
  private volatile GradeCatalogue grades;
  private volatile GraphSnapshot snapshot;
  private volatile String startedFrom = "the store";
  private final java.util.concurrent.CopyOnWriteArrayList<WriteListener> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private CredgraphEngine(GraphStore store, ListCatalogue lists, RuleCatalogue rules) {
    this.store = store;
    this.lists = lists;
    this.rules = rules;
    this.grades = GradeCatalogue.defaults(lists);
    int i = 0;
    for (Rule r : rules.rules()) {
      ruleOrder.put(r, i++);
    }
  }

  /** Opens the engine on {@code store} with the built-in list and rule catalogues. */
  public static CredgraphEngine open(GraphStore store) {
    ListCatalogue lists = ListCatalogue.defaults();
    return open(store, lists, RuleCatalogue.defaults(lists));
  }

  /** Opens the engine on {@code store}: builds the projection and derives every measure. */
  public static CredgraphEngine open(GraphStore store, ListCatalogue lists, RuleCatalogue rules) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(lists, "lists");
    Objects.requireNonNull(rules, "rules");
    CredgraphEngine e = new CredgraphEngine(store, lists, rules);
    e.rebuild();
    return e;
  }

  /**
   * Opens the engine on {@code store}, starting from the projection file {@code projectionFile}
   * when it is the projection of this store as it is now ({@link ProjectionFile}: same version,
   * location and counts, checksum intact), and otherwise from a full read of the store; {@link
   * #startedFrom} says which and why. Measures are derived either way.
   */
  public static CredgraphEngine open(
      GraphStore store,
      ListCatalogue lists,
      RuleCatalogue rules,
      java.nio.file.Path projectionFile) {
    Objects.requireNonNull(projectionFile, "projectionFile");
    CredgraphEngine e = new CredgraphEngine(store, lists, rules);
    long t0 = System.nanoTime();
    ProjectionFile.Read read = ProjectionFile.read(projectionFile, store, lists);
    long t1 = System.nanoTime();
    if (read.projection().isPresent()) {
      e.writing.lock();
      try {
        e.lock.writeLock().lock();
        try {
          e.swapIn(read.projection().get(), t0, t1);
        } finally {
          e.lock.writeLock().unlock();
        }
      } finally {
        e.writing.unlock();
      }
      e.startedFrom = "the projection file: " + read.why();
    } else {
      e.rebuild();
      e.startedFrom = "the store: " + read.why();
    }
    return e;
  }

  /**
   * Where the engine's graph came from when it opened: the projection file, or the store and why
   * the file could not be used.
   */
  public String startedFrom() {
    return startedFrom;
  }

  /**
   * Writes the projection of the current committed version to {@code file} (atomically; see {@link
   * ProjectionFile}), for the next start. Readers and writers go on meanwhile: it writes a frozen
   * {@link #snapshot()}.
   */
  public void saveProjection(java.nio.file.Path file) {
    ProjectionFile.write(snapshot(), store, file);
  }

  public GraphStore store() {
    return store;
  }

  /**
   * Grades organisations with {@code catalogue} from now on (the built-in grades.yaml by default).
   */
  public void useGrades(GradeCatalogue catalogue) {
    this.grades = Objects.requireNonNull(catalogue, "catalogue");
  }

  public GradeCatalogue grades() {
    return grades;
  }

  /**
   * The credit grade of an organisation on {@code asOf} (DOMAIN.md 9); empty for a person (persons
   * are not graded).
   *
   * @throws NotFoundException when the subject is not known
   */
  public Optional<CreditGrade> grade(SubjectKey key, LocalDate asOf) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(asOf, "asOf");
    readLock();
    try {
      return gradeOf(require(key), asOf);
    } finally {
      lock.readLock().unlock();
    }
  }

  private Optional<CreditGrade> gradeOf(int s, LocalDate asOf) {
    if (p.kindOf(s) == SubjectKind.PERSON) {
      return Optional.empty();
    }
    List<CreditRecord> records = new ArrayList<>();
    for (int r : p.recordsOf(s)) {
      records.add(p.recs[r]);
    }
    return Optional.of(grades.grade(records, asOf));
  }

  public ListCatalogue lists() {
    return lists;
  }

  public RuleCatalogue rules() {
    return rules;
  }

  /**
   * Changes whenever an answer may change (it is the store's version after the last write through
   * the engine); caches of answers key on it together with the request.
   */
  public long version() {
    return version;
  }

  /**
   * The committed version of the in-memory graph, frozen for readers (the investigation services,
   * watchlists, lists): the same graph the checks answer from, taken once per version (the first
   * call after a write takes it, in a few milliseconds; every other call shares it). During a load
   * it is the last committed chunk.
   *
   * @throws OutOfSyncException while the in-memory graph does not match the store
   */
  public GraphSnapshot snapshot() {
    GraphSnapshot s = snapshot;
    if (s != null && s.version() == version && outOfSync == null) {
      return s;
    }
    readLock();
    try {
      s = snapshot;
      if (s == null || s.version() != version) {
        s = new GraphSnapshot(p, version);
        snapshot = s;
      }
      return s;
    } finally {
      lock.readLock().unlock();
    }
  }

  public EngineStats stats() {
    lock.readLock().lock();
    try {
      return new EngineStats(
          p.n, p.m, p.r, derivedCount, version, projectionMillis, propagationMillis);
    } finally {
      lock.readLock().unlock();
    }
  }

  // ------------------------------------------------------------------ propagation

  /**
   * Full propagation: reads the whole store again, rebuilds the projection and derives every
   * record's measures.
   */
  public void rebuild() {
    writing.lock();
    try {
      long t0 = System.nanoTime();
      // read the store without the engine's lock: readers keep the graph they have meanwhile
      Projection built = Projection.build(store, lists);
      long t1 = System.nanoTime();
      lock.writeLock().lock();
      try {
        swapIn(built, t0, t1);
      } finally {
        lock.writeLock().unlock();
      }
    } finally {
      writing.unlock();
    }
  }

  /** Puts a freshly read projection in place and derives every record on it (write lock held). */
  private void swapIn(Projection built, long t0, long t1) {
    p = built;
    deriver = new Deriver(p, rules);
    byTarget.clear();
    byRecord.clear();
    derivedCount = 0;
    for (int r = 0; r < p.r; r++) {
      rederive(r);
    }
    projectionMillis = (t1 - t0) / 1_000_000;
    propagationMillis = (System.nanoTime() - t1) / 1_000_000;
    version = store.version();
    outOfSync = null;
  }

  private void rederive(int rec) {
    while (byRecord.size() <= rec) {
      byRecord.add(List.of());
    }
    for (Entry old : byRecord.get(rec)) {
      List<Entry> l = byTarget.get(old.target());
      l.removeIf(x -> x == old);
      if (l.isEmpty()) {
        byTarget.remove(old.target());
      }
      derivedCount--;
    }
    List<Entry> fresh = deriver.derive(p.recs[rec], rec, p.recHolder[rec], p.recSpans[rec]);
    byRecord.set(rec, fresh);
    for (Entry e : fresh) {
      byTarget.computeIfAbsent(e.target(), k -> new ArrayList<>(2)).add(e);
    }
    derivedCount += fresh.size();
  }

  /**
   * Tells {@code listener} about every write committed through this engine from now on (see {@link
   * WriteListener}).
   */
  public void listen(WriteListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Where loaders and the API write: {@link #write}. */
  public BatchWriter writer() {
    return this::write;
  }

  /**
   * Commits {@code batch} to the store, then brings the projection and the derived measures of the
   * affected subjects up to date. If the store refuses the batch nothing changes here either.
   */
  public WriteResult write(WriteBatch batch) {
    Objects.requireNonNull(batch, "batch");
    writing.lock();
    try {
      if (outOfSync != null) {
        rebuildOrFail(outOfSync); // the store may be readable again: catch up before writing more
      }
      List<WriteListener> hearing = List.copyOf(listeners);
      Object[] before = new Object[hearing.size()];
      for (int i = 0; i < before.length; i++) {
        try {
          before[i] = hearing.get(i).beforeWrite(batch);
        } catch (RuntimeException e) {
          LOG.error("a write listener failed before a batch: {}", e.getMessage(), e);
        }
      }
      // the store commits without the engine's lock: readers keep answering from the last version
      // the engine applied (a load does not stop the counter, issue #13 item 2); only applying the
      // committed batch to the in-memory graph is exclusive
      WriteResult result = store.write(batch);
      // what applying needs from the store (facts a merge combined) is read before the lock too:
      // the store holds still meanwhile (one writer), and readers are not kept waiting on it
      StoreReads reads = new StoreReads();
      RuntimeException readFailure = null;
      try {
        reads.prefetch(batch);
      } catch (RuntimeException e) {
        readFailure = e;
      }
      lock.writeLock().lock();
      try {
        try {
          if (readFailure != null) {
            throw readFailure;
          }
          apply(batch, reads);
        } catch (RuntimeException e) {
          // the store has the batch; start again from it rather than answer from a half-updated
          // projection
          rebuildOrFail(e);
          throw e;
        }
        version = store.version();
      } finally {
        lock.writeLock().unlock();
      }
      for (int i = 0; i < before.length; i++) {
        try {
          hearing.get(i).afterWrite(batch, before[i]);
        } catch (RuntimeException e) {
          LOG.error(
              "a write listener failed after a committed batch of {} operations: {}",
              batch.ops().size(),
              e.getMessage(),
              e);
        }
      }
      return result;
    } finally {
      writing.unlock();
    }
  }

  /**
   * Why the in-memory graph no longer matches the store (a committed batch could not be applied and
   * the rebuild from the store failed too), or empty while it does. While it is present every read
   * answers {@link OutOfSyncException}.
   */
  public Optional<String> outOfSync() {
    RuntimeException e = outOfSync;
    return e == null ? Optional.empty() : Optional.of(e.getMessage());
  }

  private void rebuildOrFail(RuntimeException cause) {
    try {
      rebuild();
    } catch (RuntimeException r) {
      OutOfSyncException down =
          new OutOfSyncException(
              "the in-memory graph no longer matches the store: "
                  + "applying a committed batch failed ("
                  + cause.getMessage()
                  + ") and so did the rebuild from the store ("
                  + r.getMessage()
                  + "); restart the server or send a batch once the store is readable again",
              r);
      if (cause != outOfSync && cause != r) {
        down.addSuppressed(cause);
      }
      outOfSync = down;
      throw down;
    }
  }

  /**
   * Takes the read lock, or answers {@link OutOfSyncException} while the graph does not match the
   * store.
   */
  private void readLock() {
    lock.readLock().lock();
    RuntimeException down = outOfSync;
    if (down != null) {
      lock.readLock().unlock();
      throw new OutOfSyncException(down.getMessage(), down);
    }
  }

  /**
   * Brings the projection up to date with a committed batch. The projection mirrors the store
   * (every write goes through here), so a subject, relation or record it does not know yet was
   * created by this batch exactly as the operation carries it, and is taken from the operation;
   * only facts that a merge may have combined with what was stored before are read back from the
   * store.
   */
  private void apply(WriteBatch batch, StoreReads reads) {
    Set<Integer> dirty = new TreeSet<>();
    Set<Integer> relationEnds = new HashSet<>();
    Set<Integer> changedSubjects = new HashSet<>();
    for (WriteOp op : batch.ops()) {
      if (op instanceof WriteOp.PutSubject ps) {
        Subject s =
            p.indexOf(ps.subject().key()) < 0
                ? ps.subject()
                : reads.subject(ps.subject().key()).orElseThrow();
        int before = p.indexOf(s.key());
        byte kind = before < 0 ? -1 : p.kind[before];
        int i = p.putSubject(s);
        if (before >= 0 && kind != p.kind[i]) {
          changedSubjects.add(i);
        }
      } else if (op instanceof WriteOp.PutRelation pr) {
        Relation want = pr.relation();
        if (p.findEdge(want) < 0) {
          touch(p.upsertEdge(want), relationEnds);
          continue;
        }
        for (Relation stored : reads.relations(want.from(), want.type())) {
          if (stored.identity().equals(want.identity())) {
            touch(p.upsertEdge(stored), relationEnds);
          }
        }
      } else if (op instanceof WriteOp.EndRelation er) {
        for (Relation stored : reads.relations(er.from(), er.type())) {
          if (stored.from().equals(er.from()) && stored.to().equals(er.to())) {
            touch(p.upsertEdge(stored), relationEnds);
          }
        }
      } else if (op instanceof WriteOp.PutRecord pr) {
        if (p.hasRecord(pr.record().id())) {
          putRecord(reads, pr.record().id(), dirty);
        } else {
          int i = p.putRecord(pr.record());
          if (i >= 0) {
            dirty.add(i);
          }
        }
      } else if (op instanceof WriteOp.AppendStatus as) {
        putRecord(reads, as.recordId(), dirty);
      }
    }
    int depth = rules.maxDepth();
    if (depth > 0) {
      for (int holder : within(relationEnds, depth - 1)) {
        addRecords(holder, dirty);
      }
    }
    for (int holder : within(changedSubjects, depth)) {
      addRecords(holder, dirty);
    }
    // a counting trigger (DOMAIN.md 5.3) reads the holder's other records: derive them again with
    // the changed one
    for (int rec : List.copyOf(dirty)) {
      if (deriver.counts(p.recs[rec].list())) {
        addRecords(p.recHolder[rec], dirty);
      }
    }
    for (int rec : dirty) {
      rederive(rec);
    }
    p.compactIfWorthIt();
  }

  /**
   * The store's reads that applying a committed batch needs (the stored form of facts a merge may
   * have combined), made before the engine's write lock is taken and remembered for {@link #apply}.
   * Reads it did not foresee are made when asked, with the same answer (the store holds still while
   * the one writer applies its batch).
   */
  private final class StoreReads {
    private final Map<SubjectKey, Optional<Subject>> subjects = new HashMap<>();
    private final Map<List<Object>, List<Relation>> relations = new HashMap<>();
    private final Map<String, Optional<CreditRecord>> records = new HashMap<>();

    /** Reads what {@link #apply} will ask for: facts the projection or the batch already had. */
    void prefetch(WriteBatch batch) {
      Set<SubjectKey> subjectsSeen = new HashSet<>();
      Set<Object> edgesSeen = new HashSet<>();
      Set<String> recordsSeen = new HashSet<>();
      for (WriteOp op : batch.ops()) {
        if (op instanceof WriteOp.PutSubject ps) {
          SubjectKey k = ps.subject().key();
          if (!subjectsSeen.add(k) || p.indexOf(k) >= 0) {
            subject(k);
          }
        } else if (op instanceof WriteOp.PutRelation pr) {
          Relation want = pr.relation();
          if (!edgesSeen.add(want.identity()) || p.findEdge(want) >= 0) {
            relations(want.from(), want.type());
          }
        } else if (op instanceof WriteOp.EndRelation er) {
          relations(er.from(), er.type());
        } else if (op instanceof WriteOp.PutRecord pr) {
          String id = pr.record().id();
          if (!recordsSeen.add(id) || p.hasRecord(id)) {
            record(id);
          }
        } else if (op instanceof WriteOp.AppendStatus as) {
          record(as.recordId());
        }
      }
    }

    Optional<Subject> subject(SubjectKey key) {
      return subjects.computeIfAbsent(key, store::subject);
    }

    List<Relation> relations(SubjectKey from, RelationType type) {
      return relations.computeIfAbsent(
          List.of(from, type),
          k ->
              store.relations(from, GraphStore.Direction.OUTGOING, Set.of(type), Optional.empty()));
    }

    Optional<CreditRecord> record(String id) {
      return records.computeIfAbsent(id, store::record);
    }
  }

  private void putRecord(StoreReads reads, String id, Set<Integer> dirty) {
    CreditRecord stored = reads.record(id).orElseThrow();
    int i = p.putRecord(stored);
    if (i >= 0) {
      dirty.add(i);
    }
  }

  private void touch(int edge, Set<Integer> ends) {
    if (edge >= 0) {
      ends.add(p.rFrom[edge]);
      ends.add(p.rTo[edge]);
    }
  }

  private void addRecords(int holder, Set<Integer> dirty) {
    for (int r : p.recordsOf(holder)) {
      dirty.add(r);
    }
  }

  /**
   * The subjects within {@code hops} relations (any type, any date, either direction) of {@code
   * seeds}.
   */
  private Set<Integer> within(Set<Integer> seeds, int hops) {
    Map<Integer, Integer> dist = new HashMap<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s : seeds) {
      dist.put(s, 0);
      queue.add(s);
    }
    while (!queue.isEmpty()) {
      int node = queue.poll();
      int d = dist.get(node);
      if (d >= hops) {
        continue;
      }
      Projection.EdgeVisitor v =
          e -> {
            for (int nb : new int[] {p.rFrom[e], p.rTo[e]}) {
              if (!dist.containsKey(nb)) {
                dist.put(nb, d + 1);
                queue.add(nb);
              }
            }
          };
      p.forEachOut(node, v);
      p.forEachIn(node, v);
    }
    return dist.keySet();
  }

  // ------------------------------------------------------------------ appointment check

  /**
   * May {@code person} hold {@code role} on {@code asOf}, in {@code enterprise} (a company when
   * absent)? Applies the appointment rules in force on asOf that cover the role under the law
   * governing it: the Company Law for a company's LEGAL_REP and for DIRECTOR, SUPERVISOR and
   * SENIOR_MANAGER (CL146 up to 2024-06-30, CL178 from 2024-07-01); the Market Entity Registration
   * Regulation for the LEGAL_REP of any other form (MER12 from 2022-03-01); EIP17 on top, except in
   * the enterprise that is itself on the serious list. An enterprise whose legal form is not known
   * is taken to be a company. A person the store does not know has no record and is eligible.
   *
   * @throws NotFoundException when {@code enterprise} is named but not known
   * @throws ValidationException when the key is not a person's, or the role cannot be held in that
   *     organisation
   */
  public AppointmentCheck checkAppointment(
      SubjectKey person, Role role, Optional<SubjectKey> enterprise, LocalDate asOf) {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(asOf, "asOf");
    enterprise = enterprise == null ? Optional.empty() : enterprise;
    if (!person.mayBePerson()) {
      throw new ValidationException(
          "person", "an appointment check is about a person (idNumber), not " + person);
    }
    readLock();
    try {
      int t = -1;
      boolean companyLaw = true;
      if (enterprise.isPresent()) {
        t = p.indexOf(enterprise.get());
        if (t < 0) {
          throw new NotFoundException(
              "enterprise "
                  + enterprise.get()
                  + " is not known; load it first or leave "
                  + "enterprise out to check against the rules for a company");
        }
        SubjectKind kind = p.kindOf(t);
        if (!role.relation().allows(SubjectKind.PERSON, kind)) {
          throw new ValidationException("role", "a person cannot be " + role + " of a " + kind);
        }
        companyLaw = isCompanyLaw(t);
      }
      List<Rule> applied = applicableRules(role, companyLaw, asOf);
      int ps = p.indexOf(person);
      if (ps >= 0 && p.kindOf(ps) != SubjectKind.PERSON) {
        throw new ValidationException(
            "person",
            "an appointment check is about a person; " + person + " is a " + p.kindOf(ps));
      }
      List<Reason> reasons =
          ps < 0 ? List.of() : appointmentReasons(ps, applied, t, asOf, entries(ps));
      return new AppointmentCheck(
          person,
          ps < 0 ? Optional.empty() : Optional.of(ref(ps)),
          role,
          t < 0 ? Optional.empty() : Optional.of(ref(t)),
          asOf,
          companyLaw,
          applied.stream().map(Rule::id).toList(),
          reasons.isEmpty(),
          reasons);
    } finally {
      lock.readLock().unlock();
    }
  }

  private boolean isCompanyLaw(int org) {
    return p.kindOf(org) == SubjectKind.ENTERPRISE
        && p.formOf(org).map(LegalForm::isCompany).orElse(true);
  }

  private List<Rule> applicableRules(Role role, boolean companyLaw, LocalDate asOf) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : rules.rules()) {
      if (r.scope() == RuleScope.APPOINTMENT
          && r.inForceOn(asOf)
          && r.roles().stream().anyMatch(s -> s.covers(role, companyLaw))) {
        out.add(r);
      }
    }
    return out;
  }

  private List<Reason> appointmentReasons(
      int person, List<Rule> applied, int target, LocalDate asOf, List<Entry> entries) {
    int day = Projection.day(asOf);
    Set<Rule> ruleSet = new HashSet<>(applied);
    Map<String, Entry> best = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (ruleSet.contains(e.rule())
          && e.holdsOn(day)
          && !(e.rule().exceptListedEnterprise() && e.holder() == target)) {
        keepBest(best, e.rule().id() + "|" + e.rec().id(), e);
      }
    }
    return best.values().stream().sorted(entryOrder()).map(e -> reason(e, asOf)).toList();
  }

  private List<Entry> entries(int s) {
    return byTarget.getOrDefault(s, List.of());
  }

  /**
   * Keeps, per key, the entry that holds longest, then with the shortest path, then the first by
   * path.
   */
  private void keepBest(Map<String, Entry> best, String key, Entry e) {
    Entry cur = best.get(key);
    if (cur == null || better(e, cur)) {
      best.put(key, e);
    }
  }

  private boolean better(Entry a, Entry b) {
    if (a.to() != b.to()) {
      return a.to() > b.to();
    }
    if (a.edges().length != b.edges().length) {
      return a.edges().length < b.edges().length;
    }
    return pathKey(a).compareTo(pathKey(b)) < 0;
  }

  private String pathKey(Entry e) {
    StringBuilder b = new StringBuilder();
    for (int edge : e.edges()) {
      b.append(p.typeOf(edge))
          .append(':')
          .append(p.keys[p.rFrom[edge]].canonical())
          .append('>')
          .append(p.keys[p.rTo[edge]].canonical())
          .append('@')
          .append(p.rSince[edge])
          .append(';');
    }
    return b.toString();
  }

  private Comparator<Entry> entryOrder() {
    return Comparator.<Entry>comparingInt(e -> ruleOrder.getOrDefault(e.rule(), Integer.MAX_VALUE))
        .thenComparing(e -> e.rec().id())
        .thenComparingInt(Entry::targetIndex)
        .thenComparingInt(Entry::from);
  }

  private Reason reason(Entry e, LocalDate asOf) {
    Rule r = e.rule();
    return new Reason(
        r.id(),
        r.title(),
        r.basis(),
        List.of(e.rec().id()),
        e.rec().list(),
        path(e),
        Projection.date(e.from()),
        Projection.until(e.to()),
        disputed(e, asOf));
  }

  private boolean disputed(Entry e, LocalDate asOf) {
    return e.rec().statusOn(asOf) == RecordStatus.OBJECTED;
  }

  private SubjectRef ref(int s) {
    return new SubjectRef(p.ids[s], p.kindOf(s), p.names[s], p.keys[s]);
  }

  /** The path from the entry's target to the record holder. */
  private EvidencePath path(Entry e) {
    int[] nodes = e.nodes();
    int[] edges = e.edges();
    List<SubjectRef> subjects = new ArrayList<>(nodes.length);
    List<PathHop> hops = new ArrayList<>(edges.length);
    for (int i = nodes.length - 1; i >= 0; i--) {
      subjects.add(ref(nodes[i]));
      if (i > 0) {
        int edge = edges[i - 1];
        hops.add(hop(edge, nodes[i]));
      }
    }
    return new EvidencePath(subjects, hops);
  }

  private PathHop hop(int edge, int fromNode) {
    return new PathHop(
        p.typeOf(edge),
        Projection.date(p.rSince[edge]),
        Projection.until(p.rUntil[edge]),
        p.rFrom[edge] == fromNode);
  }

  // ------------------------------------------------------------------ sanctions check

  /**
   * The measures that apply on {@code asOf} to each of {@code subjects} (at most {@value
   * #MAX_SANCTION_SUBJECTS}), in {@code domain} or all domains, from every rule of the sanction
   * catalogue in force on asOf, directly or through related subjects. INCENTIVE measures are left
   * out on a day the subject has a BLACK record in force. A key the store does not know gets a
   * result without measures.
   */
  public SanctionsCheck checkSanctions(
      List<SubjectKey> subjects, Optional<Domain> domain, LocalDate asOf) {
    Objects.requireNonNull(subjects, "subjects");
    Objects.requireNonNull(asOf, "asOf");
    domain = domain == null ? Optional.empty() : domain;
    if (subjects.size() > MAX_SANCTION_SUBJECTS) {
      throw new ValidationException(
          "subjects",
          "a sanctions check takes at most "
              + MAX_SANCTION_SUBJECTS
              + " subjects, got "
              + subjects.size()
              + "; split the request");
    }
    readLock();
    try {
      List<SanctionResult> out = new ArrayList<>(subjects.size());
      for (SubjectKey key : subjects) {
        Objects.requireNonNull(key, "subjects contains an empty entry");
        int s = p.indexOf(key);
        if (s < 0) {
          out.add(SanctionResult.of(key, Optional.empty(), List.of(), Optional.empty()));
          continue;
        }
        out.add(
            SanctionResult.of(
                key, Optional.of(ref(s)), measures(s, entries(s), domain, asOf), gradeOf(s, asOf)));
      }
      return new SanctionsCheck(asOf, domain, out);
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<MeasureHit> measures(
      int s, List<Entry> entries, Optional<Domain> domain, LocalDate asOf) {
    int day = Projection.day(asOf);
    int[] black = null;
    Map<String, Entry> best = new LinkedHashMap<>();
    Map<String, Measure> measureOf = new HashMap<>();
    for (Entry e : entries) {
      if (e.rule().scope() != RuleScope.SANCTION || !e.holdsOn(day) || !e.rule().inForceOn(asOf)) {
        continue;
      }
      for (Measure m : e.targetSpec().measures()) {
        if (domain.isPresent() && m.domain() != domain.get()) {
          continue;
        }
        if (m.kind() == MeasureKind.INCENTIVE) {
          if (black == null) {
            black = blackSpans(s);
          }
          if (Spans.contains(black, day)) {
            continue;
          }
        }
        String key = e.rule().id() + "|" + m.code() + "|" + e.rec().id();
        keepBest(best, key, e);
        measureOf.put(key, m);
      }
    }
    List<MeasureHit> hits = new ArrayList<>(best.size());
    for (Map.Entry<String, Entry> be : best.entrySet()) {
      Entry e = be.getValue();
      Measure m = measureOf.get(be.getKey());
      int from = e.from();
      int to = e.to();
      if (m.kind() == MeasureKind.INCENTIVE) {
        for (int i = 0; i < black.length; i += 2) {
          if (black[i + 1] < day) {
            from = Math.max(from, black[i + 1] + 1);
          } else if (black[i] > day) {
            to = Math.min(to, black[i] - 1);
          }
        }
      }
      Rule r = e.rule();
      hits.add(
          new MeasureHit(
              m.code(),
              m.title(),
              m.domain(),
              m.kind(),
              m.department(),
              r.id(),
              r.basis(),
              List.of(e.rec().id()),
              e.rec().list(),
              path(e),
              Projection.date(from),
              Projection.until(to),
              disputed(e, asOf)));
    }
    hits.sort(
        Comparator.comparing(MeasureHit::domain)
            .thenComparing(MeasureHit::measure)
            .thenComparing(MeasureHit::rule)
            .thenComparing(h -> h.records().get(0)));
    return hits;
  }

  /** The days {@code s} has a BLACK record in force, merged. */
  private int[] blackSpans(int s) {
    List<int[]> all = new ArrayList<>();
    for (int r : p.recordsOf(s)) {
      Optional<ListDefinition> def = lists.find(p.recs[r].list());
      if (def.isPresent() && def.get().kind() == ListKind.BLACK) {
        int[] sp = p.recSpans[r];
        for (int i = 0; i < sp.length; i += 2) {
          all.add(new int[] {sp[i], sp[i + 1]});
        }
      }
    }
    all.sort(Comparator.comparingInt(a -> a[0]));
    int[] out = new int[all.size() * 2];
    int len = 0;
    for (int[] a : all) {
      if (len > 0 && (out[len - 1] == Projection.OPEN || out[len - 1] + 1 >= a[0])) {
        out[len - 1] = Math.max(out[len - 1], a[1]);
      } else {
        out[len++] = a[0];
        out[len++] = a[1];
      }
    }
    return java.util.Arrays.copyOf(out, len);
  }

  // ------------------------------------------------------------------ profile, alerts, risk,
  // what-if

  /** Every measure and appointment restriction that applies to the subject on {@code asOf}. */
  public SubjectMeasures subjectMeasures(SubjectKey key, LocalDate asOf) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(asOf, "asOf");
    readLock();
    try {
      int s = require(key);
      List<Entry> es = entries(s);
      return new SubjectMeasures(
          ref(s), asOf, measures(s, es, Optional.empty(), asOf), appointmentRestrictions(es, asOf));
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<Reason> appointmentRestrictions(List<Entry> es, LocalDate asOf) {
    int day = Projection.day(asOf);
    Map<String, Entry> best = new LinkedHashMap<>();
    for (Entry e : es) {
      if (e.rule().scope() == RuleScope.APPOINTMENT && e.rule().inForceOn(asOf) && e.holdsOn(day)) {
        keepBest(best, e.rule().id() + "|" + e.rec().id(), e);
      }
    }
    return best.values().stream().sorted(entryOrder()).map(e -> reason(e, asOf)).toList();
  }

  private int require(SubjectKey key) {
    int s = p.indexOf(key);
    if (s < 0) {
      throw new NotFoundException("subject " + key + " is not known");
    }
    return s;
  }

  /**
   * The alerts that hold on {@code asOf} ({@code kind} empty: all kinds), raised on or after {@code
   * since} when given:
   *
   * <ul>
   *   <li>SITTING_OFFICER: each role a person holds on asOf (an officer relation in force) that the
   *       appointment check of that person, role and organisation refuses on asOf;
   *   <li>ESCALATION: each ESCALATION alert measure in force on asOf (ABNORMAL_OPERATION in force
   *       three years).
   * </ul>
   *
   * Ordered by raisedOn, most recent first.
   */
  public List<Alert> alerts(Optional<AlertKind> kind, LocalDate asOf, Optional<LocalDate> since) {
    Objects.requireNonNull(asOf, "asOf");
    kind = kind == null ? Optional.empty() : kind;
    since = since == null ? Optional.empty() : since;
    readLock();
    try {
      int day = Projection.day(asOf);
      List<Alert> out = new ArrayList<>();
      if (kind.isEmpty() || kind.get() == AlertKind.SITTING_OFFICER) {
        for (Map.Entry<Integer, List<Entry>> te : byTarget.entrySet()) {
          if (p.kindOf(te.getKey()) == SubjectKind.PERSON
              && te.getValue().stream()
                  .anyMatch(e -> e.rule().scope() == RuleScope.APPOINTMENT && e.holdsOn(day))) {
            out.addAll(sittingOfficer(te.getKey(), te.getValue(), asOf, List.of()));
          }
        }
      }
      if (kind.isEmpty() || kind.get() == AlertKind.ESCALATION) {
        for (Map.Entry<Integer, List<Entry>> te : byTarget.entrySet()) {
          Map<String, Entry> best = new LinkedHashMap<>();
          for (Entry e : te.getValue()) {
            if (e.rule().inForceOn(asOf)
                && e.holdsOn(day)
                && e.targetSpec().measures().stream()
                    .anyMatch(m -> m.alert() == AlertCategory.ESCALATION)) {
              keepBest(best, e.rule().id() + "|" + e.rec().id(), e);
            }
          }
          for (Entry e : best.values()) {
            out.add(
                new Alert(
                    AlertKind.ESCALATION,
                    ref(te.getKey()),
                    Optional.empty(),
                    Optional.empty(),
                    Projection.date(e.from()),
                    List.of(reason(e, asOf))));
          }
        }
      }
      LocalDate from = since.orElse(LocalDate.MIN);
      return out.stream()
          .filter(a -> !a.raisedOn().isBefore(from))
          .sorted(
              Comparator.comparing(Alert::raisedOn)
                  .reversed()
                  .thenComparing(a -> a.kind())
                  .thenComparing(a -> a.subject().id().value())
                  .thenComparing(a -> a.organisation().map(o -> o.id().value()).orElse(""))
                  .thenComparing(a -> a.role().map(Enum::name).orElse("")))
          .toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The sitting-officer alerts of {@code person} on asOf, from its entries plus {@code extra}; with
   * {@code extra} given, only the roles that {@code extra} makes ineligible (what-if).
   */
  private List<Alert> sittingOfficer(
      int person, List<Entry> entries, LocalDate asOf, List<Entry> extra) {
    int day = Projection.day(asOf);
    List<Alert> out = new ArrayList<>();
    List<Entry> all = entries;
    if (!extra.isEmpty()) {
      all = new ArrayList<>(entries);
      all.addAll(extra);
    }
    List<Entry> withExtra = all;
    p.forEachOut(
        person,
        edge -> {
          RelationType type = p.typeOf(edge);
          if (!type.isOfficerRole() || !p.edgeInForce(edge, day)) {
            return;
          }
          Role role = Role.of(type).orElseThrow();
          int org = p.rTo[edge];
          List<Rule> applied = applicableRules(role, isCompanyLaw(org), asOf);
          List<Reason> reasons = appointmentReasons(person, applied, org, asOf, withExtra);
          if (reasons.isEmpty()) {
            return;
          }
          if (!extra.isEmpty()
              && !appointmentReasons(person, applied, org, asOf, entries).isEmpty()) {
            return;
          }
          LocalDate restrictedFrom =
              reasons.stream()
                  .map(Reason::restrictedFrom)
                  .min(Comparator.naturalOrder())
                  .orElseThrow();
          LocalDate roleSince = Projection.date(p.rSince[edge]);
          LocalDate raised = roleSince.isAfter(restrictedFrom) ? roleSince : restrictedFrom;
          out.add(
              new Alert(
                  AlertKind.SITTING_OFFICER,
                  ref(person),
                  Optional.of(ref(org)),
                  Optional.of(role),
                  raised,
                  reasons));
        });
    return out;
  }

  /**
   * Associated risk on {@code asOf}: the largest BLACK severity within three control hops, halved
   * per hop, with the path (DOMAIN.md 6.3).
   */
  public AssociatedRisk associatedRisk(SubjectKey key, LocalDate asOf) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(asOf, "asOf");
    readLock();
    try {
      int s = require(key);
      Optional<AssociatedRiskSearch.Found> found =
          AssociatedRiskSearch.search(
              p, s, Projection.day(asOf), AssociatedRiskSearch.DEFAULT_HOPS);
      if (found.isEmpty()) {
        return new AssociatedRisk(ref(s), asOf, 0, Optional.empty());
      }
      AssociatedRiskSearch.Found f = found.get();
      int[] nodes = f.nodes();
      List<SubjectRef> subjects = new ArrayList<>();
      List<PathHop> hops = new ArrayList<>();
      for (int i = 0; i < nodes.length; i++) {
        subjects.add(ref(nodes[i]));
        if (i + 1 < nodes.length) {
          hops.add(hop(f.edges()[i], nodes[i]));
        }
      }
      CreditRecord rec = p.recs[f.record()];
      return new AssociatedRisk(
          ref(s),
          asOf,
          f.score(),
          Optional.of(
              new AssociatedRisk.Source(
                  ref(nodes[nodes.length - 1]),
                  rec.id(),
                  rec.list(),
                  f.severity(),
                  f.hops(),
                  new EvidencePath(subjects, hops))));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The marks of many subjects on {@code asOf} under one read lock, for drawing a graph: the lists
   * of their records in force and (when {@code withRisk}) their associated risk score. Subjects the
   * engine does not know are left out.
   */
  public Map<SubjectKey, SubjectMarks> marks(
      java.util.Collection<SubjectKey> keys, LocalDate asOf, boolean withRisk) {
    Objects.requireNonNull(asOf, "asOf");
    Map<SubjectKey, SubjectMarks> out = new HashMap<>();
    int day = Projection.day(asOf);
    readLock();
    try {
      for (SubjectKey key : keys) {
        int s = p.indexOf(key);
        if (s < 0) {
          continue;
        }
        TreeSet<String> on = new TreeSet<>();
        for (int rec : p.recordsOf(s)) {
          if (p.inForce(rec, day)) {
            on.add(p.recs[rec].list());
          }
        }
        double risk =
            withRisk
                ? AssociatedRiskSearch.search(p, s, day, AssociatedRiskSearch.DEFAULT_HOPS)
                    .map(AssociatedRiskSearch.Found::score)
                    .orElse(0.0)
                : 0.0;
        out.put(key, new SubjectMarks(List.copyOf(on), risk));
      }
    } finally {
      lock.readLock().unlock();
    }
    return out;
  }

  /**
   * What-if (DOMAIN.md 6.7): the measures and appointment restrictions a hypothetical record would
   * add on {@code asOf}, the subjects they reach, and the sitting officers it would make
   * ineligible. Nothing is stored.
   *
   * @throws NotFoundException when the record's subject is not known
   * @throws ValidationException when its list is not in the catalogue
   */
  public Simulation simulate(CreditRecord hypothetical, LocalDate asOf) {
    Objects.requireNonNull(hypothetical, "hypothetical");
    Objects.requireNonNull(asOf, "asOf");
    ListDefinition def = lists.require(hypothetical.list());
    readLock();
    try {
      int holder = p.indexOf(hypothetical.subject());
      if (holder < 0) {
        throw new NotFoundException(
            "subject " + hypothetical.subject() + " of the hypothetical record is not known");
      }
      int day = Projection.day(asOf);
      List<Entry> derived =
          deriver.derive(
              hypothetical, -1, holder, Projection.spans(hypothetical, def.objectedInForce()));
      Map<Integer, List<Entry>> byT = new LinkedHashMap<>();
      for (Entry e : derived) {
        if (e.holdsOn(day) && e.rule().inForceOn(asOf)) {
          byT.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
        }
      }
      List<Simulation.Impact> impacts = new ArrayList<>();
      List<Alert> officers = new ArrayList<>();
      for (Map.Entry<Integer, List<Entry>> te : byT.entrySet()) {
        int s = te.getKey();
        impacts.add(
            new Simulation.Impact(
                ref(s),
                measures(s, te.getValue(), Optional.empty(), asOf),
                appointmentRestrictions(te.getValue(), asOf)));
        if (p.kindOf(s) == SubjectKind.PERSON) {
          officers.addAll(sittingOfficer(s, entries(s), asOf, te.getValue()));
        }
      }
      impacts.sort(Comparator.comparing(i -> i.subject().id().value()));
      List<GradeChange> gradeChanges = new ArrayList<>();
      Optional<CreditGrade> before = gradeOf(holder, asOf);
      if (before.isPresent()) {
        List<CreditRecord> withIt = new ArrayList<>();
        for (int r : p.recordsOf(holder)) {
          withIt.add(p.recs[r]);
        }
        withIt.add(hypothetical);
        CreditGrade after = grades.grade(withIt, asOf);
        if (after.grade() != before.get().grade()) {
          gradeChanges.add(new GradeChange(ref(holder), before.get(), after));
        }
      }
      return new Simulation(hypothetical.id(), asOf, impacts, officers, gradeChanges);
    } finally {
      lock.readLock().unlock();
    }
  }

  // ------------------------------------------------------------------ for tests

  /**
   * Every derived measure as a canonical line (target, rule, target index, record, path, first and
   * last day), sorted: equal for two engines exactly when they derived the same measures.
   */
  List<String> derivedFingerprint() {
    readLock();
    try {
      List<String> out = new ArrayList<>();
      for (List<Entry> es : byTarget.values()) {
        for (Entry e : es) {
          out.add(
              p.keys[e.target()].canonical()
                  + " "
                  + e.rule().id()
                  + "#"
                  + e.targetIndex()
                  + " "
                  + e.rec().id()
                  + " "
                  + pathKey(e)
                  + " "
                  + e.from()
                  + ".."
                  + e.to());
        }
      }
      out.sort(null);
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }
}
