package io.credgraph.analysis;

import io.credgraph.model.CreditRecord;
import java.util.function.Consumer;

/** Streams credit records; {@code GraphStore::forEachRecord} is one. */
@FunctionalInterface
public interface RecordSource {
  void forEachRecord(Consumer<CreditRecord> action);
}
