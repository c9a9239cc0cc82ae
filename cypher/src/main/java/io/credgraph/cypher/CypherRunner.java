package io.credgraph.cypher;

import java.util.function.Function;

/**
 * Runs units of work in transactions of one Cypher backend: the embedded database or a server over
 * Bolt. A unit of work that throws leaves nothing behind (the transaction is rolled back) and its
 * exception reaches the caller unchanged when it is a {@link io.credgraph.CredgraphException};
 * backend failures become {@link io.credgraph.StoreException}s.
 */
public interface CypherRunner extends AutoCloseable {

  /** Runs {@code work} in a read transaction. */
  <T> T read(Function<CypherTx, T> work);

  /** Runs {@code work} in one write transaction, committed when it returns. */
  <T> T write(Function<CypherTx, T> work);

  /**
   * Runs schema statements, each in its own transaction, then waits until the indexes are online.
   */
  void applySchema(java.util.List<String> statements);

  /** Releases the backend; idempotent. */
  @Override
  void close();
}
