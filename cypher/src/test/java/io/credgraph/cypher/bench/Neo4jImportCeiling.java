package io.credgraph.cypher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.exchange.ExchangeLoader;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import picocli.CommandLine;

/**
 * The ceiling of issue #3's load benchmark: Neo4j's offline importer ({@code neo4j-admin database
 * import full}, run in-process) on the same exchange batches. The batches are first turned into the
 * importer's CSV files: subject lines into Subject nodes (their USCC or ID number as the key),
 * relation lines into relationships with since, until and ratio, record lines into Record nodes
 * with a HAS_RECORD relationship. This is the raw write speed of Neo4j on the same volume, not a
 * second loader: end and status lines are skipped, repeated deliveries are dropped as duplicate
 * nodes, lines that do not parse are skipped, nothing is validated. A main, not a test. Run (after
 * the classpath step of {@link CypherVsEngineBench}):
 *
 * <pre>
 * java -Xmx4g -cp cypher/target/test-classes:cypher/target/classes:$(cat /tmp/cp-cypher.txt) \
 *     io.credgraph.cypher.bench.Neo4jImportCeiling /tmp/c100k /tmp/import100k
 * </pre>
 */
public final class Neo4jImportCeiling {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Neo4jImportCeiling() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: Neo4jImportCeiling CITY WORK_DIR (WORK_DIR must not exist)");
      System.exit(2);
    }
    Path city = Path.of(args[0]);
    Path work = Path.of(args[1]).toAbsolutePath();
    if (Files.exists(work)) {
      System.err.println("Neo4jImportCeiling: " + work + " exists; give a new directory");
      System.exit(2);
    }
    Path csv = Files.createDirectories(work.resolve("csv"));
    System.out.printf(
        Locale.ROOT,
        "load average %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    long t0 = System.nanoTime();
    double c0 = processCpu();
    long lines = 0;
    long skipped = 0;
    try (BufferedWriter subjects = Files.newBufferedWriter(csv.resolve("subjects.csv"));
        BufferedWriter records = Files.newBufferedWriter(csv.resolve("records.csv"));
        BufferedWriter relations = Files.newBufferedWriter(csv.resolve("relations.csv"));
        BufferedWriter hasRecord = Files.newBufferedWriter(csv.resolve("has-record.csv"))) {
      subjects.write("key:ID(S),kind,name,legalForm,registeredOn,district,industry\n");
      records.write("id:ID(R),list,department,decisionNo,decidedOn,effectiveFrom,effectiveUntil\n");
      relations.write(":START_ID(S),:END_ID(S),:TYPE,since,until,ratio:double\n");
      hasRecord.write(":START_ID(S),:END_ID(R)\n");
      for (Path batch : ExchangeLoader.batchesAt(city)) {
        try (InputStream raw = Files.newInputStream(batch);
            InputStream in = batch.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader r =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            lines++;
            JsonNode n;
            try {
              n = JSON.readTree(line);
            } catch (IOException bad) {
              skipped++;
              continue;
            }
            String type = n.path("type").asText();
            switch (type) {
              case "subject" ->
                  row(
                      subjects,
                      key(n),
                      n.path("kind").asText(),
                      n.path("name").asText(null),
                      n.path("legalForm").asText(null),
                      n.path("registeredOn").asText(null),
                      n.path("district").asText(null),
                      n.path("industry").asText(null));
              case "relation" ->
                  row(
                      relations,
                      key(n.path("from")),
                      key(n.path("to")),
                      n.path("rel").asText(),
                      n.path("since").asText(null),
                      n.path("until").asText(null),
                      n.path("ratio").asText(null));
              case "record" -> {
                row(
                    records,
                    n.path("id").asText(),
                    n.path("list").asText(),
                    n.path("department").asText(null),
                    n.path("decisionNo").asText(null),
                    n.path("decidedOn").asText(null),
                    n.path("effectiveFrom").asText(null),
                    n.path("effectiveUntil").asText(null));
                row(hasRecord, key(n.path("subject")), n.path("id").asText());
              }
              default -> skipped++;
            }
          }
        }
      }
    }
    double convertWall = (System.nanoTime() - t0) / 1e9;
    double convertCpu = processCpu() - c0;
    System.out.printf(
        Locale.ROOT,
        "converted %,d lines to CSV (%,d end, status, bad or other lines skipped) in %.1f s "
            + "wall, %.1f s CPU%n",
        lines,
        skipped,
        convertWall,
        convertCpu);

    Path home = Files.createDirectories(work.resolve("home"));
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.writeString(
        conf.resolve("neo4j.conf"),
        "server.directories.data="
            + work.resolve("data")
            + "\n"
            + "dbms.memory.pagecache.size=512m\n");
    ImportCommand.Full command = new ImportCommand.Full(new ExecutionContext(home, conf));
    List<String> argv =
        List.of(
            "--overwrite-destination=true",
            "--skip-duplicate-nodes=true",
            "--skip-bad-relationships=true",
            "--bad-tolerance=-1",
            "--id-type=string",
            "--report-file=" + work.resolve("import.report"),
            "--nodes=Subject=" + csv.resolve("subjects.csv"),
            "--nodes=Record=" + csv.resolve("records.csv"),
            "--relationships=" + csv.resolve("relations.csv"),
            "--relationships=HAS_RECORD=" + csv.resolve("has-record.csv"));
    long t1 = System.nanoTime();
    double c1 = processCpu();
    int exit = new CommandLine(command).execute(argv.toArray(String[]::new));
    double importWall = (System.nanoTime() - t1) / 1e9;
    double importCpu = processCpu() - c1;
    if (exit != 0) {
      System.out.printf(
          Locale.ROOT, "neo4j import failed (exit %d) after %.1f s%n", exit, importWall);
      System.exit(exit);
    }
    System.out.printf(
        Locale.ROOT,
        "neo4j import: exit %d, %.1f s wall, %.1f s process CPU; %,.0f lines/s wall, "
            + "%,.0f lines per CPU second (import alone); with the conversion: %,.0f lines/s wall%n",
        exit,
        importWall,
        importCpu,
        lines / importWall,
        lines / importCpu,
        lines / (importWall + convertWall));
    System.exit(exit);
  }

  private static String key(JsonNode n) {
    for (String f : new String[] {"uscc", "idNumber", "key", "id"}) {
      if (n.hasNonNull(f)) {
        return n.get(f).asText();
      }
    }
    return n.toString();
  }

  private static void row(BufferedWriter w, String... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      if (cells[i] != null) {
        w.write('"');
        w.write(cells[i].replace("\"", "\"\""));
        w.write('"');
      }
    }
    w.write('\n');
  }

  private static double processCpu() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return 0;
  }
}
