package io.credgraph.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.api.ApiServer;
import io.credgraph.api.auth.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The shell every page shares: home, navigation by role, sign-in, language switch, security
 * headers.
 */
class ShellJourneyIT extends SampleCityJourney {

  @BeforeEach
  void fresh() {
    browser.reset();
  }

  @Test
  void homeWithoutAKeyOffersThePublicPagesAndTheSignIn() {
    browser.signOut();
    browser.visit(server.uri("/"));
    browser.waitForText(By.tagName("h1"), "城市公共信用信息平台");
    List<String> nav =
        browser.driver().findElements(By.cssSelector("header.shell ul.pages a")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("红黑名单公示"), nav);
    assertTrue(browser.driver().findElement(By.id("signin-key")).isDisplayed());
    browser.screenshot("home");
    browser.assertNoConsoleErrors();
    browser.assertNoIdNumberInAddresses();
  }

  @Test
  void signingInWithTheSignInBoxShowsTheRolesPages() {
    browser.signOut();
    browser.visit(server.uri("/"));
    browser.driver().findElement(By.id("signin-key")).sendKeys(ApiServer.key(Role.REGISTRY));
    browser.driver().findElement(By.id("signin-submit")).click();
    browser.waitForText(By.cssSelector("header.shell .whoami"), "REGISTRY");
    List<String> nav =
        browser.driver().findElements(By.cssSelector("header.shell ul.pages a")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("红黑名单公示", "任职资格核查", "联合奖惩核查"), nav);
    browser.driver().findElement(By.id("signout")).click();
    browser.waitFor(By.id("signin-key"));
    browser.assertNoConsoleErrors();
  }

  @Test
  void aPageForAHigherRoleSaysSoAndTheUnknownKeyIsDropped() {
    browser.visit(server.uri("/"));
    browser.signIn(ApiServer.key(Role.DEPARTMENT));
    browser.visit(server.uri("/admin"));
    WebElement denied = browser.waitFor(By.cssSelector("article.denied"));
    assertTrue(
        denied.getText().contains("此密钥的角色不能使用本页") && denied.getText().contains("ADMIN"),
        denied.getText());
    browser.signIn("not-a-key-this-server-knows-0000000000");
    browser.waitForText(By.cssSelector("header.shell .notice"), "服务器不认识该密钥");
    assertTrue(browser.driver().findElement(By.id("signin-key")).isDisplayed());
    // the one 401 of the session call with the unknown key is the expected failed request
    browser.assertNoConsoleErrors(java.util.regex.Pattern.compile("/api/v1/session .*401"));
  }

  @Test
  void theLanguageSwitchShowsEnglishAndBack() {
    browser.signOut();
    browser.visit(server.uri("/"));
    browser.driver().findElement(By.cssSelector("button.lang")).click();
    browser.waitForText(By.tagName("h1"), "City public credit information platform");
    assertEquals("en", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
    browser.driver().findElement(By.cssSelector("button.lang")).click();
    browser.waitForText(By.tagName("h1"), "城市公共信用信息平台");
    browser.assertNoConsoleErrors();
  }

  @Test
  void pagesAndAssetsCarryTheSecurityHeaders() {
    for (String path : List.of("/", "/counter", "/assets/app.js", "/api/v1/session")) {
      ApiServer.Answer a = server.get(path, null);
      assertEquals(200, a.status(), path);
      var h = a.raw().headers();
      assertEquals(
          SecurityHeaders.PAGE_POLICY, h.firstValue("Content-Security-Policy").orElse(""), path);
      assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("no-referrer", h.firstValue("Referrer-Policy").orElse(""), path);
    }
    assertTrue(server.get("/assets/app.js", null).contentType().contains("javascript"));
    assertFalse(server.get("/", null).body().contains("<script>"), "no inline script");
  }
}
