package io.credgraph.cli;

import io.credgraph.datasets.synthetic.CityGenerator;
import io.credgraph.datasets.synthetic.GenerationProgress;
import io.credgraph.datasets.synthetic.GenerationSummary;
import io.credgraph.datasets.synthetic.GeneratorConfig;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code credgraph generate --enterprises N --seed S --out DIR}: writes the synthetic city as
 * departmental batches in the exchange format, with progress on stderr and a summary (files, lines
 * per file, time, peak heap) on stdout.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic Zhongshan-like city as departmental batches (JSON Lines) in DIR.",
      "The same seed gives the same bytes. Load the folder with 'credgraph load DIR'."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--enterprises",
      required = true,
      paramLabel = "N",
      description =
          "number of enterprises (1 to 10,000,000); persons, institutions and records scale with it")
  int enterprises;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "folder to write into (created; must hold no batch files yet)")
  Path out;

  @Option(names = "--gzip", description = "write .jsonl.gz files")
  boolean gzip;

  @Option(
      names = "--bad-rate",
      defaultValue = "0.0005",
      paramLabel = "RATE",
      description =
          "share of extra, deliberately bad lines, 0 for none (default: ${DEFAULT-VALUE})")
  double badRate;

  @Option(
      names = "--part-lines",
      defaultValue = "1000000",
      paramLabel = "LINES",
      description =
          "split a department file into parts of at most this many lines (default: ${DEFAULT-VALUE})")
  long partLines;

  @Option(names = "--quiet", description = "no progress lines")
  boolean quiet;

  @Override
  public Integer call() {
    GeneratorConfig config;
    try {
      config = new GeneratorConfig(enterprises, seed, gzip, badRate, partLines);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    CityGenerator generator = new CityGenerator(config);
    try {
      CityGenerator.checkTarget(out);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    err.printf(
        Locale.ROOT,
        "generating %,d enterprises, %,d persons (seed %d) into %s%n",
        enterprises,
        generator.persons(),
        seed,
        out);
    err.flush();
    GenerationSummary summary;
    try {
      summary = generator.generate(out, p -> progress(err, p));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!quiet) {
      err.println();
    }
    stdout.printf(
        Locale.ROOT, "%-48s %-20s %12s %8s %14s%n", "file", "department", "lines", "bad", "bytes");
    for (GenerationSummary.FileSummary f : summary.files()) {
      stdout.printf(
          Locale.ROOT,
          "%-48s %-20s %,12d %,8d %,14d%n",
          f.name(),
          f.department(),
          f.lines(),
          f.badLines(),
          f.bytes());
    }
    stdout.printf(
        Locale.ROOT,
        "%d files, %,d lines (%,d deliberately bad) in %.1f s, %,.0f lines/s, peak heap %d MB%n",
        summary.files().size(),
        summary.lines(),
        summary.badLines(),
        summary.elapsed().toMillis() / 1000.0,
        summary.linesPerSecond(),
        peakHeapBytes() / (1024 * 1024));
    stdout.flush();
    return 0;
  }

  private void progress(PrintWriter err, GenerationProgress p) {
    if (quiet) {
      return;
    }
    err.printf(
        Locale.ROOT,
        "\r%,14d lines  %,10.0f lines/s  %6.0f s  %-50s",
        p.lines(),
        p.linesPerSecond(),
        p.elapsed().toMillis() / 1000.0,
        p.file());
    err.flush();
  }

  /**
   * Sum of the heap pools' peak usage since the JVM started (an upper bound of the peak heap in
   * use).
   */
  static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
