package io.credgraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.fixtures.SharedData;
import io.credgraph.model.Relation;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ultimate owners on a real ownership network: the KEK's German media companies (cross-holdings,
 * holdings summing above 100 %, unknown percentages). Every KEK id becomes an enterprise with a
 * synthetic USCC. Runs in the shared-data profile only (the real data stays outside the
 * repository); {@code OwnershipAnalysisTest} covers the same analysis on hand-computed networks in
 * every build.
 */
@org.junit.jupiter.api.Tag(SharedData.TAG)
class KekOwnershipTest {
  static final LocalDate ASOF = LocalDate.of(2024, 1, 1);

  static StoreGraphView view;
  static Map<String, SubjectKey> keys = new HashMap<>();
  static List<String[]> holdings = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    Path own = sharedFile("kek-ownership.tsv");
    Path companies = sharedFile("kek-companies.tsv");
    Assumptions.assumeTrue(own != null && companies != null, "shared KEK data absent");
    InMemoryGraphStore store = InMemoryGraphStore.create();
    WriteBatch.Builder b = WriteBatch.builder();
    for (String line : Files.readAllLines(companies)) {
      String[] f = line.split("\t", -1);
      if (line.startsWith("#") || f[0].equals("id")) {
        continue;
      }
      Subject s =
          Subject.company(
              Fixture.uscc(Integer.parseInt(f[0])), f[1].isBlank() ? "KEK " + f[0] : f[1]);
      keys.put(f[0], s.key());
      b.subject(s);
    }
    for (String line : Files.readAllLines(own)) {
      String[] f = line.split("\t", -1);
      if (line.startsWith("#") || f[0].equals("shareholder") || f[0].equals(f[1])) {
        continue; // one company is listed as holding itself (treasury shares): not a relation
        // between two subjects
      }
      holdings.add(f);
      b.relation(
          new Relation(
              io.credgraph.model.RelationType.SHAREHOLDER,
              keys.get(f[0]),
              keys.get(f[1]),
              LocalDate.of(2010, 1, 1),
              null,
              f[2].isBlank()
                  ? OptionalDouble.empty()
                  : OptionalDouble.of(Double.parseDouble(f[2]) / 100),
              null,
              null));
    }
    store.write(b.build());
    view = StoreGraphView.load(store);
  }

  /**
   * A file of the shared real data beside the repository ({@code ../shared/data}), or null when
   * absent.
   */
  static Path sharedFile(String name) {
    return SharedData.file(name);
  }

  Controllers of(String kekId, double threshold) {
    return new OwnershipAnalysis(view).controllers(view.node(keys.get(kekId)), ASOF, threshold);
  }

  @Test
  void handComputedChains() {
    // Radio Seefunk (1007) <- Südkurier 46 % <- Holtzbrinck KG 100 % <- Dr. Stefan von Holtzbrinck
    // 50 %:
    // 0.5 * 1.0 * 0.46 = 0.23, and the same for the Monika Schoeller Familiengesellschaft.
    Controllers seefunk = of("1007", 0.2);
    assertEquals(2, seefunk.owners().size());
    seefunk.owners().forEach(o -> assertEquals(0.23, o.ratio(), 1e-12));
    assertTrue(of("1007", 0.25).owners().isEmpty(), "23 % is below the default threshold");

    // Finanzen100 (3644) <- Tomorrow Focus 100 % <- Burda Holding 34.8 % directly and 21.5 %
    // through Burda Digital
    // Ventures (100 % Burda Holding); Prof. Dr. Hubert Burda holds 60 % of the holding:
    // 0.6 * (0.348 + 1.0 * 0.215) * 1.0 = 0.6 * 0.563 = 0.3378, from walks of 0.2088 and 0.129.
    Controllers finanzen = of("3644", 0.25);
    assertEquals(1, finanzen.owners().size());
    Controllers.Owner burda = finanzen.owners().get(0);
    assertEquals("Burda, Prof. Dr. Hubert", burda.subject().name());
    assertEquals(0.3378, burda.ratio(), 1e-12);
    assertEquals(0.2088, burda.paths().get(0).product(), 1e-12);
    assertEquals(0.129, burda.paths().get(1).product(), 1e-12);
  }

  @Test
  void aRealCrossHoldingCycleIsSummedAsASeries() {
    // Aachener Nachrichten (3442) <- Rheinische Post (366) 100 % <- Rheinisch-Bergische (3552) 100
    // %
    // <- family holding (367) 96 % and Verlag W. Girardet (3270) 4 %; Rheinische Post holds 6.7 %
    // of Girardet:
    // the cycle 366 -> 3270 -> 3552 -> 366 has product 0.067 * 0.04 * 1.0 = 0.00268, so the
    // family's share is
    // 0.96 * 1.0 * 1.0 * (1 + 0.00268 + 0.00268^2 + ...) = 0.96 / (1 - 0.00268) = 0.962579...
    Controllers c = of("3442", 0.25);
    assertEquals(1, c.owners().size());
    assertEquals(0.96 / (1 - 0.067 * 0.04), c.owners().get(0).ratio(), 1e-12);
    assertEquals(0.96, c.owners().get(0).paths().get(0).product(), 1e-12);
    assertEquals(0.96 * 0.067 * 0.04, c.owners().get(0).paths().get(1).product(), 1e-12);
    assertEquals(Controllers.Basis.OWNERSHIP, c.actualController().orElseThrow().basis());
  }

  @Test
  void everyCompanyTerminatesAgreesWithTheSeriesAndFlagsSharesAbove100() {
    int n = view.nodeCount();
    Map<String, Double> columnSums = new HashMap<>();
    for (String[] h : holdings) {
      if (!h[2].isBlank()) {
        columnSums.merge(h[1], Double.parseDouble(h[2]) / 100, Double::sum);
      }
    }
    Set<String> expectedOver = new TreeSet<>();
    columnSums.forEach(
        (id, sum) -> {
          if (sum > 1 + 1e-9) {
            expectedOver.add(view.name(view.node(keys.get(id))));
          }
        });
    Set<String> flagged = new TreeSet<>();
    List<Controllers> all =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> {
              List<Controllers> out = new ArrayList<>();
              for (int t = 0; t < n; t++) {
                out.add(new OwnershipAnalysis(view).controllers(t, ASOF, 0.01));
              }
              return out;
            });
    for (int t = 0; t < n; t++) {
      Controllers c = all.get(t);
      c.conflicts().stream()
          .filter(k -> k.kind() == Controllers.Conflict.Kind.SHARES_ABOVE_100)
          .forEach(k -> flagged.add(k.cycle().get(0).name()));
      assertTrue(
          c.conflicts().stream()
              .noneMatch(k -> k.kind() == Controllers.Conflict.Kind.DIVERGENT_CYCLE),
          "no KEK cycle has a product of 1");
      double[] series = seriesInto(t);
      for (Controllers.Owner o : c.owners()) {
        assertEquals(
            series[view.node(o.subject().id())],
            o.ratio(),
            1e-9,
            "owner " + o.subject().name() + " of " + view.name(t));
      }
    }
    assertEquals(
        16, expectedOver.size(), "the KEK data has 16 companies whose holdings sum above 100 %");
    assertEquals(expectedOver, flagged);
  }

  /**
   * y = e_t + A y by plain iteration over the whole graph, the definition of the series, as an
   * oracle.
   */
  private static double[] seriesInto(int t) {
    int n = view.nodeCount();
    double[] y = new double[n];
    for (int iter = 0; iter < 10_000; iter++) {
      double[] next = new double[n];
      next[t] = 1;
      for (int e = 0; e < view.edgeCount(); e++) {
        double r = view.edgeRatio(e);
        if (!Double.isNaN(r)) {
          next[view.edgeFrom(e)] += r * y[view.edgeTo(e)];
        }
      }
      double delta = 0;
      for (int i = 0; i < n; i++) {
        delta = Math.max(delta, Math.abs(next[i] - y[i]));
      }
      y = next;
      if (delta < 1e-15) {
        break;
      }
    }
    return y;
  }
}
