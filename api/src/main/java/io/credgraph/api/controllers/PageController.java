package io.credgraph.api.controllers;

import io.credgraph.CredgraphException;
import io.credgraph.api.web.WebPages;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The web workspace's pages: static HTML files ({@code web/pages/<id>.html} on the classpath), read
 * once. A page carries no data: its module ({@code /assets/<id>.js}) asks the API with the key kept
 * in the browser's session.
 */
public final class PageController {
  private final Map<String, String> html = new HashMap<>();

  public PageController() {
    for (WebPages.WebPage p : WebPages.PAGES) {
      String file = "/web/pages/" + p.id() + ".html";
      try (InputStream in = PageController.class.getResourceAsStream(file)) {
        if (in == null) {
          throw new CredgraphException("the page " + file + " is missing from the classpath");
        }
        html.put(p.path(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CredgraphException("cannot read the page " + file + ": " + e.getMessage(), e);
      }
    }
  }

  public void page(Context ctx) {
    String path = ctx.endpointHandlerPath();
    ctx.header("Cache-Control", "no-cache");
    ctx.html(html.get(path));
  }
}
