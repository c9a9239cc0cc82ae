package io.credgraph.datasets.synthetic;

/**
 * Stateless pseudo-random numbers: every draw is a function of (seed, stream, index), so any fact
 * about entity {@code i} can be recomputed anywhere without keeping the city in memory, and the
 * output does not depend on the order in which facts are computed.
 */
final class Hash {
  private final long seed;

  Hash(long seed) {
    this.seed = seed;
  }

  /** 64 well-mixed bits for (stream, index, salt). */
  long bits(int stream, long index, int salt) {
    long z =
        seed
            + 0x9E3779B97F4A7C15L * (index + 1)
            + 0xBF58476D1CE4E5B9L * stream
            + 0x94D049BB133111EBL * salt;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    z = (z ^ (z >>> 29)) * 0xD6E8FEB86659FD93L;
    return z ^ (z >>> 32);
  }

  /** Uniform in [0, 1). */
  double u(int stream, long index, int salt) {
    return (bits(stream, index, salt) >>> 11) * 0x1.0p-53;
  }

  double u(int stream, long index) {
    return u(stream, index, 0);
  }

  /** Uniform in [0, n). */
  int below(int stream, long index, int salt, int n) {
    return (int) ((bits(stream, index, salt) >>> 1) % n);
  }

  /** An index into {@code weights}, drawn with those weights. */
  int weighted(int stream, long index, int salt, int[] weights, int total) {
    int x = below(stream, index, salt, total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
