package io.credgraph.api;

import io.credgraph.ValidationException;
import io.credgraph.api.auth.ApiKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the API is configured: its keys, the limits on request bodies, the size of the check cache, and the clock
 * ({@code asOf} defaults to today in China Standard Time by this clock). Checked when built, with messages that
 * say what to fix.
 *
 * @param maxBodyBytes largest JSON request body (checks, status changes, simulations)
 * @param maxBatchBytes largest batch body after decompression ({@code POST /api/v1/batches})
 * @param batchTimeout longest a batch upload may take before it is cut off
 * @param cacheSize entries of each check cache (0 disables caching)
 */
public record ApiConfig(ApiKeys keys, long maxBodyBytes, long maxBatchBytes, Duration batchTimeout, long cacheSize,
    Clock clock, String version) {
  public static final long DEFAULT_MAX_BODY = 1L << 20;
  public static final long DEFAULT_MAX_BATCH = 1L << 30;
  public static final Duration DEFAULT_BATCH_TIMEOUT = Duration.ofMinutes(30);
  public static final long DEFAULT_CACHE_SIZE = 200_000;

  public ApiConfig {
    Objects.requireNonNull(keys, "keys");
    if (maxBodyBytes < 1024) {
      throw new ValidationException("maxBodyBytes", "the body limit must be at least 1024 bytes, not " + maxBodyBytes);
    }
    if (maxBatchBytes < 1024) {
      throw new ValidationException("maxBatchBytes", "the batch limit must be at least 1024 bytes, not "
          + maxBatchBytes);
    }
    if (batchTimeout == null || batchTimeout.isNegative() || batchTimeout.isZero()) {
      throw new ValidationException("batchTimeout", "the batch time limit must be positive");
    }
    if (cacheSize < 0) {
      throw new ValidationException("cacheSize", "the cache size must not be negative");
    }
    Objects.requireNonNull(clock, "clock");
    version = version == null ? "dev" : version;
  }

  public static ApiConfig defaults(ApiKeys keys) {
    return new ApiConfig(keys, DEFAULT_MAX_BODY, DEFAULT_MAX_BATCH, DEFAULT_BATCH_TIMEOUT, DEFAULT_CACHE_SIZE,
        Clock.systemUTC(), implementationVersion());
  }

  public ApiConfig withLimits(long body, long batch, Duration timeout) {
    return new ApiConfig(keys, body, batch, timeout, cacheSize, clock, version);
  }

  public ApiConfig withClock(Clock c) {
    return new ApiConfig(keys, maxBodyBytes, maxBatchBytes, batchTimeout, cacheSize, c, version);
  }

  public ApiConfig withCacheSize(long size) {
    return new ApiConfig(keys, maxBodyBytes, maxBatchBytes, batchTimeout, size, clock, version);
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
