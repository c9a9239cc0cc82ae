package io.credgraph.gremlin;

import static io.credgraph.gremlin.Schema.AWAITED;
import static io.credgraph.gremlin.Schema.CHECKPOINT;
import static io.credgraph.gremlin.Schema.DOC;
import static io.credgraph.gremlin.Schema.KEY;
import static io.credgraph.gremlin.Schema.META;
import static io.credgraph.gremlin.Schema.META_NAME;
import static io.credgraph.gremlin.Schema.NAME;
import static io.credgraph.gremlin.Schema.OWNER;
import static io.credgraph.gremlin.Schema.PENDING;
import static io.credgraph.gremlin.Schema.SEQ;
import static io.credgraph.gremlin.Schema.SID;
import static io.credgraph.gremlin.Schema.SUBJECT;
import static io.credgraph.gremlin.Schema.VERSION;

import io.credgraph.CredgraphException;
import io.credgraph.StoreException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.Capability;
import io.credgraph.store.GraphStore;
import io.credgraph.store.PendingFact;
import io.credgraph.store.StoreCounts;
import io.credgraph.store.StoreInfo;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.Order;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.Transaction;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.AbstractTinkerGraph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTransactionGraph;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;

/**
 * The {@link GraphStore} over any TinkerPop graph: TinkerGraph in this process ({@link
 * #tinkerGraph}) or a graph behind a Gremlin Server reached through the driver ({@link #connect}),
 * e.g. TinkerGraph or JanusGraph. Traversals are built in Java and travel as bytecode in
 * GraphBinary; no Gremlin string is ever parsed (TinkerPop's string parser needs antlr 4.9, the
 * rest of credgraph 4.13.2).
 *
 * <p>A batch is one transaction of the graph ({@code g.tx()}; remote: a session), so the graph must
 * support transactions: in-process this store uses {@link TinkerTransactionGraph}; a Gremlin Server
 * must host a transactional graph (TinkerTransactionGraph, JanusGraph). Writers of this process are
 * serialised; a concurrent writer in another process makes the graph refuse one of the two commits,
 * which then fails as a retryable {@link StoreException} and leaves nothing.
 *
 * <p>How the facts lie in the graph is {@link Schema}.
 */
public final class GremlinGraphStore implements GraphStore {
  private final GraphTraversalSource g;
  private final Graph embedded;
  private final Cluster cluster;
  private final StoreInfo info;
  private final Object writer = new Object();

  /**
   * In-process only: commits take it exclusively, reads shared, so a read never sees a commit half
   * applied.
   */
  private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();

  private final AtomicBoolean closed = new AtomicBoolean();

  private GremlinGraphStore(
      GraphTraversalSource g, Graph embedded, Cluster cluster, StoreInfo info) {
    this.g = g;
    this.embedded = embedded;
    this.cluster = cluster;
    this.info = info;
  }

  /** A TinkerGraph in this process, in memory only; gone when closed. */
  public static GremlinGraphStore tinkerGraph() {
    return tinkerGraph(Optional.empty());
  }

  /**
   * A TinkerGraph in this process; with a file, read from it at open (when it exists) and written
   * to it at close (GraphSON). Not crash-safe: what was written after the last close is lost when
   * the process dies.
   */
  public static GremlinGraphStore tinkerGraph(Optional<Path> file) {
    BaseConfiguration conf = new BaseConfiguration();
    conf.setProperty(Graph.GRAPH, TinkerTransactionGraph.class.getName());
    file.ifPresent(
        f -> {
          try {
            if (f.toAbsolutePath().getParent() != null) {
              Files.createDirectories(f.toAbsolutePath().getParent());
            }
          } catch (java.io.IOException e) {
            throw new StoreException(
                "cannot create the folder of " + f + ": " + e.getMessage(), e, false);
          }
          conf.setProperty(
              AbstractTinkerGraph.GREMLIN_TINKERGRAPH_GRAPH_LOCATION,
              f.toAbsolutePath().toString());
          conf.setProperty(AbstractTinkerGraph.GREMLIN_TINKERGRAPH_GRAPH_FORMAT, "graphson");
        });
    TinkerTransactionGraph graph = TinkerTransactionGraph.open(conf);
    // No vertex index: TinkerTransactionGraph 3.7.3's transactional index loses vertices committed
    // in earlier
    // transactions (lookups by an indexed key then miss them), so lookups scan. An edge index must
    // exist all the
    // same: its rollback dereferences the edge index without a null check.
    if (!graph.getIndexedKeys(Edge.class).contains(Schema.SINCE)) {
      graph.createIndex(Schema.SINCE, Edge.class);
    }
    EnumSet<Capability> caps = EnumSet.of(Capability.CONCURRENT_READS);
    file.ifPresent(f -> caps.add(Capability.PERSISTENCE));
    StoreInfo info =
        new StoreInfo(
            "tinkergraph", file.map(f -> "tinkergraph:" + f).orElse("tinkergraph: (memory)"), caps);
    GremlinGraphStore store = new GremlinGraphStore(graph.traversal(), graph, null, info);
    store.initMeta();
    return store;
  }

