package io.credgraph.cypher;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One open transaction of a Cypher backend, as the store's logic sees it. Rows are maps of plain
 * Java values: String, Long, Double, Boolean, {@link java.time.LocalDate}, List and Map (a backend
 * converts its own types, arrays included, to these).
 */
public interface CypherTx {

  /** Runs {@code statement} and streams its rows to {@code row}. */
  void stream(Statement statement, Map<String, Object> params, Consumer<Map<String, Object>> row);

  /** Runs {@code statement} and returns all its rows. */
  default List<Map<String, Object>> list(Statement statement, Map<String, Object> params) {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    stream(statement, params, rows::add);
    return rows;
  }

  /** Runs {@code statement} for its effect, discarding rows. */
  default void run(Statement statement, Map<String, Object> params) {
    stream(statement, params, row -> {});
  }
}
