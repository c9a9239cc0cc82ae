package io.credgraph.analysis;

import io.credgraph.model.CreditRecord;
import java.util.Optional;

/**
 * One consistent version of everything the investigation services read: the graph ({@link
 * GraphView}), the credit records ({@link RecordSource}) and the subjects with the attributes
 * statistics group by ({@link Statistics.SubjectSource}). The engine's {@code GraphSnapshot} is the
 * one the server uses (the same in-memory graph its checks answer from); tests may combine a {@link
 * StoreGraphView} with a store.
 */
public interface GraphData extends GraphView, RecordSource, Statistics.SubjectSource {

  /** The record with this id, or empty when this version holds none. */
  Optional<CreditRecord> record(String id);
}