  /**
   * Where a Gremlin Server is and how to sign in (user and password from the environment or a
   * file).
   */
  public record Remote(
      String host,
      int port,
      String traversalSource,
      Optional<String> user,
      Optional<String> password) {
    public Remote {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("a Gremlin Server needs a host");
      }
      if (port <= 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is not a TCP port");
      }
      traversalSource =
          traversalSource == null || traversalSource.isBlank() ? "g" : traversalSource;
    }

    public String location() {
      return "gremlin://" + host + ":" + port + "/" + traversalSource;
    }
  }

  /**
   * A graph behind a Gremlin Server (GraphBinary, bytecode traversals); it must support
   * transactions.
   */
  public static GremlinGraphStore connect(Remote remote) {
    Cluster.Builder b =
        Cluster.build(remote.host())
            .port(remote.port())
            .serializer(new GraphBinaryMessageSerializerV1())
            .maxContentLength(64 * 1024 * 1024);
    if (remote.user().isPresent()) {
      b.credentials(remote.user().get(), remote.password().orElse(""));
    }
    Cluster cluster = b.create();
    try {
      GraphTraversalSource g =
          AnonymousTraversalSource.traversal()
              .withRemote(DriverRemoteConnection.using(cluster, remote.traversalSource()));
      StoreInfo info =
          new StoreInfo(
              "gremlin",
              remote.location(),
              EnumSet.of(Capability.PERSISTENCE, Capability.CONCURRENT_READS, Capability.REMOTE));
      GremlinGraphStore store = new GremlinGraphStore(g, null, cluster, info);
      store.initMeta();
      return store;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Waits until the server answers a traversal, for at most {@code timeout}; returns whether it
   * did.
   */
  public static boolean ping(Remote remote, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Cluster cluster =
          Cluster.build(remote.host())
              .port(remote.port())
              .serializer(new GraphBinaryMessageSerializerV1())
              .create();
      try {
        AnonymousTraversalSource.traversal()
            .withRemote(DriverRemoteConnection.using(cluster, remote.traversalSource()))
            .inject(1)
            .next();
        return true;
      } catch (RuntimeException e) {
        Thread.sleep(200);
      } finally {
        cluster.close();
      }
    }
    return false;
  }

  /**
   * The traversal source over the graph, for this package's tests (which empty a server's graph).
   */
  GraphTraversalSource traversal() {
    return g;
  }

  private void initMeta() {
    try {
      synchronized (writer) {
        inTransaction(GremlinBatch::meta);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public StoreInfo info() {
    return info;
  }

  @Override
  public Optional<Subject> subject(SubjectKey key) {
    return read(t -> GremlinBatch.subject(t, key));
  }

  @Override
  public Optional<Subject> subject(SubjectId id) {
    return read(
        t ->
            t.V()
                .has(SUBJECT, SID, id.value())
                .values(DOC)
                .tryNext()
                .map(d -> Codec.FACTS.subject(Codec.props(d))));
  }

  @Override
  public List<Relation> relations(
      SubjectKey subject,
      Direction direction,
      Set<RelationType> types,
      Optional<LocalDate> inForceOn) {
    String[] labels = types.stream().map(Enum::name).toArray(String[]::new);
    // bothE() meets a self-loop twice: dedup() keeps one of each edge
    List<Object> docs =
        read(
            t ->
                t.V()
                    .has(SUBJECT, KEY, subject.canonical())
                    .bothE(labels)
                    .dedup()
                    .values(DOC)
                    .toList());
    List<Relation> out = new ArrayList<>();
    for (Object d : docs) {
      Relation r = GremlinBatch.relation(d);
      if (inForceOn.isPresent() && !r.inForceOn(inForceOn.get())) {
        continue;
      }
      boolean matches =
          r.type() == RelationType.RELATIVE_OF
              || direction == Direction.BOTH
              || (direction == Direction.OUTGOING
                  ? r.from().equals(subject)
                  : r.to().equals(subject));
      if (matches) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public List<CreditRecord> records(SubjectKey subject) {
    return read(t -> t.V().has(Schema.RECORD, OWNER, subject.canonical()).values(DOC).toList())
        .stream()
        .map(d -> Codec.FACTS.record(Codec.props(d)))
        .toList();
  }

  @Override
  public Optional<CreditRecord> record(String recordId) {
    return read(t -> GremlinBatch.record(t, recordId));
  }

  @Override
  public WriteResult write(WriteBatch batch) {
    if (batch.isEmpty()) {
      return new WriteResult(0, 0, 0, version());
    }
    synchronized (writer) {
      return inTransaction(gtx -> new GremlinBatch(gtx).apply(batch));
    }
  }

  /**
   * Runs {@code work} in one transaction of the graph and commits it; rolls back and rethrows when
   * it fails.
   */
  private <T> T inTransaction(Function<GraphTraversalSource, T> work) {
    ensureOpen();
    Transaction tx = g.tx();
    GraphTraversalSource gtx;
    try {
      gtx = tx.begin();
    } catch (RuntimeException e) {
      throw storeError("cannot begin a transaction", e);
    }
    try {
      T result = work.apply(gtx);
      commitLock.writeLock().lock();
      try {
        tx.commit();
      } finally {
        commitLock.writeLock().unlock();
      }
      return result;
    } catch (RuntimeException e) {
      try {
        if (tx.isOpen()) {
          tx.rollback();
        }
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof CredgraphException ? e : storeError("the batch was not stored", e);
    }
  }

  private <T> T read(Function<GraphTraversalSource, T> f) {
    ensureOpen();
    commitLock.readLock().lock();
    try {
      return f.apply(g);
    } catch (CredgraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw storeError("the graph could not be read", e);
    } finally {
      commitLock.readLock().unlock();
      if (embedded != null && embedded.tx().isOpen()) {
        embedded
            .tx()
            .rollback(); // a read opened this thread's transaction; close it so the next sees new
        // commits
      }
    }
  }

  private StoreException storeError(String what, RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new StoreException(what + " (" + info.location() + "): " + why, e, true);
  }

  @Override
  public StoreCounts counts() {
    return read(
        t -> {
          Map<Object, Long> byLabel =
              t.V()
                  .hasLabel(SUBJECT, Schema.RECORD, PENDING)
                  .groupCount()
                  .by(org.apache.tinkerpop.gremlin.structure.T.label)
                  .next();
          long edges = t.E().count().next();
          return new StoreCounts(
              byLabel.getOrDefault(SUBJECT, 0L),
              edges,
              byLabel.getOrDefault(Schema.RECORD, 0L),
              byLabel.getOrDefault(PENDING, 0L));
        });
  }

  @Override
  public long version() {
    return read(
        t ->
            t.V()
                .has(META, NAME, META_NAME)
                .values(VERSION)
                .tryNext()
                .map(v -> ((Number) v).longValue())
                .orElse(0L));
  }

  @Override
  public void forEachSubject(Consumer<Subject> action) {
    docs(SUBJECT).forEach(d -> action.accept(Codec.FACTS.subject(Codec.props(d))));
  }

  @Override
  public void forEachRelation(Consumer<Relation> action) {
    read(t -> t.E().values(DOC).toList()).forEach(d -> action.accept(GremlinBatch.relation(d)));
  }

  @Override
  public void forEachRecord(Consumer<CreditRecord> action) {
    docs(Schema.RECORD).forEach(d -> action.accept(Codec.FACTS.record(Codec.props(d))));
  }

  @Override
  public List<PendingFact> pending(SubjectKey awaited) {
    return read(
            t ->
                t.V()
                    .has(PENDING, AWAITED, awaited.canonical())
                    .order()
                    .by(SEQ, Order.asc)
                    .values(DOC)
                    .toList())
        .stream()
        .map(d -> Codec.FACTS.pending(Codec.props(d)))
        .toList();
  }

  @Override
  public void forEachPending(Consumer<PendingFact> action) {
    docs(PENDING).forEach(d -> action.accept(Codec.FACTS.pending(Codec.props(d))));
  }

  @Override
  public Optional<BatchCheckpoint> checkpoint(String batchHash) {
    return read(
        t ->
            t.V()
                .has(CHECKPOINT, Schema.HASH, batchHash)
                .values(DOC)
                .tryNext()
                .map(d -> Codec.FACTS.checkpoint(Codec.props(d))));
  }

  @Override
  public List<BatchCheckpoint> checkpoints() {
    return read(t -> t.V().hasLabel(CHECKPOINT).order().by(SEQ, Order.asc).values(DOC).toList())
        .stream()
        .map(d -> Codec.FACTS.checkpoint(Codec.props(d)))
        .toList();
  }

  private List<Object> docs(String label) {
    return read(t -> t.V().hasLabel(label).values(DOC).toList());
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (writer) {
      try {
        if (embedded != null) {
          embedded.close();
        }
        if (cluster != null) {
          cluster.close();
        }
      } catch (Exception e) {
        throw new StoreException(
            "closing " + info.location() + " failed: " + e.getMessage(), e, false);
      }
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new StoreException("the store " + info.location() + " is closed");
    }
  }
}
