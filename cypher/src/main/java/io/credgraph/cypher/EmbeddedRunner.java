package io.credgraph.cypher;

import io.credgraph.CredgraphException;
import io.credgraph.StoreException;
import io.credgraph.store.codec.PropertyCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;

/**
 * Runs Cypher in transactions of an embedded database.
 *
 * <p>Neo4j reads are read-committed, and a read that overlaps the moment a commit is applied can
 * see part of it: a traversal of a node's relationships while a commit turns the node into a dense
 * node (its 51st relationship) was seen to miss most of them. So reads and the application of
 * commits exclude each other: a read transaction holds a shared lock from begin to end, a write
 * transaction takes the exclusive lock only for {@code commit()}. Reads thus run while a batch is
 * being built (most of its time) and see the state before or after each commit, never a part.
 */
final class EmbeddedRunner implements CypherRunner {
  private final GraphDatabaseService db;
  private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();

  EmbeddedRunner(GraphDatabaseService db) {
    this.db = db;
  }

  @Override
  public <T> T read(Function<CypherTx, T> work) {
    commitLock.readLock().lock();
    try {
      return inTransaction(work, false);
    } finally {
      commitLock.readLock().unlock();
    }
  }

  @Override
  public <T> T write(Function<CypherTx, T> work) {
    if (commitLock.getReadHoldCount() > 0) {
      throw new StoreException(
          "a write was started from inside a read of the same store (e.g. from a forEach "
              + "action); collect what to write first, then write after the read has finished");
    }
    return inTransaction(work, true);
  }

  private <T> T inTransaction(Function<CypherTx, T> work, boolean exclusiveCommit) {
    try (Transaction tx = db.beginTx()) {
      T result = work.apply(new Tx(tx));
      if (exclusiveCommit) {
        commitLock.writeLock().lock();
        try {
          tx.commit();
        } finally {
          commitLock.writeLock().unlock();
        }
      } else {
        tx.commit();
      }
      return result;
    } catch (CredgraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException("the embedded database failed: " + e.getMessage(), e, retryable(e));
    }
  }

  private static boolean retryable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TransientFailureException
          || t instanceof QueryExecutionException q
              && q.getStatusCode().contains(".TransientError.")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void applySchema(List<String> statements) {
    for (String statement : statements) {
      try (Transaction tx = db.beginTx()) {
        tx.execute(statement).close();
        tx.commit();
      } catch (RuntimeException e) {
        throw new StoreException(
            "schema statement failed: " + statement + ": " + e.getMessage(), e, false);
      }
    }
    try (Transaction tx = db.beginTx()) {
      tx.schema().awaitIndexesOnline(5, TimeUnit.MINUTES);
      tx.commit();
    } catch (RuntimeException e) {
      throw new StoreException(
          "the indexes of the embedded database did not come online: " + e.getMessage(), e, false);
    }
  }

  @Override
  public void close() {
    // the database is owned and shut down by EmbeddedNeo4jStore
  }

  private record Tx(Transaction tx) implements CypherTx {
    @Override
    public void stream(
        Statement statement, Map<String, Object> params, Consumer<Map<String, Object>> row) {
      execute(statement.text(), params, row);
    }

    private void execute(
        String text, Map<String, Object> params, Consumer<Map<String, Object>> row) {
      try (Result result = tx.execute(text, params)) {
        while (result.hasNext()) {
          row.accept(plain(result.next()));
        }
      }
    }
  }

  /** Embedded results give list properties as arrays; the store's logic expects lists. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> plain(Map<String, Object> row) {
    Map<String, Object> out = new HashMap<>(row.size() * 2);
    row.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> m) {
            out.put(k, plain((Map<String, Object>) m));
          } else if (v != null && v.getClass().isArray()) {
            out.put(k, PropertyCodec.list(v));
          } else {
            out.put(k, v);
          }
        });
    return out;
  }
}
