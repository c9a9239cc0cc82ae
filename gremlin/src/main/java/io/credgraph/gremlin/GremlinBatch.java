package io.credgraph.gremlin;

import static io.credgraph.gremlin.Schema.AWAITED;
import static io.credgraph.gremlin.Schema.CHECKPOINT;
import static io.credgraph.gremlin.Schema.CHECKPOINT_SEQ;
import static io.credgraph.gremlin.Schema.DOC;
import static io.credgraph.gremlin.Schema.HASH;
import static io.credgraph.gremlin.Schema.KEY;
import static io.credgraph.gremlin.Schema.META;
import static io.credgraph.gremlin.Schema.META_NAME;
import static io.credgraph.gremlin.Schema.NAME;
import static io.credgraph.gremlin.Schema.OPEN;
import static io.credgraph.gremlin.Schema.OWNER;
import static io.credgraph.gremlin.Schema.PENDING;
import static io.credgraph.gremlin.Schema.PENDING_SEQ;
import static io.credgraph.gremlin.Schema.PID;
import static io.credgraph.gremlin.Schema.RECORD;
import static io.credgraph.gremlin.Schema.RID;
import static io.credgraph.gremlin.Schema.SEQ;
import static io.credgraph.gremlin.Schema.SID;
import static io.credgraph.gremlin.Schema.SINCE;
import static io.credgraph.gremlin.Schema.SUBJECT;
import static io.credgraph.gremlin.Schema.VERSION;
import static org.apache.tinkerpop.gremlin.structure.VertexProperty.Cardinality.single;

import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.WriteResult;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Vertex;

/**
 * One batch applied inside one Gremlin transaction: each operation reads the facts it touches with
 * a traversal, merges in Java (the same rules as every backend, see {@link
 * io.credgraph.store.GraphStore}) and writes the result back. Every traversal is built in Java
 * (bytecode over the wire); nothing is parsed from a string.
 */
final class GremlinBatch {
  private final GraphTraversalSource g;
  private int created;
  private int updated;
  private int unchanged;
  private long checkpointSeq;
  private long pendingSeq;

  GremlinBatch(GraphTraversalSource g) {
    this.g = g;
  }

  WriteResult apply(WriteBatch batch) {
    Map<String, Object> meta = meta(g);
    long version = ((Number) meta.get(VERSION)).longValue();
    checkpointSeq = ((Number) meta.get(CHECKPOINT_SEQ)).longValue();
    pendingSeq = ((Number) meta.get(PENDING_SEQ)).longValue();
    for (WriteOp op : batch.ops()) {
      apply(op);
    }
    if (created + updated > 0) {
      version++;
      g.V()
          .has(META, NAME, META_NAME)
          .property(single, VERSION, version)
          .property(single, CHECKPOINT_SEQ, checkpointSeq)
          .property(single, PENDING_SEQ, pendingSeq)
          .iterate();
    }
    return new WriteResult(created, updated, unchanged, version);
  }

  /** The meta vertex's counters; the vertex is created (all zero) when the graph has none yet. */
  @SuppressWarnings("unchecked") // coalesce takes its traversals as generic varargs
  static Map<String, Object> meta(GraphTraversalSource g) {
    return g.V()
        .has(META, NAME, META_NAME)
        .fold()
        .coalesce(
            __.unfold(),
            __.addV(META)
                .property(NAME, META_NAME)
                .property(VERSION, 0L)
                .property(CHECKPOINT_SEQ, 0L)
                .property(PENDING_SEQ, 0L))
        .<Object>project(VERSION, CHECKPOINT_SEQ, PENDING_SEQ)
        .by(VERSION)
        .by(CHECKPOINT_SEQ)
        .by(PENDING_SEQ)
        .next();
  }

