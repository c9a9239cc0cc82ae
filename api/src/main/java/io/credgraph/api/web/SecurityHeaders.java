package io.credgraph.api.web;

import io.javalin.http.Context;

/**
 * Security headers on every answer: a Content-Security-Policy without inline script (the pages load
 * only their own modules and styles), {@code X-Content-Type-Options: nosniff} and {@code
 * Referrer-Policy: no-referrer} (so no address of ours travels to another site). Swagger UI at
 * {@code /docs} starts itself with an inline script and styles its elements inline, so it gets its
 * own, looser policy (still nothing from other origins).
 */
public final class SecurityHeaders {
  private SecurityHeaders() {}

  public static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
  public static final String DOCS_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
          + "frame-ancestors 'none'";

  /** A before-handler for every request. */
  public static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", "/docs".equals(ctx.path()) ? DOCS_POLICY : PAGE_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
  }
}
