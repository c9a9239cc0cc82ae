package io.credgraph.cli;

import io.credgraph.CredgraphException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.datasets.ftm.FtmImporter;
import io.credgraph.datasets.ftm.FtmMapping;
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
 * {@code credgraph import-ftm FILE [--mapping FILE] (--out DIR | --data DIR)}: FollowTheMoney
 * entities as an exchange batch (docs/FORMATS.md), written to {@code --out}, or loaded into the
 * store under {@code --data} with the usual validation, report and exit status of {@code load}.
 */
@Command(
    name = "import-ftm",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Turns FollowTheMoney entities (JSON lines, e.g. an OpenSanctions export; .gz accepted) into an "
          + "exchange batch: FtM ids as external keys {\"scheme\":\"ftm\",\"externalId\":...}, Ownership as SHAREHOLDER "
          + "(percentage as ratio), Directorship by role, Family as RELATIVE_OF, other links as LINKED_TO, Sanction "
          + "entities and topics as records of the lists the mapping names.",
      "With --out the batch is written for 'credgraph load'; with --data it is loaded at once."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:done (every line stored or pending)",
      "1:failure",
      "2:wrong usage",
      "3:some lines rejected by the load"
    })
public final class ImportFtmCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "FtM entities, one JSON object a line")
  Path file;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description =
          "schemas, roles, sanctions and topics to lists (default: the mapping.yaml shipped; copy it)")
  Path mapping;

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
    if (!Files.isRegularFile(file)) {
      err.println("credgraph import-ftm: no file " + file);
      return 2;
    }
    try {
      ListCatalogue lists = ListCatalogue.defaults();
      FtmMapping m = mapping == null ? FtmMapping.defaults(lists) : FtmMapping.read(mapping, lists);
      Path dir = out != null ? out : data.resolve("imports");
      FtmImporter.Summary s = new FtmImporter(m).convert(file, dir);
      o.println(s.text());
      for (FtmImporter.Skipped k : s.skipped().subList(0, Math.min(20, s.skipped().size()))) {
        o.printf(
            "  skipped %s%s: %s%n",
            k.line() > 0 ? file.getFileName() + ":" + k.line() + " " : "", k.id(), k.reason());
      }
      o.flush();
      if (data == null) {
        o.println("load it with: credgraph load " + s.batch() + " --data DIR");
        o.flush();
        return 0;
      }
      return ImportSupport.load(spec, s.batch(), data);
    } catch (CredgraphException | java.io.UncheckedIOException e) {
      err.println("credgraph import-ftm: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
