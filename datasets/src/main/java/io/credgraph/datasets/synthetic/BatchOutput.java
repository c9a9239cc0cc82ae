package io.credgraph.datasets.synthetic;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the lines of one department file after another into a folder, splitting a file into
 * numbered parts of at most {@code partLines} lines, optionally gzipped, mixing in deliberately bad
 * lines at the configured rate and reporting progress about once a second.
 */
final class BatchOutput implements AutoCloseable {
  private final Path dir;
  private final GeneratorConfig config;
  private final Hash hash;
  private final Consumer<GenerationProgress> progress;
  private final long started = System.nanoTime();
  private long lastReport = started;
  private final List<GenerationSummary.FileSummary> files = new ArrayList<>();

  private String baseName;
  private String department;
  private LongFunction<String> badLines;
  private int part;
  private Writer out;
  private Path current;
  private long fileLines;
  private long fileBad;
  private long totalLines;
  private long totalBad;

  BatchOutput(Path dir, GeneratorConfig config, Hash hash, Consumer<GenerationProgress> progress) {
    this.dir = dir;
    this.config = config;
    this.hash = hash;
    this.progress = progress;
  }

  /**
   * Starts the file {@code baseName} (e.g. {@code 03-market-regulation-relations}) of {@code
   * department}; bad lines are made by {@code badLines} from a number.
   */
  void begin(String baseName, String department, LongFunction<String> badLines) throws IOException {
    finish();
    this.baseName = baseName;
    this.department = department;
    this.badLines = badLines;
    this.part = 0;
    openPart();
  }

  void write(String line) throws IOException {
    if (fileLines >= config.partLines()) {
      closePart();
      openPart();
    }
    out.write(line);
    out.write('\n');
    fileLines++;
    totalLines++;
    if (config.badLineRate() > 0
        && badLines != null
        && hash.u(CityModel.S_BAD, totalLines, 0) < config.badLineRate()) {
      out.write(badLines.apply(totalLines));
      out.write('\n');
      fileLines++;
      fileBad++;
      totalLines++;
      totalBad++;
    }
    if ((totalLines & 0x3FFF) == 0) {
      long now = System.nanoTime();
      if (now - lastReport >= 1_000_000_000L) {
        lastReport = now;
        progress.accept(
            new GenerationProgress(
                current.getFileName().toString(), totalLines, Duration.ofNanos(now - started)));
      }
    }
  }

  GenerationSummary summary() throws IOException {
    finish();
    return new GenerationSummary(
        files, totalLines, totalBad, Duration.ofNanos(System.nanoTime() - started));
  }

  @Override
  public void close() throws IOException {
    finish();
  }

  private void finish() throws IOException {
    if (out != null) {
      closePart();
    }
  }

  private void openPart() throws IOException {
    part++;
    String ext = config.gzip() ? ".jsonl.gz" : ".jsonl";
    String name =
        part == 1 ? baseName + ext : baseName + ".part" + String.format("%03d", part) + ext;
    if (part == 2) {
      // the first part gets its number too once a second one exists, so file-name order stays load
      // order
      Path first = dir.resolve(baseName + ext);
      Path renamed = dir.resolve(baseName + ".part001" + ext);
      Files.move(first, renamed);
      GenerationSummary.FileSummary f = files.remove(files.size() - 1);
      files.add(
          new GenerationSummary.FileSummary(
              renamed.getFileName().toString(),
              f.department(),
              f.lines(),
              f.badLines(),
              f.bytes()));
    }
    current = dir.resolve(name);
    OutputStream os = new BufferedOutputStream(Files.newOutputStream(current), 1 << 16);
    if (config.gzip()) {
      os = new GZIPOutputStream(os, 1 << 16);
    }
    out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
    fileLines = 0;
    fileBad = 0;
  }

  private void closePart() throws IOException {
    out.close();
    out = null;
    files.add(
        new GenerationSummary.FileSummary(
            current.getFileName().toString(), department, fileLines, fileBad, Files.size(current)));
  }
}
