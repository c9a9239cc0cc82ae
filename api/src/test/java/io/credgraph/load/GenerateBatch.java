package io.credgraph.load;

import io.credgraph.exchange.SyntheticBatch;
import java.nio.file.Path;

/**
 * Writes a synthetic test batch: {@code GenerateBatch FILE ENTERPRISES [SEED]} (about 7 lines per
 * enterprise; gzipped when FILE ends in .gz). For the load benchmark while the city generator is
 * not at hand.
 */
public final class GenerateBatch {
  private GenerateBatch() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: GenerateBatch FILE ENTERPRISES [SEED]");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    long lines =
        SyntheticBatch.write(
            Path.of(args[0]),
            Integer.parseInt(args[1]),
            args.length > 2 ? Long.parseLong(args[2]) : 1L);
    System.out.printf("%s: %,d lines in %.1f s%n", args[0], lines, (System.nanoTime() - t0) / 1e9);
  }
}
