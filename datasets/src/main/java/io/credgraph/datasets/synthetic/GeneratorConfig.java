package io.credgraph.datasets.synthetic;

/**
 * What to generate.
 *
 * @param enterprises number of enterprises (persons, institutions, agencies and records scale with
 *     it)
 * @param seed the same seed gives the same bytes
 * @param gzip write {@code .jsonl.gz} instead of {@code .jsonl}
 * @param badLineRate share of extra, deliberately bad lines (bad check characters, bad dates,
 *     unknown enums ...), in [0, 0.5]; 0 for a clean city
 * @param partLines a department file is split into parts of at most this many lines (each part is
 *     one batch)
 */
public record GeneratorConfig(
    int enterprises, long seed, boolean gzip, double badLineRate, long partLines) {
  public static final double DEFAULT_BAD_LINE_RATE = 0.0005;
  public static final long DEFAULT_PART_LINES = 1_000_000;

  /** Above this the persons needed exceed the resident IDs of the generator's key space. */
  public static final int MAX_ENTERPRISES = 10_000_000;

  public GeneratorConfig {
    if (enterprises < 1 || enterprises > MAX_ENTERPRISES) {
      throw new IllegalArgumentException(
          "enterprises must be between 1 and " + MAX_ENTERPRISES + ", not " + enterprises);
    }
    if (!(badLineRate >= 0 && badLineRate <= 0.5)) {
      throw new IllegalArgumentException(
          "the bad line rate must be in [0, 0.5], not " + badLineRate);
    }
    if (partLines < 1000) {
      throw new IllegalArgumentException("parts must hold at least 1000 lines, not " + partLines);
    }
  }

  public static GeneratorConfig of(int enterprises, long seed) {
    return new GeneratorConfig(enterprises, seed, false, DEFAULT_BAD_LINE_RATE, DEFAULT_PART_LINES);
  }

  public GeneratorConfig withGzip(boolean on) {
    return new GeneratorConfig(enterprises, seed, on, badLineRate, partLines);
  }

  public GeneratorConfig withBadLineRate(double rate) {
    return new GeneratorConfig(enterprises, seed, gzip, rate, partLines);
  }

  public GeneratorConfig withPartLines(long lines) {
    return new GeneratorConfig(enterprises, seed, gzip, badLineRate, lines);
  }
}
