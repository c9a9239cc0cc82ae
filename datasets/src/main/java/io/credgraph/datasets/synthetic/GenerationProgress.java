package io.credgraph.datasets.synthetic;

import java.time.Duration;

/** A progress report during generation, about once a second. */
public record GenerationProgress(String file, long lines, Duration elapsed) {
  public double linesPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : lines / s;
  }
}
