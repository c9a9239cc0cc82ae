package io.credgraph.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} driven by {@code chromedriver}) for the
 * browser journeys of the web pages. It keeps what a journey must check: every console message of
 * level SEVERE (a page error, a failed request, a Content-Security-Policy violation), every address
 * the browser requested (from Chromium's network log, so the pages' API calls are included), and a
 * screenshot of each page under {@code docs/screenshots/}.
 *
 * <p>Open it in {@code @BeforeAll} with {@link #open(Path)}: it skips the tests (with the reason)
 * where no Chromium or chromedriver is installed ({@code .ci/install-packages} installs both), and
 * close it in {@code @AfterAll}.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * A mainland resident ID number anywhere in a text (17 digits and a digit or X, not inside a
   * longer number).
   */
  public static final Pattern ID_NUMBER =
      Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[0-9Xx](?![0-9A-Za-z])");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChromeDriver driver;
  private final List<String> requested = new CopyOnWriteArrayList<>();
  private final List<String> everRequested = new CopyOnWriteArrayList<>();
  private final List<String> severe = new CopyOnWriteArrayList<>();
  private final List<String> console = new CopyOnWriteArrayList<>();

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /**
   * Starts a fresh headless Chromium with its profile under {@code dir}; skips the test where there
   * is none.
   */
  public static Browser open(Path dir) {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the browser journeys need Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "); install them with .ci/install-packages");
    Path profile;
    try {
      profile = Files.createTempDirectory(Files.createDirectories(dir), "chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = headless(profile, "1280,1000");
    options.addArguments("--lang=zh-CN");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver = chromium(options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(driver);
  }

  /**
   * The options of every headless Chromium of the tests and benchmarks: Debian's chromium, no
   * sandbox, GPU, background traffic or first-run pages, a window of {@code windowSize} ("W,H") and
   * its profile in {@code profile}.
   */
  public static ChromeOptions headless(Path profile, String windowSize) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=" + windowSize,
        "--user-data-dir=" + profile);
    return options;
  }

  /** A Chromium with {@code options}, driven by Debian's chromedriver on a free port. */
  public static ChromeDriver chromium(ChromeOptions options) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens an address and waits for the page's shell (its header) to be drawn. */
  public Browser visit(URI uri) {
    driver.get(uri.toString());
    waitFor(By.cssSelector("header.shell nav"));
    collect();
    return this;
  }

  /** Waits (up to 20 s) for an element to be displayed and returns it. */
  public WebElement waitFor(By by) {
    return until(
        d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** Waits (up to 20 s) for a condition to give something other than null or false. */
  public <T> T until(Function<WebDriver, T> condition) {
    T t = new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    collect();
    return t;
  }

  /** Waits until the text of the element contains {@code text}; returns the element. */
  public WebElement waitForText(By by, String text) {
    return until(
        d ->
            d.findElements(by).stream()
                .filter(e -> e.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  /** Puts an API key into this tab's session (as the sign-in box does) and reloads. */
  public Browser signIn(String key) {
    ((JavascriptExecutor) driver)
        .executeScript("sessionStorage.setItem('credgraph.key', arguments[0])", key);
    driver.navigate().refresh();
    waitFor(By.cssSelector("header.shell nav"));
    return this;
  }

  public Browser signOut() {
    ((JavascriptExecutor) driver).executeScript("sessionStorage.removeItem('credgraph.key')");
    return this;
  }

  /** Forgets the console messages and addresses so far (call it before each journey). */
  public Browser reset() {
    collect();
    requested.clear();
    severe.clear();
    console.clear();
    return this;
  }

  /** Every address requested so far (pages, assets, API calls), in order. */
  public List<String> requested() {
    collect();
    return List.copyOf(requested);
  }

  /** Every console message of level SEVERE so far. */
  public List<String> consoleErrors() {
    collect();
    return List.copyOf(severe);
  }

  /** Every console message so far, for a failure's explanation. */
  public List<String> console() {
    collect();
    return List.copyOf(console);
  }

  /** Fails when a page logged an error, except messages matching one of {@code expected}. */
  public void assertNoConsoleErrors(Pattern... expected) {
    List<String> unexpected = new ArrayList<>();
    for (String s : consoleErrors()) {
      boolean known = false;
      for (Pattern p : expected) {
        known |= p.matcher(s).find();
      }
      if (!known) {
        unexpected.add(s);
      }
    }
    assertEquals(List.of(), unexpected, "console errors");
  }

  /**
   * Fails when an ID number appears in any address this browser requested (since it started, {@link
   * #reset} does not forget them) or shows now; the history of the tab is among them.
   */
  public void assertNoIdNumberInAddresses() {
    collect();
    List<String> bad = new ArrayList<>();
    List<String> all = new ArrayList<>(everRequested);
    all.add(driver.getCurrentUrl());
    for (String u : all) {
      if (ID_NUMBER
          .matcher(java.net.URLDecoder.decode(u, java.nio.charset.StandardCharsets.UTF_8))
          .find()) {
        bad.add(u);
      }
    }
    assertEquals(List.of(), bad, "ID numbers in addresses");
  }

  /**
   * Saves what the browser shows (the whole page's height) as {@code docs/screenshots/<name>.png}.
   */
  public Path screenshot(String name) {
    Object height =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    int h = Math.min(4000, Math.max(before.getHeight(), ((Number) height).intValue() + 140));
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), h));
    try {
      Path dir = screenshotDir();
      Files.createDirectories(dir);
      Path out = dir.resolve(name + ".png");
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          out,
          StandardCopyOption.REPLACE_EXISTING);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /** {@code docs/screenshots} of the repository (the tests run in the module's directory). */
  static Path screenshotDir() {
    Path p = Path.of("").toAbsolutePath();
    for (Path q = p; q != null; q = q.getParent()) {
      if (Files.isDirectory(q.resolve("docs"))
          && Files.isRegularFile(q.resolve("pom.xml"))
          && Files.isDirectory(q.resolve("api"))) {
        return q.resolve("docs/screenshots");
      }
    }
    return p.resolve("target/screenshots");
  }

  /** Drains Chromium's logs into the lists (each read of a log empties it). */
  private void collect() {
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      console.add(e.getLevel() + " " + e.getMessage());
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        severe.add(e.getMessage());
      }
    }
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      try {
        JsonNode m = JSON.readTree(e.getMessage()).path("message");
        if ("Network.requestWillBeSent".equals(m.path("method").asText())) {
          String url = m.path("params").path("request").path("url").asText();
          requested.add(url);
          everRequested.add(url);
        }
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** The text of the page's main element. */
  public String mainText() {
    return driver.findElement(By.id("main")).getText();
  }
}
