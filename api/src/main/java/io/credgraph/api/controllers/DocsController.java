package io.credgraph.api.controllers;

import io.credgraph.CredgraphException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code GET /openapi.json} (the OpenAPI 3 description) and {@code GET /docs} (Swagger UI reading
 * it).
 */
public final class DocsController {
  private final String openApiJson;
  private final String page;

  public DocsController(String openApiJson) {
    this.openApiJson = openApiJson;
    String base = "/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    this.page =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>credgraph API</title>
          <link rel="stylesheet" href="%1$sswagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="%1$sswagger-ui-bundle.js"></script>
          <script>
            window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
              persistAuthorization: true});
          </script>
        </body>
        </html>
        """
            .formatted(base);
  }

  public void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApiJson);
  }

  public void docs(Context ctx) {
    ctx.html(page);
  }

  /**
   * The version of the Swagger UI webjar on the classpath (its resources live under that version).
   */
  static String swaggerUiVersion() {
    try (InputStream in =
        DocsController.class.getResourceAsStream(
            "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new CredgraphException(
            "the Swagger UI webjar (org.webjars:swagger-ui) is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot read the Swagger UI webjar's version: " + e.getMessage(), e);
    }
  }
}
