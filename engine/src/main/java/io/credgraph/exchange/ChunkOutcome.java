package io.credgraph.exchange;

import java.util.List;

/**
 * What one committed chunk found, handed from the chunk to the batch's {@link RunTally}: its
 * rejections and conflicts in the order found, and its counts of lines.
 *
 * @param accepted lines whose facts are stored
 * @param pending lines stored as pending facts
 * @param resolved pending facts applied because the chunk delivered their subject
 * @param blank blank lines
 */
record ChunkOutcome(
    List<Rejection> rejections,
    List<Conflict> conflicts,
    long accepted,
    long pending,
    long resolved,
    long blank) {

  ChunkOutcome {
    rejections = List.copyOf(rejections);
    conflicts = List.copyOf(conflicts);
  }
}
