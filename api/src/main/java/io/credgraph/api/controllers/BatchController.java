package io.credgraph.api.controllers;

import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Params;
import io.credgraph.api.Requests;
import io.credgraph.api.error.ApiException;
import io.credgraph.api.error.BoundedBody;
import io.credgraph.exchange.ExchangeLoader;
import io.credgraph.exchange.LoadListener;
import io.credgraph.exchange.LoadOptions;
import io.credgraph.exchange.LoadProgress;
import io.credgraph.exchange.LoadReport;
import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/batches} (STEWARD): a batch in the exchange format as the body ({@code
 * application/x-ndjson}, {@code Content-Encoding: gzip} accepted), streamed to the loader, never
 * held in memory whole; written through the engine so checks see it at once. The body is cut off
 * with 413 past the configured size (counted after decompression) and with 408 past the configured
 * time; the lines committed by then stay stored, and sending the batch again resumes after them.
 */
public final class BatchController {
  private final ApiBackend backend;
  private final ApiConfig config;

  public BatchController(ApiBackend backend, ApiConfig config) {
    this.backend = backend;
    this.config = config;
  }

  public void load(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!(type.startsWith("application/x-ndjson")
        || type.startsWith("application/jsonl")
        || type.startsWith("application/json-seq")
        || type.startsWith("application/octet-stream")
        || type.startsWith("application/gzip"))) {
      throw ApiException.unsupportedMediaType(
          "send the batch as application/x-ndjson (one JSON object per line), "
              + "optionally with Content-Encoding: gzip; got '"
              + (type.isEmpty() ? "no Content-Type" : type)
              + "'");
    }
    long deadline = System.nanoTime() + config.batchTimeout().toNanos();
    String name =
        Params.text(ctx, "name")
            .orElseGet(
                () ->
                    "api-"
                        + Requests.caller(ctx).name()
                        + "-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                            .format(config.clock().instant().atZone(io.credgraph.model.Dates.CHINA))
                        + ".jsonl");
    LoadOptions options = LoadOptions.defaults();
    options = Params.text(ctx, "department").map(options::withDepartment).orElse(options);
    ExchangeLoader loader = new ExchangeLoader(backend.store(), backend.writer(), options);
    LoadReport report;
    long max = config.maxBatchBytes();
    // every byte is counted as it is read, on the wire and after each decompression, and gzip
    // content (whatever the
    // Content-Type says) is inflated here, while the batch is spooled, outside any store lock,
    // never in the loader
    // the batch waits in DATA/spool (owner-only) while it loads, and is deleted afterwards whatever
    // happens
    java.nio.file.Path spooled = null;
    // a client that stalls mid-upload is cut when the time limit has passed, not at the next byte
    // it might never send: the connection's idle timeout is the limit while the body is read
    long idleBefore = idleTimeout(ctx, config.batchTimeout().toMillis());
    try (InputStream decoded = BoundedBody.open(ctx, max, "the batch")) {
      BufferedInputStream sniff = new BufferedInputStream(decoded, 1 << 16);
      InputStream content = sniff;
      if (BoundedBody.startsWithGzip(sniff)) {
        BufferedInputStream inner =
            new BufferedInputStream(
                BoundedBody.gunzip(
                    new BoundedBody.Counted(sniff, max, "the batch", ""), max, "the batch"),
                1 << 16);
        if (BoundedBody.startsWithGzip(inner)) {
          throw ApiException.unsupportedMediaType(
              "the batch is gzip inside gzip; compress it once");
        }
        content = inner;
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
          name = name.substring(0, name.length() - 3);
        }
      }
      spooled =
          io.credgraph.api.guard.Spool.create(
              io.credgraph.api.guard.Spool.of(backend.audit().file()));
      try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(spooled)) {
        new Limited(content, max, deadline, config.batchTimeout()).transferTo(out);
      }
      idleTimeout(ctx, idleBefore);
      java.nio.file.Path file = spooled;
      report =
          loader.loadAll(
              List.of(
                  io.credgraph.exchange.BatchSource.of(
                      name,
                      java.nio.file.Files.size(file),
                      () -> java.nio.file.Files.newInputStream(file))),
              new Deadline(deadline, config.batchTimeout()));
    } catch (IOException e) {
      if (System.nanoTime() >= deadline) {
        throw timeout(config.batchTimeout()); // the connection's idle timeout cut a stalled upload
      }
      throw ApiException.malformedJson("the batch body could not be read: " + e.getMessage());
    } finally {
      idleTimeout(ctx, idleBefore);
      backend.investigations().recordAlerts();
      if (spooled != null) {
        try {
          java.nio.file.Files.deleteIfExists(spooled);
        } catch (IOException e) {
          org.slf4j.LoggerFactory.getLogger(BatchController.class)
              .warn("cannot delete the spooled batch {}: {}", spooled, e.getMessage());
        }
      }
    }
    Requests.audit(
        ctx,
        backend.audit(),
        List.of(),
        200,
        "batch "
            + name
            + ": "
            + report.accepted()
            + " accepted, "
            + report.rejected()
            + " rejected, "
            + report.pending()
            + " pending, "
            + report.conflicts()
            + " conflicts");
    ctx.json(report);
  }

  private static ApiException timeout(Duration limit) {
    return ApiException.timeout(
        "the batch took longer than the limit of "
            + limit
            + "; the lines committed so far "
            + "are stored: send the same batch again to resume after them");
  }

  /** Cuts the load off at the time limit (the loader reports progress about twice a second). */
  private record Deadline(long deadline, Duration limit) implements LoadListener {
    @Override
    public void progress(LoadProgress progress) {
      if (System.nanoTime() > deadline) {
        throw timeout(limit);
      }
    }
  }

  /** Counts the bytes of the (decompressed) body and refuses past the size or time limit. */
  /**
   * Sets the idle timeout of the request's connection (Jetty) to {@code millis} and returns the one
   * it had; -1 (and nothing set) where the request is not Jetty's.
   */
  private static long idleTimeout(Context ctx, long millis) {
    org.eclipse.jetty.server.Request r = org.eclipse.jetty.server.Request.getBaseRequest(ctx.req());
    if (millis >= 0 && r != null && r.getHttpChannel() != null) {
      org.eclipse.jetty.io.EndPoint end = r.getHttpChannel().getEndPoint();
      long before = end.getIdleTimeout();
      end.setIdleTimeout(millis);
      return before;
    }
    return -1;
  }

  private static final class Limited extends FilterInputStream {
    private final long max;
    private final long deadline;
    private final Duration limit;
    private long count;

    Limited(InputStream in, long max, long deadline, Duration limit) {
      super(in);
      this.max = max;
      this.deadline = deadline;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      count += n;
      if (count > max) {
        throw ApiException.tooLarge(
            "the batch is larger than the limit of "
                + max
                + " bytes (after decompression); "
                + "split it into smaller batches",
            max);
      }
      if (System.nanoTime() > deadline) {
        throw timeout(limit);
      }
    }
  }
}
