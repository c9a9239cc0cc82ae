package io.credgraph.risk;

/**
 * The view of the credit graph that associated risk needs: subjects as dense int ids, their control
 * relations in force on a day (epoch day), and the severity of the BLACK records they hold.
 */
public interface ControlGraph {
  /**
   * Calls {@code visit(neighbour, edge)} for every control relation of {@code node} in force on
   * {@code day}, either direction.
   */
  void forEachControlNeighbour(int node, int day, NeighbourVisitor visit);

  /**
   * The largest severity of a BLACK record of {@code node} in force on {@code day} (0 when none),
   * and which record.
   */
  long strongestBlackRecord(int node, int day);

  /** Receives one neighbour. */
  @FunctionalInterface
  interface NeighbourVisitor {
    void visit(int neighbour, int edge);
  }

  /**
   * Packs a severity in [0, 1] and a record index into the long {@link #strongestBlackRecord}
   * returns.
   */
  static long pack(double severity, int record) {
    return (Math.round(severity * 1_000_000) << 32) | (record & 0xffffffffL);
  }

  static double severityOf(long packed) {
    return (packed >>> 32) / 1_000_000.0;
  }

  static int recordOf(long packed) {
    return (int) packed;
  }
}
