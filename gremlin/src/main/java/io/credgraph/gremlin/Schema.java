package io.credgraph.gremlin;

import java.util.List;

/**
 * How credgraph's facts lie in a property graph behind Gremlin. Every element carries its whole
 * fact as one JSON document ({@link #DOC}); the few properties a lookup needs are stored beside it
 * (and should be indexed by the graph: {@link #INDEXED}).
 *
 * <pre>
 *   (:Subject {key, sid, doc})  -[:SHAREHOLDER|LEGAL_REP|... {since, open, doc}]->  (:Subject)
 *   (:Record {rid, subject, doc})   (:Pending {pid, awaited, seq, doc})   (:Checkpoint {hash, seq, doc})
 *   (:Meta {name: "credgraph", version, checkpointSeq, pendingSeq})
 * </pre>
 *
 * A relation is an edge between its two subjects labelled with its type; a relation from a subject
 * to itself (a company holding its own shares) is a self-loop edge.
 */
final class Schema {
  static final String SUBJECT = "Subject";
  static final String RECORD = "Record";
  static final String PENDING = "Pending";
  static final String CHECKPOINT = "Checkpoint";
  static final String META = "Meta";

  static final String DOC = "doc";
  static final String KEY = "key";
  static final String SID = "sid";
  static final String RID = "rid";
  static final String OWNER = "subject";
  static final String PID = "pid";
  static final String AWAITED = "awaited";
  static final String HASH = "hash";
  static final String SEQ = "seq";
  static final String SINCE = "since";
  static final String OPEN = "open";
  static final String NAME = "name";
  static final String META_NAME = "credgraph";
  static final String VERSION = "version";
  static final String CHECKPOINT_SEQ = "checkpointSeq";
  static final String PENDING_SEQ = "pendingSeq";

  /**
   * Vertex properties that lookups use: a graph with indexes (TinkerGraph, JanusGraph) should index
   * them.
   */
  static final List<String> INDEXED = List.of(KEY, SID, RID, OWNER, PID, AWAITED, HASH, NAME);

  private Schema() {}
}
