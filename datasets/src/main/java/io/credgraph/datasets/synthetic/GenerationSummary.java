package io.credgraph.datasets.synthetic;

import java.time.Duration;
import java.util.List;

/**
 * What a generation wrote: every file with its line counts, in load (file-name) order.
 *
 * @param lines all lines written, bad ones included
 * @param badLines the deliberately bad lines among them
 */
public record GenerationSummary(
    List<FileSummary> files, long lines, long badLines, Duration elapsed) {
  public GenerationSummary {
    files = List.copyOf(files);
  }

  /** One written batch file. */
  public record FileSummary(
      String name, String department, long lines, long badLines, long bytes) {}

  public double linesPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? lines : lines / s;
  }
}
