package io.credgraph.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.datasets.BatchFiles;
import io.credgraph.datasets.CheckerAccess;
import io.credgraph.model.RecordStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic city: deterministic, valid line by line, and shaped like a real city. */
class CityGeneratorTest {
  private static final int ENTERPRISES = 20_000;

  @TempDir static Path shared;
  static GenerationSummary clean;
  static CheckerAccess city;

  @BeforeAll
  static void generateCleanCity() throws IOException {
    Path dir = shared.resolve("clean");
    clean =
        new CityGenerator(GeneratorConfig.of(ENTERPRISES, 42).withBadLineRate(0))
            .generate(dir, p -> {});
    city = new CheckerAccess();
    for (Path f : files(dir)) {
      long n = 0;
      for (String line : lines(f)) {
        n++;
        city.accept(f.getFileName() + ":" + n, line);
      }
    }
  }

  @Test
  void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path tmp) throws IOException {
    GeneratorConfig config = GeneratorConfig.of(3_000, 7).withGzip(true);
    new CityGenerator(config).generate(tmp.resolve("a"), p -> {});
    new CityGenerator(config).generate(tmp.resolve("b"), p -> {});
    new CityGenerator(GeneratorConfig.of(3_000, 8).withGzip(true))
        .generate(tmp.resolve("c"), p -> {});
    List<Path> a = files(tmp.resolve("a"));
    List<Path> b = files(tmp.resolve("b"));
    assertEquals(
        a.stream().map(p -> p.getFileName().toString()).toList(),
        b.stream().map(p -> p.getFileName().toString()).toList());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(
          Files.readAllBytes(a.get(i)),
          Files.readAllBytes(b.get(i)),
          a.get(i).getFileName() + " differs");
    }
    Path c = tmp.resolve("c").resolve("02-market-regulation.enterprises.jsonl.gz");
    assertFalse(
        java.util.Arrays.equals(Files.readAllBytes(a.get(1)), Files.readAllBytes(c)),
        "another seed gives another city");
  }

  @Test
  void everyLineOfACleanCityIsValidAndEveryReferenceResolves() {
    assertEquals(List.of(), city.errors().stream().limit(10).toList());
    assertEquals(clean.lines(), city.lines());
    assertEquals(Set.of(), city.unresolved(), "references to subjects no line defines");
    assertTrue(
        city.forwardReferences() < city.lines() / 100,
        "most lines resolve in file-name order: "
            + city.forwardReferences()
            + " forward references");
  }

  @Test
  void filesAreDepartmentalBatchesInLoadOrder() {
    List<String> names = clean.files().stream().map(GenerationSummary.FileSummary::name).toList();
    assertEquals(
        names.stream().sorted().toList(), names, "the summary lists files in file-name order");
    for (GenerationSummary.FileSummary f : clean.files()) {
      assertEquals(f.department(), BatchFiles.department(f.name()).orElseThrow(), f.name());
    }
    assertEquals(
        Set.of(
            "PUBLIC_SECURITY",
            "MARKET_REGULATION",
            "CIVIL_AFFAIRS",
            "HEALTH",
            "EDUCATION",
            "HOUSING",
            "HUMAN_RESOURCES",
            "TAX",
            "COURT",
            "FINANCE",
            "PROCURATORATE",
            "ECOLOGY_ENVIRONMENT"),
        new HashSet<>(
            clean.files().stream().map(GenerationSummary.FileSummary::department).toList()));
    assertEquals(
        clean.lines(),
        clean.files().stream().mapToLong(GenerationSummary.FileSummary::lines).sum());
  }

  @Test
  void everyListOfTheCatalogueAndEveryStatusChangeOccur() {
    for (ListDefinition d : ListCatalogue.defaults().all()) {
      if (d.code().startsWith("FOREIGN_")) {
        continue; // foreign lists come from imported public data (import-ftm), not from the city's
        // departments
      }
      assertTrue(city.lists().getOrDefault(d.code(), 0) > 0, "no record on " + d.code());
    }
    for (String s : List.of("OBJECTED", "ACTIVE", "REPAIRED", "REVOKED", "RELEASED")) {
      assertTrue(city.statuses().getOrDefault(s, 0) > 0, "no status change " + s);
    }
    assertTrue(city.records().values().stream().anyMatch(r -> r.status() == RecordStatus.OBJECTED));
    assertTrue(city.records().values().stream().anyMatch(r -> r.effectiveUntil().isPresent()));
    int abnormal = city.lists().get("ABNORMAL_OPERATION");
    int sid = city.lists().get("SERIOUS_ILLEGAL_DISHONEST");
    assertTrue(
        abnormal > 10 * sid,
        "abnormal operation is far more frequent than serious illegal dishonesty");
    assertTrue(
        abnormal > ENTERPRISES / 50 && abnormal < ENTERPRISES / 8,
        "abnormal operation rate " + abnormal);
  }

  @Test
  void personsHaveSeveralRolesWithAHeavyTailOfNominees() {
    Map<String, Integer> legalReps = new HashMap<>();
    for (String[] r : city.relations()) {
      if (r[0].equals("LEGAL_REP")) {
        legalReps.merge(r[1], 1, Integer::sum);
      }
    }
    List<Integer> counts = new ArrayList<>(legalReps.values());
    counts.sort(java.util.Comparator.reverseOrder());
    assertTrue(
        counts.get(0) >= 24, "the top nominee represents dozens of enterprises: " + counts.get(0));
    long severalRoles = legalReps.values().stream().filter(c -> c >= 2).count();
    assertTrue(
        severalRoles > legalReps.size() / 20, "many persons represent more than one enterprise");
    double median = counts.get(counts.size() / 2);
    assertEquals(1.0, median, "most legal representatives represent one enterprise");
    for (String rel :
        List.of(
            "LEGAL_REP",
            "DIRECTOR",
            "SUPERVISOR",
            "SENIOR_MANAGER",
            "MAIN_RESPONSIBLE",
            "SHAREHOLDER",
            "ACTUAL_CONTROLLER",
            "BRANCH_OF",
            "PRACTISES_AT",
            "SERVES_IN",
            "RELATIVE_OF")) {
      assertTrue(city.relationTypes().getOrDefault(rel, 0) > 0, "no " + rel);
    }
  }

  @Test
  void personsHoldRolesAndPractiseOnlyAsAdults() {
    List<String> minors = new ArrayList<>();
    for (String[] r : city.relations()) {
      if (r[1].startsWith("RESIDENT_ID:") && !r[0].equals("RELATIVE_OF")) {
        java.time.LocalDate birth =
            new io.credgraph.model.ResidentId(r[1].substring(12)).birthDate();
        if (birth.plusYears(18).isAfter(java.time.LocalDate.parse(r[4]))) {
          minors.add(r[0] + " since " + r[4] + ", born " + birth);
        }
      }
    }
    assertEquals(
        List.of(), minors.stream().limit(5).toList(), minors.size() + " relations of minors");
  }

  @Test
  void shareholdingsHaveChainsCyclesAndSumsAboveOne() {
    Map<String, List<String>> owns = new HashMap<>();
    Map<String, Double> sums = new HashMap<>();
    for (String[] r : city.relations()) {
      if (r[0].equals("SHAREHOLDER")) {
        if (r[1].startsWith("USCC:")) {
          owns.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r[2]);
        }
        sums.merge(r[2], r[3].isEmpty() ? 0 : Double.parseDouble(r[3]), Double::sum);
      }
    }
    assertTrue(countCycles(owns) >= 5, "cross-holdings form cycles");
    assertTrue(longestChain(owns) >= 3, "holdings form chains of enterprises");
    assertTrue(
        sums.values().stream().anyMatch(s -> s > 1.0001), "some deliveries sum above 100 percent");
  }

  @Test
  void badLinesAreExactlyTheOnesAStrictReaderRejects(@TempDir Path tmp) throws IOException {
    GenerationSummary s =
        new CityGenerator(GeneratorConfig.of(5_000, 3).withBadLineRate(0.01))
            .generate(tmp, p -> {});
    assertTrue(s.badLines() > 100, "bad lines were mixed in: " + s.badLines());
    CheckerAccess checker = new CheckerAccess();
    long rejected = 0;
    for (Path f : files(tmp)) {
      long n = 0;
      for (String line : lines(f)) {
        n++;
        if (checker.accept(f.getFileName() + ":" + n, line).isPresent()) {
          rejected++;
        }
      }
    }
    assertEquals(
        s.badLines(), rejected, "first errors: " + checker.errors().stream().limit(3).toList());
  }

  @Test
  void largeFilesAreSplitIntoNumberedPartsThatKeepLoadOrder(@TempDir Path tmp) throws IOException {
    GenerationSummary s =
        new CityGenerator(GeneratorConfig.of(2_000, 5).withPartLines(2_000)).generate(tmp, p -> {});
    List<String> names = files(tmp).stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.contains("03-market-regulation.relations.part001.jsonl"), names.toString());
    assertTrue(names.contains("03-market-regulation.relations.part002.jsonl"), names.toString());
    assertFalse(names.contains("03-market-regulation.relations.jsonl"));
    assertEquals(names, s.files().stream().map(GenerationSummary.FileSummary::name).toList());
    for (Path f : files(tmp)) {
      assertTrue(lines(f).size() <= 2_000, f + " has more lines than a part may hold");
    }
  }

  @Test
  void refusesAFolderThatAlreadyHoldsBatchesAndAbsurdSizes(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("01-old.jsonl"), "{}\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CityGenerator(GeneratorConfig.of(10, 1)).generate(tmp, p -> {}));
    assertTrue(e.getMessage().contains("already holds batch files"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GeneratorConfig.of(0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> GeneratorConfig.of(10, 1).withBadLineRate(0.9));
  }

  private static int countCycles(Map<String, List<String>> g) {
    Map<String, Integer> color = new HashMap<>();
    int[] back = {0};
    for (String start : g.keySet()) {
      if (color.getOrDefault(start, 0) != 0) {
        continue;
      }
      // iterative DFS: a back edge closes a cycle
      List<Object[]> stack = new ArrayList<>();
      stack.add(new Object[] {start, 0});
      color.put(start, 1);
      while (!stack.isEmpty()) {
        Object[] top = stack.get(stack.size() - 1);
        List<String> next = g.getOrDefault((String) top[0], List.of());
        int i = (Integer) top[1];
        if (i >= next.size()) {
          color.put((String) top[0], 2);
          stack.remove(stack.size() - 1);
          continue;
        }
        top[1] = i + 1;
        String v = next.get(i);
        int c = color.getOrDefault(v, 0);
        if (c == 1) {
          back[0]++;
        } else if (c == 0) {
          color.put(v, 1);
          stack.add(new Object[] {v, 0});
        }
      }
    }
    return back[0];
  }

  private static int longestChain(Map<String, List<String>> g) {
    int best = 0;
    for (String s : g.keySet()) {
      Set<String> seen = new HashSet<>(Set.of(s));
      List<String> frontier = List.of(s);
      int depth = 0;
      while (!frontier.isEmpty() && depth < 10) {
        List<String> nextFrontier = new ArrayList<>();
        for (String u : frontier) {
          for (String v : g.getOrDefault(u, List.of())) {
            if (seen.add(v)) {
              nextFrontier.add(v);
            }
          }
        }
        frontier = nextFrontier;
        if (!frontier.isEmpty()) {
          depth++;
        }
      }
      best = Math.max(best, depth);
    }
    return best;
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> BatchFiles.isBatch(p.getFileName().toString())).sorted().toList();
    }
  }

  static List<String> lines(Path f) throws IOException {
    InputStream in = Files.newInputStream(f);
    if (f.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }
}
