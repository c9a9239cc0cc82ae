package io.credgraph.api.web;

import io.credgraph.api.ApiServer;
import io.credgraph.api.ApiServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser journey starts from: a real server holding the sample city and a headless
 * Chromium ({@link ApiServerExtension#sampleCity()} {@code .withBrowser()}), opened before the
 * journey's class and closed after it; a journey extends this and reaches them as {@link #server}
 * and {@link #browser}. (Journey classes run one after another, as every test class here does.)
 */
abstract class SampleCityJourney {
  @RegisterExtension
  static final ApiServerExtension WEB = ApiServerExtension.sampleCity().withBrowser();

  static ApiServer server;
  static Browser browser;

  @BeforeAll
  static void openCityAndBrowser() {
    server = WEB.server();
    browser = WEB.browser();
  }
}
