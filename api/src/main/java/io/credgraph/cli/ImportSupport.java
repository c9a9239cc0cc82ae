package io.credgraph.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Loads a batch an importer wrote, through {@code credgraph load} itself: the same validation,
 * report and exits.
 */
final class ImportSupport {
  private ImportSupport() {}

  static int load(CommandSpec spec, Path batch, Path data) {
    CommandLine load = new CommandLine(new LoadCommand());
    load.setOut(spec.commandLine().getOut());
    load.setErr(spec.commandLine().getErr());
    return load.execute(batch.toString(), "--data", data.toString(), "--quiet");
  }
}
