package io.credgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.cypher.EmbeddedNeo4jStore;
import io.credgraph.datasets.SampleCity;
import io.credgraph.model.SubjectKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code credgraph load} on the sample city, with the page cache given on the command line. */
class LoadCommandTest {
  @TempDir Path tmp;

  @Test
  void loadsTheSampleCityWithAGivenPageCache() throws Exception {
    Path city = tmp.resolve("city");
    SampleCity.copyTo(city);
    Path data = tmp.resolve("data");
    int code =
        Main.commandLine()
            .execute(
                "load", city.toString(), "--data", data.toString(), "--page-cache", "32m", "-q");
    assertEquals(0, code, "a clean sample city loads without rejections");
    try (EmbeddedNeo4jStore store =
        EmbeddedNeo4jStore.open(data, EmbeddedNeo4jStore.Options.small())) {
      assertEquals(303, store.counts().subjects());
      assertTrue(
          store.subject(SubjectKey.resident("442000197704041173")).isPresent(),
          "吴海林 of the stories");
    }
  }

  @Test
  void aPageCacheThatIsNoSizeIsAUsageErrorNamingTheOption() {
    Path city = tmp.resolve("city");
    SampleCity.copyTo(city);
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute(
            "load",
            city.toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--page-cache",
            "3x");
    assertEquals(2, code);
    assertTrue(err.toString().contains("--page-cache"), err.toString());
    assertTrue(err.toString().contains("512m"), "says how to write a size: " + err);
  }
}
