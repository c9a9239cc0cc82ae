package io.credgraph.api.error;

import io.credgraph.CredgraphException;
import io.credgraph.InvalidKeyException;
import io.credgraph.NotFoundException;
import io.credgraph.StoreException;
import io.credgraph.ValidationException;
import io.credgraph.api.view.Masking;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become answers: every {@link CredgraphException} subtype,
 * Javalin's own HTTP responses (unknown route, wrong method, body too large) and anything
 * unexpected are written as {@code application/problem+json}. Unexpected failures answer 500 with
 * an incident id; the stack trace goes to the log under the same id, never to the client.
 */
public final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private ErrorMapping() {}

  public static void register(Javalin app) {
    app.exception(
        ApiException.class,
        (e, ctx) -> {
          if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"credgraph\"");
          }
          if (e.status() == 429) {
            ctx.header("Retry-After", String.valueOf(e.extension("retryAfterSeconds").orElse(1)));
          }
          send(ctx, e.toProblem(instance(ctx)));
        });
    app.exception(
        InvalidKeyException.class,
        (e, ctx) ->
            send(
                ctx,
                new Problem("invalid-key", "Invalid key", 400, scrub(e.getMessage()), instance(ctx))
                    .with("field", e.field().orElse(null))
                    .with("position", e.position() > 0 ? e.position() : null)
                    .with("expected", e.expectedCheck().map(String::valueOf).orElse(null))));
    app.exception(
        ValidationException.class,
        (e, ctx) ->
            send(
                ctx,
                new Problem(
                        "invalid-field", "Invalid field", 400, scrub(e.getMessage()), instance(ctx))
                    .with("field", e.field().orElse(null))));
    app.exception(
        NotFoundException.class,
        (e, ctx) ->
            send(
                ctx,
                new Problem("not-found", "Not found", 404, scrub(e.getMessage()), instance(ctx))));
    app.exception(
        StoreException.class,
        (e, ctx) -> {
          if (e.retryable()) {
            ctx.header("Retry-After", "1");
            LOG.warn("store busy on {} {}: {}", ctx.method(), route(ctx), scrub(e.getMessage()));
            send(
                ctx,
                new Problem(
                    "store-busy",
                    "Store busy",
                    503,
                    "the store is busy; try again",
                    instance(ctx)));
          } else {
            internal(ctx, e);
          }
        });
    app.exception(
        io.credgraph.engine.OutOfSyncException.class,
        (e, ctx) -> {
          LOG.error("{} {} refused: {}", ctx.method(), route(ctx), scrub(e.getMessage()));
          send(
              ctx,
              new Problem(
                  "out-of-sync",
                  "Graph out of sync with the store",
                  503,
                  scrub(e.getMessage()),
                  instance(ctx)));
        });
    app.exception(
        CredgraphException.class,
        (e, ctx) ->
            send(
                ctx,
                new Problem(
                    "unprocessable",
                    "Request cannot be processed",
                    422,
                    scrub(e.getMessage()),
                    instance(ctx))));
    app.exception(HttpResponseException.class, ErrorMapping::httpResponse);
    app.exception(Exception.class, (e, ctx) -> internal(ctx, e));
  }

  private static void httpResponse(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    Problem p =
        switch (status) {
          case 404 ->
              new Problem(
                  "no-route",
                  "Not found",
                  404,
                  "there is no route "
                      + ctx.method()
                      + " "
                      + scrub(ctx.path())
                      + "; the routes are described at /openapi.json",
                  instance(ctx));
          case 405 -> {
            String allowed = allowed(e.getDetails());
            if (!allowed.isEmpty()) {
              ctx.header("Allow", allowed);
            }
            yield new Problem(
                    "method-not-allowed",
                    "Method not allowed",
                    405,
                    ctx.method()
                        + " is not allowed on "
                        + scrub(ctx.path())
                        + (allowed.isEmpty() ? "" : "; allowed: " + allowed),
                    instance(ctx))
                .with("allowed", allowed.isEmpty() ? null : allowed);
          }
          case 413 ->
              new Problem(
                  "payload-too-large",
                  "Payload too large",
                  413,
                  "the request body is larger than this route accepts",
                  instance(ctx));
          default ->
              new Problem(
                  "http-" + status, titleOf(status), status, scrub(e.getMessage()), instance(ctx));
        };
    send(ctx, p);
  }

  private static String allowed(Map<String, String> details) {
    if (details == null) {
      return "";
    }
    for (Map.Entry<String, String> d : details.entrySet()) {
      if (d.getKey().toLowerCase(java.util.Locale.ROOT).contains("method")) {
        return d.getValue().replaceAll("\\s+", " ").trim();
      }
    }
    return "";
  }

  private static String titleOf(int status) {
    io.javalin.http.HttpStatus s = io.javalin.http.HttpStatus.forStatus(status);
    return s == io.javalin.http.HttpStatus.UNKNOWN ? "HTTP " + status : s.getMessage();
  }

  private static void internal(Context ctx, Exception e) {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    String incident = HexFormat.of().formatHex(b);
    LOG.error("incident {}: {} {} failed", incident, ctx.method(), route(ctx), e);
    send(
        ctx,
        new Problem(
                "internal",
                "Internal error",
                500,
                "the server failed to answer; report incident " + incident + " to the operator",
                instance(ctx))
            .with("incidentId", incident));
  }

  /** Writes the problem; the body is JSON whatever the route would have produced. */
  public static void send(Context ctx, Problem p) {
    ctx.status(p.getStatus());
    ctx.json(p);
    ctx.contentType(Problem.MEDIA_TYPE);
  }

  private static String instance(Context ctx) {
    return scrub(ctx.path());
  }

  /**
   * The matched route template (never a raw path, which a client might have filled with personal
   * data).
   */
  public static String route(Context ctx) {
    String p;
    try {
      p = ctx.endpointHandlerPath();
    } catch (RuntimeException e) {
      p = null;
    }
    return p == null || p.isEmpty() || "*".equals(p) ? scrub(ctx.path()) : p;
  }

  private static String scrub(String s) {
    return Masking.scrub(s);
  }
}
