package io.credgraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.api.web.Browser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser benchmark of the investigator pages (issue #10, BENCHMARKS.md), against a running
 * server: in a fresh headless Chromium,
 *
 * <ol>
 *   <li>the bytes a first visit of each page transfers (page, scripts, styles, fonts and the page's
 *       API answers; from the Resource Timing entries' {@code transferSize}, so compressed sizes),
 *       per page;
 *   <li>the time from the graph answer's arrival in the explorer to a drawn view (layout stopped
 *       and two frames painted) for views of about 500 and 2,000 nodes, the median of several runs.
 * </ol>
 *
 * Usage: {@code WebBench BASE_URL KEY [RUNS]}; the key must be INVESTIGATOR or above. The subjects
 * drawn are found through the API: the largest neighbourhoods (depth 3) among the members of the
 * riskiest clusters and the subjects the search finds for common name parts. Run by {@code
 * api/bench/web.sh}.
 */
public final class WebBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: WebBench BASE_URL KEY [RUNS]");
      System.exit(2);
    }
    String base = args[0].replaceAll("/$", "");
    String key = args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    List<String> candidates = new ArrayList<>();
    JsonNode clusters = get(http, base + "/api/v1/clusters?top=20", key);
    clusters
        .path("clusters")
        .forEach(
            c ->
                c.path("blackMembers")
                    .forEach(m -> candidates.add(m.path("subject").path("id").asText())));
    for (String q : List.of("贸易", "科技", "建筑", "中山市")) {
      get(
              http,
              base + "/api/v1/subjects?limit=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
              key)
          .path("items")
          .forEach(s -> candidates.add(s.path("id").asText()));
    }
    String best = null;
    int bestNodes = 0;
    for (String id : candidates.stream().distinct().limit(80).toList()) {
      JsonNode g =
          get(
              http,
              base + "/api/v1/subjects/" + id + "/graph?depth=3&limit=2000&supernodeThreshold=5000",
              key);
      int n = g.path("nodes").size();
      if (n > bestNodes) {
        bestNodes = n;
        best = id;
      }
      if (n >= 2000) {
        break;
      }
    }
    System.out.printf(
        "subject for the large views: %s (%d nodes at depth 3, limit 2000)%n", best, bestNodes);

    ChromeDriver driver = browser();
    try {
      System.out.println(
          "== first visit of each page, bytes transferred (compressed), fresh profile");
      for (String page : List.of("/", "/explore", "/dashboard", "/alerts")) {
        driver.quit();
        driver = browser();
        driver.get(base + "/");
        ((JavascriptExecutor) driver)
            .executeScript("sessionStorage.setItem('credgraph.key', arguments[0])", key);
        ChromeDriver d = driver;
        // the key is set on the origin first; clear the cache so the measured visit loads
        // everything afresh
        d.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
        d.get(base + page + (page.equals("/dashboard") ? "" : ""));
        Thread.sleep(page.equals("/dashboard") ? 4000 : 2500);
        Number bytes =
            (Number)
                d.executeScript(
                    "const n = performance.getEntriesByType('navigation')[0];"
                        + " return (n ? n.transferSize : 0) + performance.getEntriesByType('resource')"
                        + ".reduce((a, r) => a + r.transferSize, 0);");
        Number decoded =
            (Number)
                d.executeScript(
                    "const n = performance.getEntriesByType('navigation')[0];"
                        + " return (n ? n.decodedBodySize : 0) + performance.getEntriesByType('resource')"
                        + ".reduce((a, r) => a + r.decodedBodySize, 0);");
        System.out.printf(
            "%-12s %,10d bytes transferred (%,d bytes decoded)%n",
            page, bytes.longValue(), decoded.longValue());
      }

      System.out.println("== explorer: answer arrived -> view drawn, median of " + runs + " runs");
      for (int limit : new int[] {500, 2000}) {
        List<Long> ms = new ArrayList<>();
        int drawn = 0;
        for (int i = 0; i < runs; i++) {
          driver.get(base + "/explore?depth=3&limit=" + limit + "&subject=" + best + "&r=" + i);
          ChromeDriver d = driver;
          new WebDriverWait(d, Duration.ofSeconds(120))
              .until(
                  x ->
                      x.findElement(org.openqa.selenium.By.tagName("body"))
                              .getDomAttribute("data-draw-ms")
                          != null);
          String v =
              d.findElement(org.openqa.selenium.By.tagName("body")).getDomAttribute("data-draw-ms");
          drawn =
              Integer.parseInt(
                  d.findElement(org.openqa.selenium.By.tagName("body"))
                      .getDomAttribute("data-drawn-nodes"));
          ms.add(Long.parseLong(v));
        }
        Collections.sort(ms);
        System.out.printf(
            "limit %5d: %5d nodes drawn, median %d ms (runs %s)%n",
            limit, drawn, ms.get(ms.size() / 2), ms);
      }
    } finally {
      driver.quit();
    }
  }

  private static ChromeDriver browser() throws Exception {
    return Browser.chromium(
        Browser.headless(Files.createTempDirectory("webbench-profile"), "1400,1000"));
  }

  private static JsonNode get(HttpClient http, String url, String key) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }
}
