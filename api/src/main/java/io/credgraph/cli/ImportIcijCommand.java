package io.credgraph.cli;

import io.credgraph.CredgraphException;
import io.credgraph.datasets.icij.IcijImporter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code credgraph import-icij DIR (--out DIR | --data DIR)}: the ICIJ Offshore Leaks CSV files as
 * an exchange batch for the investigation graph (docs/FORMATS.md): relations for exploration and
 * paths only, no sanctions.
 */
@Command(
    name = "import-icij",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Turns the ICIJ Offshore Leaks CSV files in DIR (nodes-entities.csv, nodes-officers.csv, "
          + "nodes-intermediaries.csv, nodes-addresses.csv, relationships.csv) into an exchange batch: node ids as "
          + "external keys {\"scheme\":\"icij\",\"externalId\":...}, relationships as LINKED_TO (exploration and paths "
          + "only; no sanction travels along them), addresses as attributes.",
      "With --out the batch is written for 'credgraph load'; with --data it is loaded at once."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:done", "1:failure", "2:wrong usage", "3:some lines rejected by the load"})
public final class ImportIcijCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "the folder of the CSV files")
  Path dir;

  @Option(names = "--out", paramLabel = "DIR", description = "write the batch into DIR")
  Path out;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "load the batch into the store under DIR")
  Path data;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (out == null && data == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --out DIR (write the batch) or --data DIR " + "(load it)");
    }
    if (!Files.isDirectory(dir)) {
      err.println("credgraph import-icij: no folder " + dir);
      return 2;
    }
    try {
      IcijImporter.Summary s =
          new IcijImporter().convert(dir, out != null ? out : data.resolve("imports"));
      o.println(s.text());
      for (IcijImporter.Skipped k : s.skipped().subList(0, Math.min(20, s.skipped().size()))) {
        o.printf("  skipped %s:%d: %s%n", k.file(), k.line(), k.reason());
      }
      o.flush();
      if (data == null) {
        o.println("load it with: credgraph load " + s.batch() + " --data DIR");
        o.flush();
        return 0;
      }
      return ImportSupport.load(spec, s.batch(), data);
    } catch (CredgraphException | java.io.UncheckedIOException e) {
      err.println("credgraph import-icij: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