  private void apply(WriteOp op) {
    if (op instanceof WriteOp.PutSubject p) {
      putSubject(p.subject());
    } else if (op instanceof WriteOp.PutRelation p) {
      putRelation(p.relation());
    } else if (op instanceof WriteOp.EndRelation e) {
      endRelation(e);
    } else if (op instanceof WriteOp.PutRecord p) {
      putRecord(p.record());
    } else if (op instanceof WriteOp.AppendStatus a) {
      appendStatus(a);
    } else if (op instanceof WriteOp.PutPending p) {
      if (g.V().has(PENDING, PID, p.fact().id()).hasNext()) {
        unchanged++;
      } else {
        g.addV(PENDING)
            .property(PID, p.fact().id())
            .property(AWAITED, p.fact().awaited().canonical())
            .property(SEQ, ++pendingSeq)
            .property(DOC, Codec.doc(Codec.FACTS.pendingProps(p.fact())))
            .iterate();
        created++;
      }
    } else if (op instanceof WriteOp.RemovePending r) {
      if (g.V().has(PENDING, PID, r.id()).hasNext()) {
        g.V().has(PENDING, PID, r.id()).drop().iterate();
        updated++;
      } else {
        unchanged++;
      }
    } else if (op instanceof WriteOp.Checkpoint c) {
      String hash = c.checkpoint().batchHash();
      Optional<Long> seq =
          g.V()
              .has(CHECKPOINT, HASH, hash)
              .<Object>values(SEQ)
              .tryNext()
              .map(n -> ((Number) n).longValue());
      boolean same =
          seq.isPresent()
              && g.V()
                  .has(CHECKPOINT, HASH, hash)
                  .values(DOC)
                  .tryNext()
                  .map(d -> Codec.FACTS.checkpoint(Codec.props(d)).equals(c.checkpoint()))
                  .orElse(false);
      if (same) {
        unchanged++; // the same checkpoint again (a retried batch): nothing changes
      } else if (seq.isPresent()) {
        g.V()
            .has(CHECKPOINT, HASH, hash)
            .property(
                single, DOC, Codec.doc(Codec.FACTS.checkpointProps(c.checkpoint(), seq.get())))
            .iterate();
        updated++;
      } else {
        long next = ++checkpointSeq;
        g.addV(CHECKPOINT)
            .property(HASH, hash)
            .property(SEQ, next)
            .property(DOC, Codec.doc(Codec.FACTS.checkpointProps(c.checkpoint(), next)))
            .iterate();
        created++;
      }
    } else {
      throw new IllegalArgumentException("unknown write operation " + op);
    }
  }

  // --- subjects

  private void putSubject(Subject in) {
    Optional<Subject> old = subject(g, in.key());
    if (old.isEmpty()) {
      if (g.V().has(SUBJECT, SID, in.id().value()).hasNext()) {
        throw new ValidationException("id", "subject id " + in.id() + " is already taken");
      }
      g.addV(SUBJECT)
          .property(KEY, in.key().canonical())
          .property(SID, in.id().value())
          .property(DOC, Codec.doc(Codec.FACTS.subjectProps(in)))
          .iterate();
      created++;
      return;
    }
    Subject o = old.get();
    Subject merged =
        new Subject(
            o.id(),
            in.kind(),
            in.key(),
            in.name(),
            in.legalForm().or(o::legalForm),
            in.status().or(o::status),
            in.registeredOn().or(o::registeredOn),
            in.district().or(o::district),
            in.industry().or(o::industry),
            merge(o.attributes(), in.attributes()),
            InMemoryGraphStore.mergeProvenance(o.provenance(), in.provenance()));
    if (merged.equals(o)) {
      unchanged++;
    } else {
      g.V()
          .has(SUBJECT, KEY, in.key().canonical())
          .property(single, DOC, Codec.doc(Codec.FACTS.subjectProps(merged)))
          .iterate();
      updated++;
    }
  }

  static Optional<Subject> subject(GraphTraversalSource g, SubjectKey key) {
    return g.V()
        .has(SUBJECT, KEY, key.canonical())
        .values(DOC)
        .tryNext()
        .map(d -> Codec.FACTS.subject(Codec.props(d)));
  }

  private void requireSubjects(String field, Set<SubjectKey> keys) {
    if (keys.isEmpty()) {
      return;
    }
    Set<String> wanted = new LinkedHashSet<>();
    keys.forEach(k -> wanted.add(k.canonical()));
    Set<Object> stored = Set.copyOf(g.V().has(SUBJECT, KEY, P.within(wanted)).values(KEY).toList());
    for (SubjectKey k : keys) {
      if (!stored.contains(k.canonical())) {
        throw new ValidationException(field, "no subject with key " + k + " is stored");
      }
    }
  }

  // --- relations

  /** The edge of a relation's identity: type (label), from, to (the vertices' keys) and since. */
  private GraphTraversal<Vertex, Edge> edge(Relation.Identity id) {
    return g.V()
        .has(SUBJECT, KEY, id.from().canonical())
        .outE(id.type().name())
        .has(SINCE, id.since().toString())
        .filter(__.inV().has(KEY, id.to().canonical()));
  }

