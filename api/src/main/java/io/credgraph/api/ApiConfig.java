package io.credgraph.api;

import io.credgraph.ValidationException;
import io.credgraph.api.auth.ApiKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the API is configured: its keys, the limits on request bodies, the size of the check cache,
 * and the clock ({@code asOf} defaults to today in China Standard Time by this clock). Checked when
 * built, with messages that say what to fix.
 *
 * @param maxBodyBytes largest JSON request body (checks, status changes, simulations)
 * @param maxBatchBytes largest batch body after decompression ({@code POST /api/v1/batches})
 * @param batchTimeout longest a batch upload may take before it is cut off
 * @param cacheSize entries of each check cache (0 disables caching)
 * @param feedbackDays days after a check within which its department should report what it did
 *     (DOMAIN.md 7)
 * @param slowRequest a request that takes at least this long, from the moment the server received
 *     it to its answer, is logged with its route, status and times (zero logs none)
 */
public record ApiConfig(
    ApiKeys keys,
    long maxBodyBytes,
    long maxBatchBytes,
    Duration batchTimeout,
    long cacheSize,
    Clock clock,
    String version,
    int feedbackDays,
    Duration slowRequest) {
  public static final long DEFAULT_MAX_BODY = 1L << 20;
  public static final long DEFAULT_MAX_BATCH = 1L << 30;
  public static final Duration DEFAULT_BATCH_TIMEOUT = Duration.ofMinutes(30);
  public static final long DEFAULT_CACHE_SIZE = 200_000;
  public static final int DEFAULT_FEEDBACK_DAYS = 10;
  public static final Duration DEFAULT_SLOW_REQUEST = Duration.ofSeconds(1);

  public ApiConfig {
    Objects.requireNonNull(keys, "keys");
    if (maxBodyBytes < 1024) {
      throw new ValidationException(
          "maxBodyBytes", "the body limit must be at least 1024 bytes, not " + maxBodyBytes);
    }
    if (maxBatchBytes < 1024) {
      throw new ValidationException(
          "maxBatchBytes", "the batch limit must be at least 1024 bytes, not " + maxBatchBytes);
    }
    if (batchTimeout == null || batchTimeout.isNegative() || batchTimeout.isZero()) {
      throw new ValidationException("batchTimeout", "the batch time limit must be positive");
    }
    if (cacheSize < 0) {
      throw new ValidationException("cacheSize", "the cache size must not be negative");
    }
    Objects.requireNonNull(clock, "clock");
    version = version == null ? "dev" : version;
    if (feedbackDays < 1 || feedbackDays > 365) {
      throw new ValidationException(
          "feedbackDays", "feedback is due 1 to 365 days after a check, not " + feedbackDays);
    }
    if (slowRequest == null || slowRequest.isNegative()) {
      throw new ValidationException(
          "slowRequest",
          "the slow-request threshold (--slow-request-ms) must not be negative (0 logs none)");
    }
  }

  public static ApiConfig defaults(ApiKeys keys) {
    return new ApiConfig(
        keys,
        DEFAULT_MAX_BODY,
        DEFAULT_MAX_BATCH,
        DEFAULT_BATCH_TIMEOUT,
        DEFAULT_CACHE_SIZE,
        Clock.systemUTC(),
        implementationVersion(),
        DEFAULT_FEEDBACK_DAYS,
        DEFAULT_SLOW_REQUEST);
  }

  public ApiConfig withLimits(long body, long batch, Duration timeout) {
    Copy c = new Copy(this);
    c.maxBodyBytes = body;
    c.maxBatchBytes = batch;
    c.batchTimeout = timeout;
    return c.build();
  }

  public ApiConfig withClock(Clock clock) {
    Copy c = new Copy(this);
    c.clock = clock;
    return c.build();
  }

  public ApiConfig withCacheSize(long size) {
    Copy c = new Copy(this);
    c.cacheSize = size;
    return c.build();
  }

  public ApiConfig withFeedbackDays(int days) {
    Copy c = new Copy(this);
    c.feedbackDays = days;
    return c.build();
  }

  public ApiConfig withSlowRequest(Duration threshold) {
    Copy c = new Copy(this);
    c.slowRequest = threshold;
    return c.build();
  }

  /** A configuration's values, to change some and check the result as a new configuration. */
  private static final class Copy {
    private final ApiKeys keys;
    private long maxBodyBytes;
    private long maxBatchBytes;
    private Duration batchTimeout;
    private long cacheSize;
    private Clock clock;
    private final String version;
    private int feedbackDays;
    private Duration slowRequest;

    Copy(ApiConfig c) {
      keys = c.keys;
      maxBodyBytes = c.maxBodyBytes;
      maxBatchBytes = c.maxBatchBytes;
      batchTimeout = c.batchTimeout;
      cacheSize = c.cacheSize;
      clock = c.clock;
      version = c.version;
      feedbackDays = c.feedbackDays;
      slowRequest = c.slowRequest;
    }

    ApiConfig build() {
      return new ApiConfig(
          keys,
          maxBodyBytes,
          maxBatchBytes,
          batchTimeout,
          cacheSize,
          clock,
          version,
          feedbackDays,
          slowRequest);
    }
  }

  /** The project version the build wrote into {@code version.properties}. */
  public static String implementationVersion() {
    try (java.io.InputStream in = ApiConfig.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (java.io.IOException e) {
      return "dev";
    }
  }
}
