package io.credgraph.cypher;

import io.credgraph.CredgraphException;
import io.credgraph.StoreException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;

/**
 * Runs Cypher on a Neo4j server over Bolt with managed transactions ({@code executeRead}/{@code
 * executeWrite}, which retry transient failures, and are routed to a writer or a reader of a
 * cluster by access mode), with bookmarks shared by all its sessions so that a read sees the writes
 * committed before it. As in {@link EmbeddedRunner}, reads of this process do not overlap the
 * commits of its writes: a write takes the exclusive lock at the end of its unit of work and keeps
 * it until the commit returned.
 */
final class BoltRunner implements CypherRunner {
  private final Driver driver;
  private final SessionConfig sessionConfig;
  private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();

  BoltRunner(Driver driver, String database) {
    this.driver = driver;
    // one bookmark manager for every session of this store: on a cluster (neo4j://), a read that
    // follows a write is
    // served by a member that has applied it (causal consistency); executeRead/executeWrite route
    // by access mode
    this.sessionConfig =
        SessionConfig.builder()
            .withDatabase(database)
            .withBookmarkManager(driver.executableQueryBookmarkManager())
            .build();
  }

  @Override
  public <T> T read(Function<CypherTx, T> work) {
    commitLock.readLock().lock();
    try (Session session = driver.session(sessionConfig)) {
      return session.executeRead(tx -> work.apply(new Tx(tx)));
    } catch (CredgraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(e);
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
    try (Session session = driver.session(sessionConfig)) {
      return session.executeWrite(
          tx -> {
            T result = work.apply(new Tx(tx));
            commitLock.writeLock().lock();
            return result;
          });
    } catch (CredgraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(e);
    } finally {
      while (commitLock.isWriteLockedByCurrentThread()) {
        commitLock.writeLock().unlock();
      }
    }
  }

  @Override
  public void applySchema(List<String> statements) {
    try (Session session = driver.session(sessionConfig)) {
      for (String statement : statements) {
        session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
      }
      session.executeRead(tx -> tx.run("CALL db.awaitIndexes(300)").consume());
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public void close() {
    driver.close();
  }

  private static StoreException failure(RuntimeException e) {
    String what =
        e instanceof Neo4jException n && n.code() != null
            ? n.code() + ": " + n.getMessage()
            : e.getMessage();
    return new StoreException(
        "the Neo4j server failed: " + what, e, e instanceof RetryableException);
  }

  private record Tx(TransactionContext tx) implements CypherTx {
    @Override
    public void stream(
        Statement statement, Map<String, Object> params, Consumer<Map<String, Object>> row) {
      Result result = tx.run(statement.text(), params);
      while (result.hasNext()) {
        row.accept(result.next().asMap());
      }
    }
  }
}
