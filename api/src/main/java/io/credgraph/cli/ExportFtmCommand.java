package io.credgraph.cli;

import io.credgraph.CredgraphException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.datasets.ftm.FtmExporter;
import io.credgraph.model.Dates;
import io.credgraph.store.GraphStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credgraph export-ftm --data DIR --out FILE [--internal]}: the graph as FollowTheMoney
 * entities for OpenSanctions tooling such as yente (docs/FORMATS.md); persons masked unless {@code
 * --internal}.
 */
@Command(
    name = "export-ftm",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes subjects, relations and list entries as FollowTheMoney entities (JSON lines) that yente "
          + "and other OpenSanctions tooling can index.",
      "By default persons are masked (id cn-subject-<subject id>, no document number) and only entries of the "
          + "published RED and BLACK lists in force today, and of foreign lists, are written. --internal writes "
          + "every subject under its own key and every record: importing it gives the same graph."
    })
public final class ExportFtmCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "the store's data directory")
  Path data;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "the FtM file to write")
  Path out;

  @Option(
      names = "--internal",
      description = "persons unmasked and every record (personal data: keep it inside)")
  boolean internal;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "the day whose published entries are written "
              + "(default: today in China Standard Time)")
  LocalDate asOf;

  @picocli.CommandLine.Mixin StoreOptions storeOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (GraphStore store = storeOptions.open(data, spec)) {
      LocalDate day = asOf != null ? asOf : LocalDate.now(Dates.CHINA);
      FtmExporter.Summary s =
          new FtmExporter(store, ListCatalogue.defaults(), internal, day).export(out);
      spec.commandLine()
          .getOut()
          .println(s.text() + (internal ? " (internal: persons unmasked)" : ""));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (CredgraphException | java.io.UncheckedIOException e) {
      spec.commandLine().getErr().println("credgraph export-ftm: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
  }
}
