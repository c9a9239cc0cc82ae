package io.credgraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.api.web.Browser;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer's draw benchmark (issue #10, BENCHMARKS.md), against a running server that serves a
 * loaded city: in headless Chromium, signed in with an INVESTIGATOR key, the time from a graph
 * answer's arrival in {@code /explore} to the drawn view (layout stopped and two frames painted;
 * the page records it in {@code body[data-draw-ms]} and as the {@code credgraph.draw} performance
 * measure), for
 *
 * <ol>
 *   <li>a baseline view of about 100 nodes and a view of 500 nodes: one subject's depth-3
 *       neighbourhood opened from the address ({@code
 *       /explore?subject=&depth=3&limit=&supernodeThreshold=}, the API's own parameters);
 *   <li>a canvas of about 2,000 nodes: the same neighbourhood (depth 3), then the neighbourhoods of
 *       subjects on the canvas expanded one after the other as an investigator does with a
 *       double-click (the page's own {@code expand}); the figure is the draw after the expansion
 *       that brings the canvas to 2,000 nodes;
 *   <li>responsiveness at 2,000 nodes: a real mouse-wheel zoom (time from the wheel event to the
 *       second frame after it, and the longest frame while zooming), and a real click on a node
 *       (time to its profile in the side panel, the profile's API answer included).
 * </ol>
 *
 * The subject is the person holding the most relations in the city's batch files (the generator's
 * nominees), found through the API's search by name (never by ID number); the subjects expanded are
 * chosen through the API (those adding the most nodes). Usage: {@code ExplorerBench BASE_URL KEY
 * CITY_DIR [RUNS]}; run by {@code api/bench/explorer.sh}.
 */
public final class ExplorerBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The API's own cut for hubs, raised so that a nominee's companies are drawn one by one. */
  private static final int SUPERNODE = 5000;

  private static final int DEPTH = 3;

  private final String base;
  private final String key;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ChromeDriver driver;

  private ExplorerBench(String base, String key) {
    this.base = base;
    this.key = key;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ExplorerBench BASE_URL KEY CITY_DIR [RUNS]");
      System.exit(2);
    }
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    new ExplorerBench(args[0].replaceAll("/$", ""), args[1]).run(Path.of(args[2]), runs);
  }

  private void run(Path city, int runs) throws Exception {
    System.out.printf(
        "explorer bench %s, %d runs each, load average %s%n", Instant.now(), runs, loadAverage());
    String root = root(city);
    List<String> plan = plan(root, 2000, 2000);

    driver = browser();
    try {
      driver.get(base + "/");
      driver.executeScript("sessionStorage.setItem('credgraph.key', arguments[0])", key);
      Map<String, List<long[]>> results = new LinkedHashMap<>();
      List<Long> zoomMs = new ArrayList<>();
      List<Long> longestFrame = new ArrayList<>();
      List<Long> tapMs = new ArrayList<>();
      // one warm-up open (scripts compiled, caches filled), not counted
      open(root, 100, 0);
      for (int i = 1; i <= runs; i++) {
        results
            .computeIfAbsent("baseline, ~100 nodes (limit 100)", k -> new ArrayList<>())
            .add(open(root, 100, i));
        results
            .computeIfAbsent("500 nodes (limit 500)", k -> new ArrayList<>())
            .add(open(root, 500, i));
        List<long[]> steps = new ArrayList<>();
        steps.add(open(root, 2000, i));
        for (String id : plan) {
          steps.add(expand(id));
        }
        results
            .computeIfAbsent(
                "2,000 nodes (" + plan.size() + " expansions after the first view)",
                k -> new ArrayList<>())
            .add(steps.get(steps.size() - 1));
        System.out.printf(
            "  run %d, the 2,000 canvas step by step (nodes: layout ms / drawn ms): %s%n",
            i, steps.stream().map(s -> s[0] + ": " + s[2] + "/" + s[1]).toList());
        long[] z = wheelZoom();
        zoomMs.add(z[0]);
        longestFrame.add(z[1]);
        long tapped = tap(plan.get(plan.size() - 1));
        if (tapped >= 0) {
          tapMs.add(tapped);
        }
        System.out.printf(
            "  run %d at %d nodes: wheel zoom %d ms to the frame (longest frame %d ms), tap -> profile"
                + " %d ms; load average %s%n",
            i, steps.get(steps.size() - 1)[0], z[0], z[1], tapped, loadAverage());
      }

      System.out.println(
          "== answer arrived -> view drawn (layout stopped, two frames painted), medians of "
              + runs
              + " runs");
      long baseline = 0;
      for (Map.Entry<String, List<long[]>> e : results.entrySet()) {
        List<Long> drawn = e.getValue().stream().map(r -> r[1]).sorted().toList();
        List<Long> layout = e.getValue().stream().map(r -> r[2]).sorted().toList();
        long median = drawn.get(drawn.size() / 2);
        if (baseline == 0) {
          baseline = Math.max(1, median);
        }
        System.out.printf(
            Locale.ROOT,
            "%-45s %5d nodes: drawn %5d ms (layout %5d ms), %.1fx the baseline; runs %s%n",
            e.getKey(),
            e.getValue().get(0)[0],
            median,
            layout.get(layout.size() / 2),
            (double) median / baseline,
            drawn);
      }
      System.out.printf(
          "== at 2,000 nodes: wheel zoom -> frame median %d ms (runs %s), longest frame while zooming"
              + " median %d ms (runs %s); tap on a node -> profile in the side panel median %d ms (runs %s)%n",
          median(zoomMs),
          sorted(zoomMs),
          median(longestFrame),
          sorted(longestFrame),
          tapMs.isEmpty() ? -1 : median(tapMs),
          sorted(tapMs));
      System.out.printf("load average at the end %s%n", loadAverage());
    } finally {
      driver.quit();
    }
  }

  /**
   * The person with the most relations in the batch files, as the API's search finds them (by
   * name).
   */
  private String root(Path city) throws Exception {
    Map<String, Integer> degree = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    try (Stream<Path> files = Files.list(city)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().contains(".jsonl")).sorted().toList()) {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            JsonNode n;
            try {
              n = JSON.readTree(line);
            } catch (IOException bad) {
              continue; // the generator's deliberately bad lines
            }
            String type = n.path("type").asText();
            if (type.equals("subject") && n.path("kind").asText().equals("PERSON")) {
              names.put(n.path("idNumber").asText(), n.path("name").asText());
            } else if (type.equals("relation")) {
              for (String end : List.of("from", "to")) {
                String id = n.path(end).path("idNumber").asText("");
                if (!id.isEmpty()) {
                  degree.merge(id, 1, Integer::sum);
                }
              }
            }
          }
        }
      }
    }
    List<Map.Entry<String, Integer>> top = new ArrayList<>(degree.entrySet());
    top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    String best = null;
    int bestNodes = 0;
    for (Map.Entry<String, Integer> e : top.subList(0, Math.min(5, top.size()))) {
      String name = names.get(e.getKey());
      if (name == null) {
        continue;
      }
      for (JsonNode s :
          get("/api/v1/subjects?limit=20&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
              .path("items")) {
        if (!s.path("kind").asText().equals("PERSON")) {
          continue;
        }
        int n = graph(s.path("id").asText(), 2000).size();
        if (n > bestNodes) {
          bestNodes = n;
          best = s.path("id").asText();
        }
      }
    }
    if (best == null) {
      throw new IllegalStateException(
          "no person of the city's batch files found through the search");
    }
    System.out.printf(
        "subject: %s, %d nodes at depth %d (supernodeThreshold %d)%n",
        best, bestNodes, DEPTH, SUPERNODE);
    return best;
  }

  /**
   * The subjects to expand after the first view so that the canvas reaches {@code target} nodes:
   * greedily the one on the canvas adding the most, the last the one that reaches the target with
   * the least overshoot.
   */
  private List<String> plan(String root, int target, int limit) throws Exception {
    Set<String> canvas = new LinkedHashSet<>(graph(root, limit));
    Map<String, Set<String>> hoods = new HashMap<>();
    List<String> plan = new ArrayList<>();
    Set<String> expanded = new HashSet<>(List.of(root));
    while (canvas.size() < target) {
      String pick = null;
      int pickGain = 0;
      String closest = null;
      int closestGain = Integer.MAX_VALUE;
      int looked = 0;
      for (String id : List.copyOf(canvas)) {
        if (expanded.contains(id) || (!hoods.containsKey(id) && looked++ >= 300)) {
          continue; // at most 300 new neighbourhoods looked at per step (each is an audited API
          // call)
        }
        Set<String> hood = hoods.get(id);
        if (hood == null) {
          hood = new HashSet<>(graph(id, limit));
          hoods.put(id, hood);
        }
        int gain = 0;
        for (String n : hood) {
          gain += canvas.contains(n) ? 0 : 1;
        }
        if (gain > pickGain) {
          pickGain = gain;
          pick = id;
        }
        if (canvas.size() + gain >= target && gain < closestGain) {
          closestGain = gain;
          closest = id;
        }
      }
      if (closest != null) {
        pick = closest;
      }
      if (pick == null) {
        break;
      }
      plan.add(pick);
      expanded.add(pick);
      canvas.addAll(hoods.get(pick));
    }
    System.out.printf(
        "plan: %d expansions bring the canvas to %d nodes (%d neighbourhoods looked at): %s%n",
        plan.size(), canvas.size(), hoods.size(), plan);
    return plan;
  }

  /** Opens the explorer on a subject from the address; {nodes, drawn ms, layout ms}. */
  private long[] open(String root, int limit, int run) {
    driver.get(
        base
            + "/explore?subject="
            + root
            + "&depth="
            + DEPTH
            + "&limit="
            + limit
            + "&supernodeThreshold="
            + SUPERNODE
            + "&r="
            + run);
    new WebDriverWait(driver, Duration.ofSeconds(300))
        .until(d -> body().getDomAttribute("data-draw-ms") != null);
    return drawn();
  }

  /** Expands a subject on the canvas (what a double-click does); {nodes, drawn ms, layout ms}. */
  private long[] expand(String id) {
    driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + " delete document.body.dataset.drawMs; window.credgraphExplorer.expand(arguments[0]).then(() => done(1));",
        id);
    if (body().getDomAttribute("data-draw-ms") == null) {
      throw new IllegalStateException("expanding " + id + " drew nothing: " + body().getText());
    }
    return drawn();
  }

  private long[] drawn() {
    WebElement b = body();
    return new long[] {
      Long.parseLong(b.getDomAttribute("data-drawn-nodes")),
      Long.parseLong(b.getDomAttribute("data-draw-ms")),
      Long.parseLong(b.getDomAttribute("data-layout-ms"))
    };
  }

  /**
   * Ten real mouse-wheel steps over the canvas; {median ms from a wheel event to the second frame
   * after it, longest frame while zooming}.
   */
  private long[] wheelZoom() throws Exception {
    WebElement canvas = driver.findElement(By.id("cy"));
    driver.executeScript(
        "arguments[0].scrollIntoView({block: 'center'});"
            + " const w = window.__xb = {starts: [], waits: [], frames: [], last: 0, on: true};"
            + " arguments[0].addEventListener('wheel', () => { const t = performance.now();"
            + "   requestAnimationFrame(() => requestAnimationFrame(() => w.waits.push(performance.now() - t))); },"
            + "   {capture: true});"
            + " const tick = (t) => { if (w.last) w.frames.push(t - w.last); w.last = t; if (w.on) requestAnimationFrame(tick); };"
            + " requestAnimationFrame(tick);",
        canvas);
    for (int i = 0; i < 10; i++) {
      new Actions(driver)
          .scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(canvas), 0, i < 5 ? -120 : 120)
          .perform();
      Thread.sleep(150);
    }
    Thread.sleep(300);
    @SuppressWarnings("unchecked")
    List<Number> waits =
        (List<Number>) driver.executeScript("window.__xb.on = false; return window.__xb.waits;");
    @SuppressWarnings("unchecked")
    List<Number> frames = (List<Number>) driver.executeScript("return window.__xb.frames;");
    List<Long> w = new ArrayList<>(waits.stream().map(n -> Math.round(n.doubleValue())).toList());
    if (w.isEmpty()) {
      throw new IllegalStateException("the wheel events did not reach the canvas");
    }
    long longest = frames.stream().mapToLong(n -> Math.round(n.doubleValue())).max().orElse(0);
    return new long[] {median(w), longest};
  }

  /**
   * A real click on a subject's node (zoomed to it as a user would); ms from the press to its
   * profile.
   */
  private long tap(String id) throws Exception {
    WebElement canvas = driver.findElement(By.id("cy"));
    @SuppressWarnings("unchecked")
    Map<String, Object> at =
        (Map<String, Object>)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const cy = window.credgraphExplorer.cy;"
                    + " const n = cy.getElementById(arguments[0]); cy.zoom(3); cy.center(n);"
                    + " requestAnimationFrame(() => requestAnimationFrame(() => {"
                    + "   const p = n.renderedPosition(); const box = arguments[1].getBoundingClientRect();"
                    + "   done({x: p.x - box.width / 2, y: p.y - box.height / 2, name: n.data('name')}); }));",
                id,
                canvas);
    // the profile of the node under the pointer (the one aimed at, or a neighbour drawn over it)
    // counts
    driver.executeScript(
        "const x = window.__xbTap = {}; const side = document.getElementById('side');"
            + " const before = side.querySelector('#profile h2');"
            + " arguments[0].addEventListener('mousedown', () => { x.start = performance.now(); }, {capture: true,"
            + "   once: true});"
            + " new MutationObserver((m, o) => { const h = side.querySelector('#profile h2');"
            + "   if (x.start && h && h !== before) { x.ms = performance.now() - x.start; x.name = h.textContent;"
            + "     o.disconnect(); }"
            + " }).observe(side, {childList: true, subtree: true});",
        canvas);
    new Actions(driver)
        .moveToElement(
            canvas,
            (int) Math.round(((Number) at.get("x")).doubleValue()),
            (int) Math.round(((Number) at.get("y")).doubleValue()))
        .click()
        .perform();
    try {
      Number ms =
          new WebDriverWait(driver, Duration.ofSeconds(30))
              .until(
                  d ->
                      (Number)
                          driver.executeScript(
                              "return window.__xbTap.ms === undefined ? null : window.__xbTap.ms;"));
      return Math.round(ms.doubleValue());
    } catch (org.openqa.selenium.TimeoutException e) {
      System.out.println(
          "  the click on " + at.get("name") + " opened no profile within 30 s (missed the node)");
      return -1;
    }
  }

  private WebElement body() {
    return driver.findElement(By.tagName("body"));
  }

  /** The subjects of a depth-3 neighbourhood as the page asks for it. */
  private List<String> graph(String id, int limit) throws Exception {
    List<String> ids = new ArrayList<>();
    get("/api/v1/subjects/"
            + id
            + "/graph?depth="
            + DEPTH
            + "&limit="
            + limit
            + "&supernodeThreshold="
            + SUPERNODE)
        .path("nodes")
        .forEach(n -> ids.add(n.path("subject").path("id").asText()));
    return ids;
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static ChromeDriver browser() throws IOException {
    ChromeDriver d =
        Browser.chromium(
            Browser.headless(Files.createTempDirectory("explorer-bench-profile"), "1400,1000"));
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(300));
    return d;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long median(List<Long> xs) {
    List<Long> s = sorted(xs);
    return s.get(s.size() / 2);
  }

  private static List<Long> sorted(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s;
  }
}
