package io.credgraph.cypher;

import io.credgraph.fixtures.Keys;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Write throughput of the embedded store, the way a loader writes: batches of {@code batchSize}
 * lines, each line one fact (a company, its legal representative, the person's share, a record for
 * every tenth company).
 *
 * <pre>
 * mvn -B -q -pl cypher -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=$PWD/cypher/target/bench.cp
 * java -cp "cypher/target/test-classes:cypher/target/classes:$(cat cypher/target/bench.cp)" \
 *     io.credgraph.cypher.EmbeddedWriteBench [dataDir] [companies, 50000] [batchSize, 10000]
 * </pre>
 *
 * Prints lines per second for a fresh store and again for re-loading the same lines (all
 * unchanged).
 */
public final class EmbeddedWriteBench {
  private EmbeddedWriteBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("credgraph-bench");
    int companies = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    List<WriteBatch> batches = lines(companies, batchSize);
    long lines = batches.stream().mapToLong(WriteBatch::size).sum();
    try (EmbeddedNeo4jStore store = EmbeddedNeo4jStore.open(dir)) {
      for (String pass : List.of("fresh", "reload")) {
        long t0 = System.nanoTime();
        long c0 = cpu();
        for (WriteBatch b : batches) {
          store.write(b);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double c = (cpu() - c0) / 1e9;
        System.out.printf(
            "%s: %,d lines in %,d batches in %.2f s = %,.0f lines/s (process CPU %.2f s = %,.0f lines"
                + " per CPU-second)%n",
            pass, lines, batches.size(), s, lines / s, c, lines / c);
      }
      System.out.println(store.counts() + " version " + store.version() + " in " + dir);
    }
  }

  static List<WriteBatch> lines(int companies, int batchSize) {
    List<WriteOp> subjects = new ArrayList<>();
    List<WriteOp> relations = new ArrayList<>();
    List<WriteOp> records = new ArrayList<>();
    LocalDate since = LocalDate.of(2018, 1, 1);
    long line = 0;
    for (int i = 0; i < companies; i++) {
      SubjectKey.Org company = Keys.uscc(10_000 + i);
      String person = Keys.residentText(LocalDate.of(1950, 1, 1).plusDays(i % 20_000), i / 20_000);
      SubjectKey.Person personKey = SubjectKey.resident(person);
      subjects.add(
          new WriteOp.PutSubject(
              Subject.company(company.uscc().value(), "示例公司" + i)
                  .withProvenance(List.of(prov(++line)))));
      subjects.add(
          new WriteOp.PutSubject(
              Subject.person(person, "某" + i).withProvenance(List.of(prov(++line)))));
      relations.add(
          new WriteOp.PutRelation(
              Relation.of(RelationType.LEGAL_REP, personKey, company, since)
                  .withProvenance(List.of(prov(++line)))));
      relations.add(
          new WriteOp.PutRelation(
              Relation.shareholder(personKey, company, 0.51, since)
                  .withProvenance(List.of(prov(++line)))));
      if (i % 10 == 0) {
        records.add(
            new WriteOp.PutRecord(
                CreditRecord.of(
                        "BENCH-" + i,
                        company,
                        "ABNORMAL_OPERATION",
                        "MARKET_REGULATION",
                        since.plusDays(i % 1000))
                    .withProvenance(List.of(prov(++line)))));
      }
    }
    List<WriteOp> all = new ArrayList<>(subjects);
    all.addAll(relations);
    all.addAll(records);
    List<WriteBatch> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += batchSize) {
      batches.add(new WriteBatch(all.subList(from, Math.min(all.size(), from + batchSize))));
    }
    return batches;
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Provenance prov(long line) {
    return new Provenance("MARKET_REGULATION", "bench.jsonl", "sha256-bench", line);
  }
}
