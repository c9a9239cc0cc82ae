package io.credgraph.api.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.credgraph.api.Protections;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.error.ApiException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) per API key and per anonymous client address: a request beyond the
 * bucket is answered 429 with {@code Retry-After} in whole seconds. {@code /health} is never
 * limited. Buckets of clients not seen for ten minutes are dropped, and at most 100,000 are kept
 * (the oldest go first), so that a flood of addresses cannot fill memory. The address is the TCP
 * peer: behind a proxy every anonymous client shares the proxy's bucket, so set the proxy's own
 * limits or raise {@code --rate-anonymous}.
 */
public final class RateLimits {
  private final Protections p;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(10, TimeUnit.MINUTES).build();

  public RateLimits(Protections p) {
    this.p = p;
  }

  /** Refuses the request with 429 when its caller's bucket is empty. */
  public void check(Context ctx, Caller caller) {
    if ("/health".equals(ctx.path())) {
      return;
    }
    boolean anonymous = caller.isAnonymous();
    double rate = anonymous ? p.anonymousPerSecond() : p.keyPerSecond();
    if (rate <= 0) {
      return;
    }
    long burst = anonymous ? p.anonymousBurst() : Math.max(1, (long) Math.ceil(rate));
    String id = anonymous ? "ip:" + ctx.ip() : "key:" + caller.name();
    Bucket bucket = buckets.get(id, k -> bucket(rate, burst));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
      throw ApiException.tooManyRequests(
          (anonymous ? "this address" : "this key")
              + " sent more than "
              + format(rate)
              + " requests per second"
              + (anonymous ? " (bursts of " + burst + ")" : "")
              + "; try again in "
              + seconds
              + " s"
              + (anonymous ? ", or use an API key" : ""),
          seconds);
    }
  }

  static Bucket bucket(double rate, long burst) {
    long tokens = Math.max(1, (long) Math.ceil(rate));
    Duration period = Duration.ofNanos((long) (tokens / rate * 1e9));
    return Bucket.builder().addLimit(l -> l.capacity(burst).refillGreedy(tokens, period)).build();
  }

  private static String format(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }
}