  private void putRelation(Relation in) {
    requireSubjects("from", Set.of(in.from()));
    requireSubjects("to", Set.of(in.to()));
    Relation.Identity id = in.identity();
    Optional<Object> doc = edge(id).values(DOC).tryNext();
    if (doc.isEmpty()) {
      Vertex from = g.V().has(SUBJECT, KEY, in.from().canonical()).next();
      Vertex to =
          in.to().equals(in.from()) ? from : g.V().has(SUBJECT, KEY, in.to().canonical()).next();
      g.addE(in.type().name())
          .from(from)
          .to(to)
          .property(SINCE, in.since().toString())
          .property(OPEN, in.until().isEmpty())
          .property(DOC, relationDoc(in))
          .iterate();
      created++;
      return;
    }
    Relation old = relation(doc.get());
    OptionalDouble ratio = in.ratio().isPresent() ? in.ratio() : old.ratio();
    Relation merged =
        new Relation(
            old.type(),
            old.from(),
            old.to(),
            old.since(),
            in.until().or(old::until),
            ratio,
            merge(old.attributes(), in.attributes()),
            InMemoryGraphStore.mergeProvenance(old.provenance(), in.provenance()));
    if (merged.equals(old)) {
      unchanged++;
    } else {
      edge(id)
          .property(OPEN, merged.until().isEmpty())
          .property(DOC, relationDoc(merged))
          .iterate();
      updated++;
    }
  }

  private void endRelation(WriteOp.EndRelation e) {
    List<Object> docs =
        g.V()
            .has(SUBJECT, KEY, e.from().canonical())
            .outE(e.type().name())
            .has(OPEN, true)
            .filter(__.inV().has(KEY, e.to().canonical()))
            .values(DOC)
            .toList();
    boolean changed = false;
    for (Object d : docs) {
      Relation r = relation(d);
      if (r.until().isEmpty() && !r.since().isAfter(e.until())) {
        Relation ended =
            r.withUntil(e.until())
                .withProvenance(
                    InMemoryGraphStore.mergeProvenance(
                        r.provenance(), List.<Provenance>of(e.provenance())));
        edge(r.identity()).property(OPEN, false).property(DOC, relationDoc(ended)).iterate();
        changed = true;
      }
    }
    if (changed) {
      updated++;
    } else {
      unchanged++;
    }
  }

  static String relationDoc(Relation r) {
    Map<String, Object> m = Codec.FACTS.relationProps(r);
    m.put("type", r.type().name());
    m.put("from", r.from().canonical());
    m.put("to", r.to().canonical());
    return Codec.doc(m);
  }

  static Relation relation(Object doc) {
    Map<String, Object> m = Codec.props(doc);
    return Codec.FACTS.relation(
        (String) m.get("type"), (String) m.get("from"), (String) m.get("to"), m);
  }

  // --- records

  static Optional<CreditRecord> record(GraphTraversalSource g, String id) {
    return g.V()
        .has(RECORD, RID, id)
        .values(DOC)
        .tryNext()
        .map(d -> Codec.FACTS.record(Codec.props(d)));
  }

  private void putRecord(CreditRecord in) {
    requireSubjects("subject", Set.of(in.subject()));
    requireSubjects("liablePersons", new LinkedHashSet<>(in.liablePersons()));
    Optional<CreditRecord> old = record(g, in.id());
    if (old.isEmpty()) {
      g.addV(RECORD)
          .property(RID, in.id())
          .property(OWNER, in.subject().canonical())
          .property(DOC, Codec.doc(Codec.FACTS.recordProps(in)))
          .iterate();
      created++;
      return;
    }
    if (!old.get().subject().equals(in.subject())) {
      throw new ValidationException(
          "subject", "record " + in.id() + " already belongs to another subject");
    }
    CreditRecord merged =
        old.get()
            .withProvenance(
                InMemoryGraphStore.mergeProvenance(old.get().provenance(), in.provenance()));
    if (merged.equals(old.get())) {
      unchanged++;
    } else {
      writeRecord(merged);
      updated++;
    }
  }

  private void appendStatus(WriteOp.AppendStatus a) {
    CreditRecord old =
        record(g, a.recordId())
            .orElseThrow(
                () -> new ValidationException("record", "no record with id " + a.recordId()));
    a.change().person().ifPresent(k -> requireSubjects("person", Set.of(k)));
    CreditRecord next = old.withStatusChange(a.change());
    if (next == old || next.equals(old)) {
      unchanged++;
    } else {
      writeRecord(next);
      updated++;
    }
  }

  private void writeRecord(CreditRecord r) {
    g.V()
        .has(RECORD, RID, r.id())
        .property(single, DOC, Codec.doc(Codec.FACTS.recordProps(r)))
        .iterate();
  }

  static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
    if (b.isEmpty()) {
      return a;
    }
    Map<String, String> m = new HashMap<>(a);
    m.putAll(b);
    return m;
  }
}
