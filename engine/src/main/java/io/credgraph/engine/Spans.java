package io.credgraph.engine;

/**
 * Sorted, disjoint {@code [first, last]} pairs of epoch days; {@link Projection#OPEN} is an open
 * end.
 */
final class Spans {
  private Spans() {}

  static boolean contains(int[] spans, int day) {
    for (int i = 0; i < spans.length; i += 2) {
      if (spans[i] <= day && day <= spans[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** The span containing {@code day}, as {@code {first, last}}, or null. */
  static int[] spanAt(int[] spans, int day) {
    for (int i = 0; i < spans.length; i += 2) {
      if (spans[i] <= day && day <= spans[i + 1]) {
        return new int[] {spans[i], spans[i + 1]};
      }
    }
    return null;
  }
}
