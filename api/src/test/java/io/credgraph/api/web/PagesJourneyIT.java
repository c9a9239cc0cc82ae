package io.credgraph.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.api.ApiServer;
import io.credgraph.api.Fixtures;
import io.credgraph.api.auth.Role;
import io.credgraph.datasets.SampleCity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * One journey per page of the web workspace (issue #10) in headless Chromium against a real server
 * holding the sample city (datasets/STORIES.md), plus an enterprise named {@code <img src=x
 * onerror=alert(1)>} on a black list. Each journey asserts what the user sees, that no page logged
 * an error and, at the end, that no ID number was in any address the browser requested.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesJourneyIT extends SampleCityJourney {
  static final String XSS = "<img src=x onerror=alert(1)>";
  static final String XSS_USCC = Fixtures.uscc("91442000MA0XAA001");
  static final String XSS_RECORD = "ZSAMR-XSS-2024-0001";

  /** 吴海林, the sample city's dishonest judgment debtor (S11). */
  static final String WU_NAME = "吴海林";

  static final String JINSHUN_USCC = "91442000MA00FYEB0J";

  static String wuId;

  @BeforeAll
  static void load() throws Exception {
    String xss =
        "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\""
            + XSS_USCC
            + "\",\"name\":\""
            + XSS
            + "\",\"legalForm\":\"COMPANY\"}\n"
            + "{\"type\":\"record\",\"id\":\""
            + XSS_RECORD
            + "\",\"subject\":{\"uscc\":\""
            + XSS_USCC
            + "\"},"
            + "\"list\":\"SERIOUS_ILLEGAL_DISHONEST\",\"department\":\"MARKET_REGULATION\",\"decisionNo\":\"中市监严字〔2024〕99号\","
            + "\"basis\":\"《市场监督管理严重违法失信名单管理办法》第二条\",\"decidedOn\":\"2024-05-01\",\"effectiveFrom\":\"2024-05-01\"}\n";
    WebCity.load(
        server,
        "MARKET_REGULATION-2024-05-01.jsonl",
        new ByteArrayInputStream(xss.getBytes(StandardCharsets.UTF_8)));
    ObjectMapper json = new ObjectMapper();
    for (String line : SampleCity.lines("01-public-security.jsonl")) {
      JsonNode n = json.readTree(line);
      if (WU_NAME.equals(n.path("name").asText())) {
        wuId = n.path("idNumber").asText();
      }
    }
    assertTrue(wuId != null && wuId.length() == 18, "吴海林 is in the sample city");
  }

  @BeforeEach
  void fresh() {
    browser.reset();
  }

  WebElement byId(String id) {
    return browser.driver().findElement(By.id(id));
  }

  void setValue(WebElement input, String value) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1]", input, value);
  }

  @Test
  @Order(1)
  void publicListShowsMaskedIdNumbersWithoutAKey() {
    browser.signOut();
    browser.visit(server.uri("/public"));
    browser.until(d -> !d.findElements(By.cssSelector("#public-list option")).isEmpty());
    new Select(byId("public-list")).selectByValue("DISHONEST_JUDGMENT_DEBTOR");
    byId("public-q").sendKeys(WU_NAME);
    byId("public-show").click();
    WebElement row = browser.waitForText(By.cssSelector("#public-table tbody tr"), WU_NAME);
    String key = row.findElement(By.cssSelector("td.key")).getText();
    assertEquals(
        wuId.substring(0, 4) + "**********" + wuId.substring(14), key, "the ID number is masked");
    assertFalse(browser.mainText().contains(wuId));
    assertTrue(row.getText().contains("2025-10-31"), row.getText());
    assertTrue(row.getText().contains("人民法院"), "the department by its name: " + row.getText());
    // the whole list, unfiltered, with a masked number on every person's row
    byId("public-q").clear();
    byId("public-show").click();
    browser.until(d -> d.findElements(By.cssSelector("#public-table tbody tr")).size() > 1);
    assertFalse(
        Browser.ID_NUMBER.matcher(browser.mainText()).find(),
        "no full ID number on the public list");
    assertTrue(browser.mainText().contains("失信被执行人"), browser.mainText());
    browser.screenshot("public");
    browser.assertNoConsoleErrors();
  }

  @Test
  @Order(2)
  void theXssNameRendersAsTextOnTheListAndTheOrganisationPage() {
    browser.signOut();
    browser.visit(server.uri("/public"));
    browser.until(d -> !d.findElements(By.cssSelector("#public-list option")).isEmpty());
    new Select(byId("public-list")).selectByValue("SERIOUS_ILLEGAL_DISHONEST");
    byId("public-q").sendKeys(XSS_USCC);
    byId("public-show").click();
    WebElement link = browser.waitForText(By.cssSelector("#public-table td.name a"), XSS);
    assertEquals(XSS, link.getText());
    assertTrue(
        browser.driver().findElements(By.cssSelector("#main img")).isEmpty(),
        "no img element was made");
    link.click();
    WebElement title = browser.waitForText(By.cssSelector("#org-result h1"), XSS);
    assertEquals(XSS, title.getText());
    assertTrue(browser.driver().getCurrentUrl().endsWith("/public/org?uscc=" + XSS_USCC));
    WebElement table = browser.waitFor(By.id("org-table"));
    assertTrue(
        table.getText().contains(XSS_RECORD) && table.getText().contains("2024-05-01"),
        table.getText());
    assertTrue(
        browser.driver().findElements(By.cssSelector("#main img")).isEmpty(),
        "no img element was made");
    browser.screenshot("org");
    browser.assertNoConsoleErrors();
  }

  @Test
  @Order(3)
  void theCounterRefusesTheDishonestDebtorWithRuleAndUntilDateAndPrintsASlip() {
    browser.visit(server.uri("/"));
    browser.signIn(ApiServer.key(Role.REGISTRY));
    browser.visit(server.uri("/counter"));
    browser.waitFor(By.id("counter-id")).sendKeys(wuId);
    new Select(byId("counter-role")).selectByValue("DIRECTOR");
    setValue(byId("counter-date"), "2025-03-01");
    byId("counter-submit").click();
    WebElement verdict = browser.waitFor(By.id("verdict"));
    assertEquals("不得任职", verdict.getText());
    WebElement reason = browser.waitFor(By.cssSelector("article.reason[data-rule='CL178-5']"));
    assertTrue(reason.getText().contains("ZSCOURT-SX-2023-0013"), reason.getText());
    assertEquals("2025-10-31", reason.findElement(By.cssSelector(".until")).getText());
    assertTrue(reason.getText().contains("2023-11-01"), reason.getText());
    assertTrue(
        reason.getText().contains("第一百七十八条"), "the legal basis is shown: " + reason.getText());
    assertTrue(
        Integer.parseInt(verdict.getCssValue("font-size").replace("px", "")) >= 40, "large type");
    assertFalse(browser.driver().getTitle().contains(wuId));
    browser.screenshot("counter");
    boolean hasCheckId = !browser.driver().findElements(By.id("check-id")).isEmpty();
    ((org.openqa.selenium.chrome.ChromeDriver) browser.driver())
        .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      WebElement slip = browser.waitFor(By.cssSelector(".slip-head"));
      assertEquals("任职资格核查单", slip.getText());
      assertFalse(byId("counter-form").isDisplayed(), "the form is not printed");
      if (hasCheckId) {
        assertTrue(byId("check-id").isDisplayed(), "the slip carries the checkId");
      }
      browser.screenshot("counter-print");
    } finally {
      ((org.openqa.selenium.chrome.ChromeDriver) browser.driver())
          .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
    // the same person after the record's end: eligible
    setValue(byId("counter-date"), "2025-11-01");
    byId("counter-submit").click();
    browser.waitForText(By.id("verdict"), "可以任职");
    browser.assertNoConsoleErrors();
  }

  @Test
  @Order(4)
  void aDepartmentKeyIsNotOfferedTheCounterAndTheApiRefusesIt() {
    browser.visit(server.uri("/"));
    browser.signIn(ApiServer.key(Role.DEPARTMENT));
    assertTrue(
        browser.driver().findElements(By.cssSelector("header.shell a[href='/counter']")).isEmpty());
    browser.visit(server.uri("/counter"));
    WebElement denied = browser.waitFor(By.cssSelector("article.denied"));
    assertTrue(denied.getText().contains("REGISTRY"), denied.getText());
    assertTrue(browser.driver().findElements(By.id("counter-form")).isEmpty());
    assertEquals(
        403,
        server
            .post(
                "/api/v1/checks/appointment",
                Role.DEPARTMENT,
                "{\"person\":{\"idNumber\":\"" + wuId + "\"},\"role\":\"DIRECTOR\"}")
            .status());
    browser.assertNoConsoleErrors();
  }

  @Test
  @Order(5)
  void checksListsTheMeasuresOfEachSubjectWithFilters() {
    browser.visit(server.uri("/"));
    browser.signIn(ApiServer.key(Role.DEPARTMENT));
    browser.visit(server.uri("/checks"));
    WebElement keys = browser.waitFor(By.id("checks-keys"));
    keys.sendKeys("USCC or ID\n" + wuId + "\n" + JINSHUN_USCC + "\n" + XSS_USCC + "\n");
    setValue(byId("checks-date"), "2024-03-01");
    byId("checks-submit").click();
    WebElement table = browser.waitFor(By.id("checks-table"));
    List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
    assertEquals(3, rows.size(), table.getText());
    WebElement wu = rows.get(0);
    assertEquals("true", wu.getAttribute("data-restricted"));
    assertTrue(
        wu.getText().contains("JS-DJD") && wu.getText().contains("2025-10-31"), wu.getText());
    assertFalse(wu.getText().contains(wuId), "a DEPARTMENT key sees the number masked");
    assertTrue(
        wu.getText().contains(wuId.substring(0, 4) + "**********" + wuId.substring(14)),
        wu.getText());
    assertFalse(
        wu.getText().contains(WU_NAME),
        "a DEPARTMENT answer about a person carries no name (issue #13)");
    assertTrue(rows.get(2).getText().contains(XSS), "the XSS name as text");
    assertTrue(
        byId("checks-note").getText().contains("1"), "the header line was skipped and said so");
    assertTrue(browser.driver().findElements(By.cssSelector("#main img")).isEmpty());
    new Select(byId("checks-filter")).selectByValue("restricted");
    int restricted = table.findElements(By.cssSelector("tbody tr")).size();
    assertTrue(
        restricted >= 1
            && table.findElements(By.cssSelector("tbody tr[data-restricted='false']")).isEmpty());
    new Select(byId("checks-filter")).selectByValue("all");
    browser.screenshot("checks");
    browser.assertNoConsoleErrors();
  }

  @Test
  @Order(6)
  void stewardUploadOfTheBadLinesListsTheRejectedLineNumbersAndRecordsChangeStatus() {
    browser.visit(server.uri("/"));
    browser.signIn(ApiServer.key(Role.STEWARD));
    browser.visit(server.uri("/steward"));
    Path bad = SampleCity.copyBadLinesTo(WEB.dir().resolve("upload"));
    browser.waitFor(By.id("steward-file")).sendKeys(bad.toAbsolutePath().toString());
    byId("steward-send").click();
    WebElement rejections = browser.waitFor(By.id("steward-rejections"));
    TreeSet<Integer> lines = new TreeSet<>();
    rejections
        .findElements(By.cssSelector("td.line"))
        .forEach(td -> lines.add(Integer.parseInt(td.getText())));
    TreeSet<Integer> expected = new TreeSet<>();
    for (int i = 1; i <= 13; i++) {
      expected.add(i);
    }
    assertEquals(expected, lines, "every bad line of the sample is listed with its number");
    assertEquals("100", byId("steward-progress").getAttribute("value"));
    assertTrue(rejections.getText().contains("99-bad-lines-demo.jsonl"), rejections.getText());
    browser.screenshot("steward");
    // the lifecycle: find the enterprise, choose its record, object to it; the history shows the
    // objection
    byId("steward-q").sendKeys(XSS_USCC);
    byId("steward-find-btn").click();
    WebElement rec =
        browser.waitFor(By.cssSelector("#steward-found tr[data-record='" + XSS_RECORD + "']"));
    rec.findElement(By.tagName("button")).click();
    assertEquals(XSS_RECORD, byId("steward-record").getAttribute("value"));
    new Select(byId("steward-status")).selectByValue("OBJECTED");
    setValue(byId("steward-on"), "2025-05-20");
    byId("steward-note").sendKeys("企业提出异议");
    byId("steward-apply").click();
    WebElement changed =
        browser.waitFor(By.cssSelector("#steward-change tr[data-record='" + XSS_RECORD + "']"));
    assertTrue(changed.getText().contains("2025-05-20 OBJECTED — 企业提出异议"), changed.getText());
    assertTrue(
        changed.findElement(By.cssSelector("td.status")).getText().contains("异议中"),
        changed.getText());
    browser.assertNoConsoleErrors();
  }

  @Test
  @Order(7)
  void adminSeesTheAuditLogTheIntactChainAndTheRules() {
    browser.visit(server.uri("/"));
    browser.signIn(ApiServer.key(Role.ADMIN));
    browser.visit(server.uri("/admin"));
    WebElement chain = browser.waitFor(By.id("admin-chain-state"));
    assertEquals("true", chain.getAttribute("data-intact"), chain.getText());
    WebElement audit = browser.waitFor(By.id("admin-audit-table"));
    assertTrue(
        audit.getText().contains("/api/v1/checks/appointment"), "the counter's check is audited");
    WebElement rule = browser.waitFor(By.cssSelector("#admin-rules-table tr[data-rule='CL178-5']"));
    assertTrue(
        rule.getText().contains("DISHONEST_JUDGMENT_DEBTOR") && rule.getText().contains("第一百七十八条"),
        rule.getText());
    assertTrue(browser.waitFor(By.id("admin-lists-table")).getText().contains("A_TAXPAYER"));
    byId("admin-who").sendKeys("registry");
    byId("admin-filter").click();
    browser.until(
        d ->
            d.findElements(By.cssSelector("#admin-audit-table tbody tr")).stream()
                .allMatch(r -> r.getText().contains("registry")));
    browser.screenshot("admin");
    browser.assertNoConsoleErrors();
  }

  @Test
  @Order(8)
  void noIdNumberWasInAnyAddressTheBrowserRequested() {
    browser.assertNoIdNumberInAddresses();
  }
}
