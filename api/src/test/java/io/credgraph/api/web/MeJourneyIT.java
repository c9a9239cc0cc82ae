package io.credgraph.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.api.ApiServer;
import io.credgraph.api.auth.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The subject's own page {@code /me} (issue #10 page 10) in headless Chromium against a real server
 * holding the sample city, whose clock stands on 2025-06-01. 中山市鑫源贸易有限公司 was put on the serious
 * illegal and dishonest list on 2025-03-10 (ZSAMR-YZ-2025-0032): a repair may be applied for after
 * a year, from 2026-03-10. 中山市永发电器有限公司 has been on it since 2021-10-15 (ZSAMR-YZ-2021-0017): it
 * applies for repair, a steward grants it on the steward page, and the company sees the record
 * repaired and its restrictions gone.
 */
class MeJourneyIT extends SampleCityJourney {
  static final String XINYUAN_USCC = "91442000MA0088F839";
  static final String XINYUAN_RECORD = "ZSAMR-YZ-2025-0032";
  static final String YONGFA_USCC = "91442000MA0036WM3B";
  static final String YONGFA_RECORD = "ZSAMR-YZ-2021-0017";

  static String subjectId(String uscc) {
    JsonNode items =
        server.get("/api/v1/subjects?q=" + uscc, Role.INVESTIGATOR).json().path("items");
    assertEquals(uscc, items.get(0).path("uscc").asText(), items.toString());
    return items.get(0).path("id").asText();
  }

  WebElement byId(String id) {
    return browser.driver().findElement(By.id(id));
  }

  void apply(String type, String record, String grounds) {
    new Select(browser.waitFor(By.id("me-type"))).selectByValue(type);
    new Select(byId("me-record")).selectByValue(record);
    byId("me-grounds").sendKeys(grounds);
    byId("me-send").click();
  }

  @Test
  void aCompanyAppliesForRepairAStewardGrantsItAndTheCompanySeesItRepaired() {
    browser.reset();
    // a too-early repair: the page shows the first allowed day from the 422 answer
    server.bindSubject(subjectId(XINYUAN_USCC));
    browser.visit(server.uri("/"));
    browser.signIn(ApiServer.key(Role.SUBJECT));
    browser.visit(server.uri("/me"));
    List<String> nav =
        browser.driver().findElements(By.cssSelector("header.shell ul.pages a")).stream()
            .map(a -> a.getAttribute("href").replaceFirst("^https?://[^/]+", ""))
            .toList();
    assertTrue(
        nav.contains("/me") && nav.contains("/public"),
        "a SUBJECT key is offered its file: " + nav);
    assertFalse(
        nav.contains("/steward") || nav.contains("/checks") || nav.contains("/counter"),
        nav.toString());
    WebElement early =
        browser.waitFor(By.cssSelector("#me-records tr[data-record='" + XINYUAN_RECORD + "']"));
    assertTrue(
        early.getText().contains("2026-03-10"),
        "repairable from 2025-03-10 + P1Y: " + early.getText());
    apply("REPAIR", XINYUAN_RECORD, "已整改完毕");
    WebElement tooEarly = browser.waitFor(By.id("me-too-early"));
    assertEquals("该记录最早可于 2026-03-10 申请信用修复。", tooEarly.getText());

    // a repairable record: the file shows it with its measure; the company files a repair
    // application
    server.bindSubject(subjectId(YONGFA_USCC));
    browser.visit(server.uri("/me"));
    browser.waitForText(By.id("me-subject"), "中山市永发电器有限公司");
    WebElement rec =
        browser.waitFor(By.cssSelector("#me-records tr[data-record='" + YONGFA_RECORD + "']"));
    assertTrue(
        rec.getText().contains("有效")
            && rec.getText().contains("2021-10-15")
            && rec.getText().contains("可于 2022-10-15 起申请"),
        rec.getText());
    WebElement measures = browser.waitFor(By.id("me-measures"));
    assertTrue(
        measures.getText().contains(YONGFA_RECORD),
        "a measure in force rests on the record: " + measures.getText());
    apply("REPAIR", YONGFA_RECORD, "违法行为已纠正，已公开作出信用承诺");
    WebElement filed = browser.waitFor(By.id("me-filed"));
    assertTrue(
        filed.getText().contains("2025-06-16"),
        "filed 2025-06-01 + 15 repairDecisionDays: " + filed.getText());
    WebElement app = browser.waitFor(By.cssSelector("#me-applications-table tbody tr"));
    String appId = app.getAttribute("data-application");
    assertTrue(
        app.getText().contains("办理中") && app.getText().contains("2025-06-16"), app.getText());

    // the steward decides it on the steward page
    browser.signIn(ApiServer.key(Role.STEWARD));
    browser.visit(server.uri("/steward"));
    WebElement row =
        browser.waitFor(By.cssSelector("#steward-apps-table tr[data-application='" + appId + "']"));
    assertTrue(
        row.getText().contains(YONGFA_RECORD) && row.getText().contains("2025-06-16"),
        row.getText());
    String queue = browser.driver().findElement(By.cssSelector("main")).getText();
    assertTrue(
        queue.contains("异议与信用修复申请") && !queue.contains("steward.apps"),
        "the queue's heading is labelled, not its label key: " + queue);
    new Select(row.findElement(By.cssSelector("select.app-decision"))).selectByValue("GRANTED");
    row.findElement(By.cssSelector("input.app-reason")).sendKeys("现场核查整改属实");
    row.findElement(By.cssSelector("button.app-send")).click();
    WebElement decided = browser.waitFor(By.id("steward-app-decided"));
    assertTrue(
        decided.getText().contains(appId) && decided.getText().contains("已修复"), decided.getText());
    // a steward is not offered /me, and the page says whose page it is instead of asking for a
    // higher role
    assertTrue(
        browser.driver().findElements(By.cssSelector("header.shell a[href='/me']")).isEmpty());
    browser.visit(server.uri("/me"));
    WebElement denied = browser.waitFor(By.cssSelector("article.denied"));
    assertTrue(
        denied.getText().contains("SUBJECT") && denied.getText().contains("自己的信用档案"),
        denied.getText());
    assertTrue(browser.driver().findElements(By.id("me-apply")).isEmpty());

    // the company sees the new state: decided, granted with the reason, the record repaired, its
    // measures gone
    browser.signIn(ApiServer.key(Role.SUBJECT));
    browser.visit(server.uri("/me"));
    WebElement after =
        browser.waitFor(
            By.cssSelector("#me-applications-table tr[data-application='" + appId + "']"));
    assertTrue(
        after.getText().contains("已决定")
            && after.getText().contains("准予修复")
            && after.getText().contains("现场核查整改属实"),
        after.getText());
    WebElement repaired =
        browser.waitFor(By.cssSelector("#me-records tr[data-record='" + YONGFA_RECORD + "']"));
    assertTrue(
        repaired.findElement(By.cssSelector("td.status")).getText().contains("已修复"),
        repaired.getText());
    List<WebElement> still = browser.driver().findElements(By.id("me-measures"));
    assertTrue(
        still.isEmpty() || !still.get(0).getText().contains(YONGFA_RECORD),
        "no measure rests on the repaired record");
    browser.screenshot("me");
    browser.assertNoConsoleErrors(
        java.util.regex.Pattern.compile(
            "/api/v1/me/applications - Failed to load "
                + "resource: the server responded with a status of 422"));
    browser.assertNoIdNumberInAddresses();
  }
}
