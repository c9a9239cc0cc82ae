package io.credgraph.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.ApiServer;
import io.credgraph.api.auth.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Enforcement feedback in the case handler's page (/checks) and the coordinating office's report
 * (/steward), in headless Chromium against a real server holding the sample city; the server's
 * clock says 2025-06-01 (the day of the check, so feedback is due on 2025-06-11).
 *
 * <p>Story S16 (datasets/STORIES.md): 中山市宏泰物流有限公司 (91442000MA0048UF4Q) is a major tax violator from
 * 2022-08-08 until 2025-08-07 (record ZSTAX-WF-2022-0019), so a sanctions check on 2024-01-01 finds
 * JS-TAX with four measures: GOV_PROCUREMENT_BAN, PUBLIC_BIDDING_BAN, SUBSIDY_BAN and HONOURS_BAN.
 * The MARKET_REGULATION case handler reports one applied, one not applied (outside the business in
 * hand), corrects one, and leaves two pending.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackJourneyIT extends SampleCityJourney {
  static final String HONGTAI_USCC = "91442000MA0048UF4Q";
  static final String TAX_KEY = "tax-department-key-0123456789abcdefghij";

  /** A refusal the page asked for and shows: the browser logs the 4xx answers of these routes. */
  static final Pattern REFUSALS =
      Pattern.compile(
          "/api/v1/checks/chk-[0-9a-z]+/feedback - Failed to load resource: "
              + "the server responded with a status of (400|403)");

  static String checkId;

  @BeforeAll
  static void addTaxKey() {
    server.addKey("tax:" + TAX_KEY + ":DEPARTMENT:TAX");
  }

  WebElement byId(String id) {
    return browser.driver().findElement(By.id(id));
  }

  WebElement row(String measure) {
    return browser.waitFor(By.cssSelector("form.feedback[data-measure='" + measure + "']"));
  }

  WebElement in(WebElement form, String cls) {
    return form.findElement(By.cssSelector("." + cls));
  }

  /** Waits until the row of {@code measure} says {@code text} (its recorded state or its error). */
  WebElement waitForRow(String measure, String text) {
    return browser.until(
        d -> {
          WebElement f =
              d
                  .findElements(By.cssSelector("form.feedback[data-measure='" + measure + "']"))
                  .stream()
                  .findFirst()
                  .orElse(null);
          return f != null && f.getText().contains(text) ? f : null;
        });
  }

  @Test
  @Order(1)
  void aCaseHandlerGivesFeedbackOnMeasureRowsCorrectsOneAndSeesTheOutcomesAfterAReload() {
    browser.reset();
    browser.visit(server.uri("/"));
    browser.signIn(ApiServer.key(Role.DEPARTMENT));
    browser.visit(server.uri("/checks"));
    browser.waitFor(By.id("checks-keys")).sendKeys(HONGTAI_USCC + "\n");
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = '2024-01-01'", byId("checks-date"));
    byId("checks-submit").click();
    WebElement gp = row("GOV_PROCUREMENT_BAN");
    checkId = byId("check-id").getText();
    assertTrue(checkId.startsWith("chk-"), checkId);
    assertEquals(
        4,
        browser.driver().findElements(By.cssSelector("form.feedback")).size(),
        "JS-TAX finds four measures on 中山市宏泰物流有限公司, each with its feedback control");
    assertTrue(in(gp, "fb-state").getText().contains("尚未反馈"), gp.getText());
    assertEquals("JS-TAX", gp.getAttribute("data-rule"));
    assertTrue(
        browser.driver().findElements(By.id("checks-fbr")).isEmpty(),
        "a DEPARTMENT key may not read the whole report (GET /api/v1/feedback is STEWARD): no section");
    // every input has its label
    for (WebElement input :
        browser
            .driver()
            .findElements(By.cssSelector("form.feedback select, form.feedback input"))) {
      assertEquals(
          1,
          browser
              .driver()
              .findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
              .size(),
          input.getAttribute("id"));
    }

    // first: not applicable on the procurement ban
    new Select(in(gp, "fb-outcome")).selectByValue("NOT_APPLICABLE");
    in(gp, "fb-send").click();
    waitForRow("GOV_PROCUREMENT_BAN", "已记录：无可适用事项（第 1 次报送）");

    // NOT_APPLIED without a reason: the API's 400 shows next to the row, nothing is recorded
    WebElement sub = row("SUBSIDY_BAN");
    assertFalse(in(sub, "fb-reason").isDisplayed(), "the reason is asked only for NOT_APPLIED");
    new Select(in(sub, "fb-outcome")).selectByValue("NOT_APPLIED");
    assertTrue(in(sub, "fb-reason").isDisplayed());
    in(sub, "fb-send").click();
    WebElement refused = waitForRow("SUBSIDY_BAN", "NOT_APPLIED needs a reason");
    assertTrue(in(refused, "fb-error").getText().contains("(400)"), refused.getText());
    assertTrue(in(refused, "fb-state").getText().contains("尚未反馈"), refused.getText());

    // then with a reason and a text, sent from the keyboard (Enter in the note)
    new Select(in(sub, "fb-reason")).selectByValue("NOT_IN_SCOPE");
    in(sub, "fb-note").sendKeys("本次为工程招标资格审查，不涉及财政补贴", Keys.ENTER);
    WebElement notApplied =
        waitForRow("SUBSIDY_BAN", "已记录：未实施 · 业务不属于该措施领域 · 本次为工程招标资格审查，不涉及财政补贴（第 2 次报送）");
    assertEquals("", in(notApplied, "fb-error").getText(), "the earlier refusal is gone");

    // the procurement ban is corrected: it was applied after all
    gp = row("GOV_PROCUREMENT_BAN");
    new Select(in(gp, "fb-outcome")).selectByValue("APPLIED");
    in(gp, "fb-send").click();
    waitForRow("GOV_PROCUREMENT_BAN", "已记录：已实施 · 已更正（第 3 次报送）");

    // a reload shows what the server recorded
    browser.driver().navigate().refresh();
    waitForRow("GOV_PROCUREMENT_BAN", "已记录：已实施 · 已更正（第 3 次报送）");
    assertEquals("APPLIED", row("GOV_PROCUREMENT_BAN").getAttribute("data-outcome"));
    waitForRow("SUBSIDY_BAN", "已记录：未实施 · 业务不属于该措施领域");
    assertEquals(
        "NOT_IN_SCOPE",
        new Select(in(row("SUBSIDY_BAN"), "fb-reason"))
            .getFirstSelectedOption()
            .getAttribute("value"));
    assertTrue(row("PUBLIC_BIDDING_BAN").getText().contains("尚未反馈"));
    assertTrue(row("HONOURS_BAN").getText().contains("尚未反馈"));
    assertEquals(checkId, byId("check-id").getText());
    browser.screenshot("checks-feedback");
    // the English switch: the same outcomes, labelled in English; back to Chinese
    browser.driver().findElement(By.cssSelector("button.lang")).click();
    waitForRow("GOV_PROCUREMENT_BAN", "Recorded: applied · corrected (sending 3)");
    waitForRow("SUBSIDY_BAN", "Recorded: not applied · business outside the measure's domain");
    assertTrue(row("HONOURS_BAN").getText().contains("Send feedback"));
    browser.driver().findElement(By.cssSelector("button.lang")).click();
    waitForRow("GOV_PROCUREMENT_BAN", "已记录：已实施");

    // over HTTP: the check's feedback as the server keeps it
    JsonNode fb = server.get("/api/v1/checks/" + checkId + "/feedback", Role.DEPARTMENT).json();
    Map<String, String> outcomes = new HashMap<>();
    fb.path("items")
        .forEach(i -> outcomes.put(i.path("measure").asText(), i.path("outcome").asText("")));
    assertEquals(
        Map.of(
            "GOV_PROCUREMENT_BAN",
            "APPLIED",
            "SUBSIDY_BAN",
            "NOT_APPLIED",
            "PUBLIC_BIDDING_BAN",
            "",
            "HONOURS_BAN",
            ""),
        outcomes);
    assertEquals(3, fb.path("versions").size());
    assertEquals("2025-06-11", fb.path("dueOn").asText());
    browser.assertNoConsoleErrors(REFUSALS);
    browser.assertNoIdNumberInAddresses();
  }

  @Test
  @Order(2)
  void theReportCountsTheOutcomesOverHttpAndOnTheStewardsPage() {
    JsonNode r = server.get("/api/v1/feedback?by=department&to=2025-06-20", Role.STEWARD).json();
    JsonNode total = r.path("total");
    assertEquals(1, total.path("checks").asInt(), r.toString());
    assertEquals(4, total.path("measures").asInt());
    assertEquals(1, total.path("applied").asInt());
    assertEquals(1, total.path("notApplied").asInt());
    assertEquals(0, total.path("notApplicable").asInt(), "the correction replaced NOT_APPLICABLE");
    assertEquals(2, total.path("pending").asInt());
    assertEquals(0.5, total.path("shareApplied").asDouble(), 1e-9);
    assertEquals("MARKET_REGULATION", r.path("groups").get(0).path("key").asText());
    assertEquals(
        checkId,
        r.path("overdue").get(0).path("checkId").asText(),
        "on 2025-06-20 the check is overdue");
    assertEquals(403, server.get("/api/v1/feedback", Role.DEPARTMENT).status());

    browser.reset();
    browser.signIn(ApiServer.key(Role.STEWARD));
    browser.visit(server.uri("/steward"));
    WebElement month =
        browser.waitFor(By.cssSelector("#steward-fbr-table tr[data-group='2025-06']"));
    assertTrue(month.getText().contains("2025-06 1 4 1 1 0 2 50.0%"), month.getText());
    assertTrue(
        byId("steward-fbr-overdue").getText().contains("没有逾期"),
        "judged on 2025-06-01: not yet due");
    new Select(byId("steward-fbr-by")).selectByValue("measure");
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = '2025-06-20'", byId("steward-fbr-to"));
    byId("steward-fbr-show").click();
    WebElement subsidy =
        browser.waitFor(By.cssSelector("#steward-fbr-table tr[data-group='SUBSIDY_BAN']"));
    assertTrue(subsidy.getText().contains("SUBSIDY_BAN 1 1 0 1 0 0 0.0%"), subsidy.getText());
    WebElement overdue =
        browser.waitFor(By.cssSelector("#steward-fbr-overdue tr[data-check='" + checkId + "']"));
    assertTrue(
        overdue.getText().contains("MARKET_REGULATION 2025-06-01 2025-06-11 4 2"),
        overdue.getText());
    browser.screenshot("steward-feedback");

    // the steward's key has no department: /checks offers the report, not the feedback controls
    browser.visit(server.uri("/checks"));
    browser.waitFor(By.cssSelector("#checks-fbr-table tr[data-group='MARKET_REGULATION']"));
    assertTrue(browser.driver().findElements(By.cssSelector("form.feedback")).isEmpty());
    // another key in the tab drops the department's kept answer, and a check by a key that sees
    // full ID numbers is shown, never kept in the browser's storage
    browser.waitFor(By.id("checks-keys")).sendKeys(HONGTAI_USCC + "\n");
    byId("checks-submit").click();
    browser.waitFor(By.id("checks-summary"));
    assertEquals(
        null,
        ((JavascriptExecutor) browser.driver())
            .executeScript("return sessionStorage.getItem('credgraph.checks.last')"),
        "a STEWARD's answer is not written to sessionStorage");
    browser.assertNoConsoleErrors();
    browser.assertNoIdNumberInAddresses();
  }

  @Test
  @Order(3)
  void anotherDepartmentCannotGiveFeedbackOnTheCheckAndThePageShowsTheRefusal() {
    String body =
        "{\"feedback\":[{\"measure\":\"HONOURS_BAN\",\"subject\":\""
            + server
                .get("/api/v1/checks/" + checkId + "/feedback", Role.DEPARTMENT)
                .json()
                .path("items")
                .get(0)
                .path("subject")
                .asText()
            + "\",\"outcome\":\"APPLIED\"}]}";
    ApiServer.Answer other =
        server.send("POST", "/api/v1/checks/" + checkId + "/feedback", TAX_KEY, body);
    assertEquals(403, other.status(), other.body());

    browser.reset();
    browser.signIn(TAX_KEY);
    browser.visit(server.uri("/checks"));
    browser.waitFor(By.id("checks-keys"));
    assertTrue(
        browser.driver().findElements(By.cssSelector("form.feedback")).isEmpty(),
        "the last check of the tab belonged to another key: not shown");
    browser.waitFor(By.id("fb-open-id")).sendKeys(checkId, Keys.ENTER);
    WebElement problem = browser.waitFor(By.cssSelector("#checks-result .problem"));
    assertTrue(
        problem.getText().contains("(403)")
            && problem.getText().contains("not run by department TAX"),
        problem.getText());
    assertTrue(browser.driver().findElements(By.cssSelector("form.feedback")).isEmpty());
    JsonNode fb = server.get("/api/v1/checks/" + checkId + "/feedback", Role.DEPARTMENT).json();
    assertEquals(3, fb.path("versions").size(), "nothing was recorded for the other department");
    browser.assertNoConsoleErrors(REFUSALS);
    browser.assertNoIdNumberInAddresses();
  }
}
